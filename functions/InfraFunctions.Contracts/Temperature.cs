namespace InfraFunctions.Contracts;

/// <summary>One temperature sensor, from hwmon or a thermal zone.</summary>
/// <param name="Sensor">Sensor name: the hwmon chip and its label (<c>coretemp/Package id 0</c>), or the thermal zone and its type.</param>
/// <param name="Celsius">The reading in °C.</param>
/// <param name="CriticalCelsius">The sensor's critical level in °C, when it has one.</param>
/// <param name="MaxCelsius">The sensor's maximum (high) level in °C, when it has one.</param>
public sealed record Temperature(
    string Sensor,
    double Celsius,
    double? CriticalCelsius = null,
    double? MaxCelsius = null);
