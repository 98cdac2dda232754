using InfraFunctions.Contracts;
using InfraFunctions.Core.Rules;

namespace InfraFunctions.Core.Tests.Rules;

public sealed class RuleMetricsTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    internal static Sample Full() => new(
        At,
        new CpuMetrics(42, 4, 2400, LoadAvg: new LoadAverage(1.5, 1.25, 1)),
        new MemoryMetrics(16, 12, 4, 75, new SwapMetrics(2, 0.5, 25)),
        new DiskMetrics(100, 60, 40, 60),
        new NetworkMetrics(1000, 2000, 37, 512, 1024),
        Disks: [new DiskMount("/", "/dev/sda1", "ext4", 100, 60, 40, 60, 10, 20), new DiskMount("/data", "/dev/sdb1", "xfs", 500, 465, 35, 93, 300, 400)],
        Processes: [Proc(1, "nginx", 10, 100), Proc(2, "nginx", 5.5, 50), Proc(3, "postgres", 20, 800)],
        Containers: [new ContainerInfo("abc123", "docker", 12.5, 256, 1024), new ContainerInfo("nolimit", "docker", 1, 256, 0)],
        CustomMetrics: [new CustomMetric("queue_depth", 17, new Dictionary<string, string> { ["queue"] = "orders" }), new CustomMetric("queue_depth", 3), new CustomMetric("jobs", 9)],
        Temperatures: [new Temperature("coretemp", 61)]);

    internal static Sample Bare() => new(At, new CpuMetrics(5, 1, 1000), new MemoryMetrics(1, 0.5, 0.5, 50), new DiskMetrics(10, 1, 9, 10), new NetworkMetrics(0, 0, 2));

    private static ProcessInfo Proc(int pid, string name, double cpu, double memoryMb) => new(pid, name, "running", cpu, memoryMb, 1, 4, 10, At);

    private static double? Read(string metric, Sample sample)
    {
        Assert.True(MetricPath.TryParse(metric, out var path, out var problem), problem);
        Assert.Null(RuleMetrics.Problem(path));
        return RuleMetrics.Read(path, sample);
    }

    [Theory]
    [InlineData("cpu.percent", 42)]
    [InlineData("memory.percent", 75)]
    [InlineData("memory.available_gb", 4)]
    [InlineData("swap.percent", 25)]
    [InlineData("disk.percent", 60)]
    [InlineData("disk.percent{mount=/data}", 93)]
    [InlineData("disk.free_gb", 40)]
    [InlineData("disk.free_gb{mount=/data}", 35)]
    [InlineData("disk.read_bytes_per_sec{mount=/data}", 300)]
    [InlineData("disk.write_bytes_per_sec{mount=/}", 20)]
    [InlineData("load.1m", 1.5)]
    [InlineData("load.5m", 1.25)]
    [InlineData("load.15m", 1)]
    [InlineData("network.connections", 37)]
    [InlineData("network.sent_bytes_per_sec", 512)]
    [InlineData("network.recv_bytes_per_sec", 1024)]
    [InlineData("process.cpu_percent{name=nginx}", 15.5)]
    [InlineData("process.memory_mb{name=nginx}", 150)]
    [InlineData("process.count{name=nginx}", 2)]
    [InlineData("container.cpu_percent{id=abc123}", 12.5)]
    [InlineData("container.memory_percent{id=abc123}", 25)]
    [InlineData("temperature.celsius{sensor=coretemp}", 61)]
    [InlineData("custom.queue_depth{queue=orders}", 17)]
    [InlineData("custom.queue_depth", 3)]
    public void EachFamilyReadsItsValueFromASample(string metric, double expected)
    {
        Assert.Equal(expected, Read(metric, Full()));
    }

    [Theory]
    [InlineData("swap.percent")]
    [InlineData("load.1m")]
    [InlineData("disk.percent{mount=/data}")]
    [InlineData("disk.read_bytes_per_sec{mount=/}")]
    [InlineData("process.cpu_percent{name=nginx}")]
    [InlineData("container.cpu_percent{id=abc123}")]
    [InlineData("temperature.celsius{sensor=coretemp}")]
    [InlineData("custom.queue_depth")]
    public void ASeriesTheSampleDoesNotCarryReadsAsNoDataNotZero(string metric)
    {
        Assert.Null(Read(metric, Bare()));
    }

    [Theory]
    [InlineData("disk.percent{mount=/nowhere}")]
    [InlineData("container.cpu_percent{id=gone}")]
    [InlineData("container.memory_percent{id=nolimit}")]
    [InlineData("temperature.celsius{sensor=gpu}")]
    [InlineData("custom.queue_depth{queue=billing}")]
    [InlineData("custom.queue_depth{queue=orders,region=eu}")]
    [InlineData("custom.jobs{queue=orders}")]
    public void ASeriesWithOtherLabelsThanTheSampleCarriesIsNoData(string metric)
    {
        Assert.Null(Read(metric, Full()));
    }

    [Fact]
    public void AProcessThatIsNotRunningCountsZeroInstancesButHasNoCpu()
    {
        Assert.Equal(0, Read("process.count{name=redis}", Full()));
        Assert.Null(Read("process.cpu_percent{name=redis}", Full()));
    }

    [Theory]
    [InlineData("gpu.percent", "Unknown metric")]
    [InlineData("cpu.percent{core=1}", "takes no labels")]
    [InlineData("disk.percent{device=/dev/sda}", "only the label 'mount'")]
    [InlineData("process.cpu_percent", "needs the label 'name'")]
    [InlineData("custom.", "Name the custom series")]
    public void UnknownNamesAndWrongLabelsAreProblems(string metric, string problem)
    {
        Assert.True(MetricPath.TryParse(metric, out var path, out _));
        Assert.Contains(problem, RuleMetrics.Problem(path), StringComparison.Ordinal);
    }

    [Fact]
    public void TheSeriesOfASampleAreEveryOneItCarriesAndEachReadsBack()
    {
        var sample = Full();
        var series = RuleMetrics.SeriesOf(sample).ToArray();

        Assert.Contains("disk.percent{mount=/data}", series);
        Assert.Contains("process.cpu_percent{name=nginx}", series);
        Assert.Single(series, s => s == "process.cpu_percent{name=nginx}");
        Assert.Contains("custom.queue_depth{queue=orders}", series);
        Assert.Contains("custom.queue_depth", series);
        Assert.Contains("temperature.celsius{sensor=coretemp}", series);
        Assert.DoesNotContain("disk.read_bytes_per_sec", series);
        Assert.All(series, s => Assert.NotNull(Read(s, sample)));
    }
}
