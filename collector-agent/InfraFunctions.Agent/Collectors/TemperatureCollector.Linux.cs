using InfraFunctions.Agent.Native;
using InfraFunctions.Agent.Parsing;
using InfraFunctions.Contracts;

namespace InfraFunctions.Agent.Collectors;

/// <summary>
/// Temperatures from hwmon and thermal zones. Sensors are found once a minute (chips appear only with hotplug or a
/// driver load); every sample reads each input with one syscall set and no allocation but the reading itself.
/// An input that cannot be read (a sensor that is asleep, or absent) is left out of that sample, without an error.
/// </summary>
internal sealed class TemperatureCollector(TimeProvider time, bool enabled, string sysClassRoot)
{
    private static readonly TimeSpan RediscoverEvery = TimeSpan.FromSeconds(60);

    private List<TemperatureSensor> sensors = [];
    private long discoveredAt;
    private bool discovered;

    /// <summary>Whether temperatures are read; the server may turn them on while the agent runs.</summary>
    public bool Enabled { get; set; } = enabled;

    public IReadOnlyList<Temperature> Collect()
    {
        if (!Enabled)
        {
            return [];
        }

        var now = time.GetTimestamp();
        if (!discovered || time.GetElapsedTime(discoveredAt, now) >= RediscoverEvery)
        {
            sensors = TemperatureDiscovery.Discover(sysClassRoot);
            discoveredAt = now;
            discovered = true;
        }

        if (sensors.Count == 0)
        {
            return [];
        }

        var readings = new List<Temperature>(sensors.Count);
        Span<byte> text = stackalloc byte[32];
        foreach (var sensor in sensors)
        {
            var length = ProcFile.ReadOnce(sensor.InputPath, text);
            if (length > 0 && HwmonParser.TryParseMillidegrees(text[..length], out var celsius))
            {
                readings.Add(new Temperature(sensor.Name, celsius, sensor.CriticalCelsius, sensor.MaxCelsius));
            }
        }

        return readings;
    }
}
