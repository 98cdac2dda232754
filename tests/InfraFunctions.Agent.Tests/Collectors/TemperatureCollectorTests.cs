using InfraFunctions.Agent.Collectors;
using InfraFunctions.Agent.Tests.Delivery;
using InfraFunctions.Contracts;
using Microsoft.Extensions.Time.Testing;

namespace InfraFunctions.Agent.Tests.Collectors;

public sealed class TemperatureCollectorTests : IDisposable
{
    private readonly TempDirectory directory = new();

    [Fact]
    public void ALaptopsSensorsAreNamedByChipAndLabelInDegreesWithTheirLimits()
    {
        var readings = new TemperatureCollector(new FakeTimeProvider(), enabled: true, TestFiles.Path("sensors-laptop")).Collect();

        Assert.Equal(
            [
                new Temperature("acpitz/temp1", 27.8, 119, null),
                new Temperature("nvme/Composite", 38.85, 84.85, 81.85),
                new Temperature("nvme/Sensor 1", 38.85, null, 65261.85),
                new Temperature("coretemp/Package id 0", 45, 100, 100),
                new Temperature("coretemp/Core 0", 43, 100, 100),
                new Temperature("coretemp/Core 1", 44, 100, 100),
                new Temperature("it8728/temp1", 36, null, 70),
                new Temperature("it8728/temp2", -5.5),
                new Temperature("hwmon5/temp1", 51.5),
                new Temperature("amdgpu/edge", 52, 100),
                new Temperature("amdgpu/junction", 55, 110),
                new Temperature("thermal_zone0/acpitz", 27.8, 119),
                new Temperature("thermal_zone1/x86_pkg_temp", 45),
                new Temperature("thermal_zone3/INT3400 Thermal", 20, 105),
            ],
            readings);
    }

    [Fact]
    public void ReadingsAreFreshEverySampleWhileNewSensorsAppearWithinAMinute()
    {
        CopyTree(TestFiles.Path("sensors-laptop"), directory.Path);
        var time = new FakeTimeProvider();
        var collector = new TemperatureCollector(time, enabled: true, directory.Path);
        collector.Collect();
        File.WriteAllText(Path.Combine(directory.Path, "hwmon/hwmon2/temp1_input"), "71500\n");
        AddChip("hwmon11", "coretemp", "Package id 1", "47000");

        time.Advance(TimeSpan.FromSeconds(5));
        var soon = collector.Collect();
        time.Advance(TimeSpan.FromSeconds(55));
        var later = collector.Collect();

        Assert.Equal(71.5, soon.Single(t => t.Sensor == "coretemp/Package id 0").Celsius);
        Assert.DoesNotContain(soon, t => t.Sensor.Contains("Package id 1", StringComparison.Ordinal));
        // Two chips of one name are numbered in hwmon order, as the kernel numbers coretemp.0 and coretemp.1.
        Assert.Equal([("coretemp.0/Package id 0", 71.5), ("coretemp.1/Package id 1", 47.0)],
            later.Where(t => t.Sensor.Contains("Package", StringComparison.Ordinal)).Select(t => (t.Sensor, t.Celsius)));
    }

    [Fact]
    public void ClassDirectoriesThatAreSymlinksToDevicesAreFollowedAsInSysfs()
    {
        var device = Path.Combine(directory.Path, "devices/platform/coretemp.0/hwmon/hwmon3");
        Directory.CreateDirectory(device);
        File.WriteAllText(Path.Combine(device, "name"), "coretemp\n");
        File.WriteAllText(Path.Combine(device, "temp1_label"), "Package id 0\n");
        File.WriteAllText(Path.Combine(device, "temp1_input"), "39000\n");
        Directory.CreateDirectory(Path.Combine(directory.Path, "hwmon"));
        File.CreateSymbolicLink(Path.Combine(directory.Path, "hwmon/hwmon3"), "../devices/platform/coretemp.0/hwmon/hwmon3");

        var reading = Assert.Single(new TemperatureCollector(new FakeTimeProvider(), enabled: true, directory.Path).Collect());

        Assert.Equal(new Temperature("coretemp/Package id 0", 39), reading);
    }

    [Fact]
    public void AHostWithoutSensorsReportsNone()
    {
        Directory.CreateDirectory(Path.Combine(directory.Path, "hwmon"));
        Directory.CreateDirectory(Path.Combine(directory.Path, "thermal/cooling_device0"));

        Assert.Empty(new TemperatureCollector(new FakeTimeProvider(), enabled: true, directory.Path).Collect());
        Assert.Empty(new TemperatureCollector(new FakeTimeProvider(), enabled: true, Path.Combine(directory.Path, "no-sys-class")).Collect());
    }

    [Fact]
    public void TurnedOffItReportsNoneWhereSensorsExist() =>
        Assert.Empty(new TemperatureCollector(new FakeTimeProvider(), enabled: false, TestFiles.Path("sensors-laptop")).Collect());

    public void Dispose() => directory.Dispose();

    private void AddChip(string hwmon, string name, string label, string millidegrees)
    {
        var chip = Path.Combine(directory.Path, "hwmon", hwmon);
        Directory.CreateDirectory(chip);
        File.WriteAllText(Path.Combine(chip, "name"), name + "\n");
        File.WriteAllText(Path.Combine(chip, "temp1_label"), label + "\n");
        File.WriteAllText(Path.Combine(chip, "temp1_input"), millidegrees + "\n");
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
