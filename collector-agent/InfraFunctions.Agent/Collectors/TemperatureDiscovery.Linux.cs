using InfraFunctions.Agent.Parsing;

namespace InfraFunctions.Agent.Collectors;

/// <summary>
/// Finds the temperature inputs of <c>/sys/class/hwmon</c> and <c>/sys/class/thermal</c>. Both are kept, though a
/// thermal zone often has a hwmon twin (<c>acpitz</c>, or <c>x86_pkg_temp</c> beside coretemp's package sensor): the
/// names differ, and which one a host has depends on its drivers.
/// </summary>
internal static class TemperatureDiscovery
{
    public static List<TemperatureSensor> Discover(string sysClassRoot)
    {
        var buffer = new byte[256];
        var sensors = new List<TemperatureSensor>();
        Hwmon(Path.Combine(sysClassRoot, "hwmon"), sensors, ref buffer);
        ThermalZones(Path.Combine(sysClassRoot, "thermal"), sensors, ref buffer);
        return sensors;
    }

    private static void Hwmon(string root, List<TemperatureSensor> sensors, ref byte[] buffer)
    {
        var chips = new List<HwmonChip>();
        foreach (var (_, directory) in SysfsFiles.Numbered(root, "hwmon", ""))
        {
            // Older drivers keep their attributes on the device, not on the hwmon class device.
            var device = Path.Combine(directory, "device");
            var attributes = directory;
            var inputs = SysfsFiles.Numbered(directory, "temp", "_input");
            if (inputs.Count == 0)
            {
                attributes = device;
                inputs = SysfsFiles.Numbered(device, "temp", "_input");
            }

            if (inputs.Count == 0)
            {
                continue; // fans and voltages only
            }

            var name = SysfsFiles.Text(Path.Combine(directory, "name"), ref buffer)
                ?? SysfsFiles.Text(Path.Combine(device, "name"), ref buffer)
                ?? Path.GetFileName(directory);
            chips.Add(new HwmonChip(name, attributes, inputs));
        }

        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (name, _, _) in chips)
        {
            names[name] = names.GetValueOrDefault(name) + 1;
        }

        // Chips of the same name (coretemp on each socket, one nvme per drive) are told apart as the kernel numbers
        // their devices: coretemp.0, coretemp.1.
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, directory, inputs) in chips)
        {
            var chip = name;
            if (names[name] > 1)
            {
                var ordinal = seen.GetValueOrDefault(name);
                seen[name] = ordinal + 1;
                chip = $"{name}.{ordinal}";
            }

            foreach (var (index, input) in inputs)
            {
                var prefix = Path.Combine(directory, $"temp{index}");
                var sensor = HwmonParser.SensorName(chip, SysfsFiles.Text(prefix + "_label", ref buffer), index);
                if (!used.Add(sensor))
                {
                    sensor = HwmonParser.SensorName(chip, null, index);
                    used.Add(sensor);
                }

                sensors.Add(new TemperatureSensor(
                    sensor,
                    SysfsFiles.NativePath(input),
                    SysfsFiles.Millidegrees(prefix + "_crit", ref buffer),
                    SysfsFiles.Millidegrees(prefix + "_max", ref buffer)));
            }
        }
    }

    private static void ThermalZones(string root, List<TemperatureSensor> sensors, ref byte[] buffer)
    {
        foreach (var (_, zone) in SysfsFiles.Numbered(root, "thermal_zone", ""))
        {
            double? critical = null;
            foreach (var (index, typePath) in SysfsFiles.Numbered(zone, "trip_point_", "_type"))
            {
                var length = Native.ProcFile.ReadAll(typePath, ref buffer);
                if (length > 0 && ThermalZoneParser.IsCritical(buffer.AsSpan(0, length)))
                {
                    critical = SysfsFiles.Millidegrees(Path.Combine(zone, $"trip_point_{index}_temp"), ref buffer);
                    break;
                }
            }

            var name = ThermalZoneParser.SensorName(Path.GetFileName(zone), SysfsFiles.Text(Path.Combine(zone, "type"), ref buffer));
            sensors.Add(new TemperatureSensor(name, SysfsFiles.NativePath(Path.Combine(zone, "temp")), critical, null));
        }
    }
}
