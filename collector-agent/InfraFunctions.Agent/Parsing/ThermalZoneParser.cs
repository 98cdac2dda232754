namespace InfraFunctions.Agent.Parsing;

/// <summary>
/// The thermal sysfs interface (Documentation/driver-api/thermal/sysfs-api.rst): <c>thermal_zone[N]/type</c>,
/// <c>temp</c> in millidegrees Celsius, and trip points <c>trip_point_[N]_type</c> / <c>trip_point_[N]_temp</c>.
/// </summary>
internal static class ThermalZoneParser
{
    /// <summary>N of <c>thermal_zone[N]</c>; -1 otherwise (cooling devices share the directory).</summary>
    public static int ZoneIndex(string directoryName) => HwmonParser.Index(directoryName, "thermal_zone", "");

    /// <summary>N of <c>trip_point_[N]_type</c>; -1 otherwise.</summary>
    public static int TripPointIndex(string fileName) => HwmonParser.Index(fileName, "trip_point_", "_type");

    /// <summary>Whether a trip point's type is <c>critical</c> (the kernel shuts down there), the level a reading is shown against.</summary>
    public static bool IsCritical(ReadOnlySpan<byte> type) => type.Trim(" \t\r\n"u8).SequenceEqual("critical"u8);

    /// <summary><c>thermal_zone0/x86_pkg_temp</c>; the zone alone when it has no type.</summary>
    public static string SensorName(string zone, string? type) => string.IsNullOrWhiteSpace(type) ? zone : $"{zone}/{type}";
}
