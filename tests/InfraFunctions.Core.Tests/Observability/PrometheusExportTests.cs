using InfraFunctions.Contracts;
using InfraFunctions.Core.Health;
using InfraFunctions.Core.Observability;
using InfraFunctions.Core.Options;
using InfraFunctions.Core.Storage;
using InfraFunctions.Testing;

namespace InfraFunctions.Core.Tests.Observability;

public sealed class PrometheusExportTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    private static HostRecord Host(string id, double cpu, DateTimeOffset lastSeen, IReadOnlyList<DiskMount>? disks = null) =>
        new(id, new PlatformInfo(id, "Linux", "Debian", "6.1", "x86_64", ".NET 10", Now.AddDays(-3), "1.0.0"), Now.AddDays(-1), lastSeen, 30, 5, 3,
            new Sample(lastSeen, new CpuMetrics(cpu, 4, 2400, null, new LoadAverage(0.5, 0.75, 1)), new MemoryMetrics(16, 8, 8, 50, new SwapMetrics(2, 0.5, 25)),
                new DiskMetrics(100, 61.5, 38.5, 61.5), new NetworkMetrics(123456789, 987654321, 42), disks));

    [Fact]
    public void TheExportParsesStrictlyWithHelpAndTypeAndEscapedHostLabelsThatRoundTrip()
    {
        var tricky = "rack\\7 \"blue\"";
        var hosts = new[]
        {
            Host("web-01", 45.2, Now.AddSeconds(-10), [new DiskMount("/", "/dev/sda1", "ext4", 100, 61.5, 38.5, 61.5), new DiskMount("/mnt/odd\nname", "/dev/sdb\\1", "xfs", 50, 10, 40, 20)]),
            Host(tricky, 91.25, Now.AddMinutes(-30)),
        };

        var text = PrometheusExporter.Render(hosts, Judged(hosts), new IngestOptions(), Now);
        var (samples, help) = PrometheusTextParser.Parse(text);

        Assert.Equal("CPU usage of the latest sample, in percent.", help["infra_cpu_usage_percent"]);
        var cpu = samples.Where(s => s.Name == "infra_cpu_usage_percent").ToDictionary(s => s.Labels["host"], s => s.Value);
        Assert.Equal(new Dictionary<string, double> { ["web-01"] = 45.2, [tricky] = 91.25 }, cpu);
        Assert.Contains("infra_cpu_usage_percent{host=\"rack\\\\7 \\\"blue\\\"\"} 91.25\n", text, StringComparison.Ordinal);
        Assert.All(samples.Where(s => s.Name == "infra_cpu_usage_percent"), s => Assert.Equal("gauge", s.Type));
        var up = samples.Where(s => s.Name == "infra_up").ToDictionary(s => s.Labels["host"], s => s.Value);
        Assert.Equal((1.0, 0.0), (up["web-01"], up[tricky]));
        var odd = samples.Single(s => s.Name == "infra_filesystem_usage_percent" && s.Labels["mountpoint"] != "/");
        Assert.Equal(("/mnt/odd\nname", "/dev/sdb\\1", 20.0), (odd.Labels["mountpoint"], odd.Labels["device"], odd.Value));
        Assert.Contains("mountpoint=\"/mnt/odd\\nname\"", text, StringComparison.Ordinal);
        var sent = samples.Single(s => s.Name == "infra_network_transmit_bytes_total" && s.Labels["host"] == "web-01");
        Assert.Equal(("counter", 123456789.0), (sent.Type, sent.Value));
        Assert.Equal(16 * 1024d * 1024 * 1024, samples.Single(s => s.Name == "infra_memory_total_bytes" && s.Labels["host"] == "web-01").Value);
        Assert.Equal(0.5, samples.Single(s => s.Name == "infra_load1" && s.Labels["host"] == tricky).Value);
    }

    [Fact]
    public void EachHostsStatusIsAStateSetWithOneAndTheScoreBesideIt()
    {
        var hosts = new[] { Host("hot", 98.6, Now.AddSeconds(-10)), Host("calm", 45.2, Now.AddSeconds(-10)), Host("gone", 98.6, Now.AddMinutes(-30)) };

        var (samples, help) = PrometheusTextParser.Parse(PrometheusExporter.Render(hosts, Judged(hosts), new IngestOptions(), Now));

        var status = samples.Where(s => s.Name == "infra_host_status").GroupBy(s => s.Labels["host"])
            .ToDictionary(g => g.Key, g => g.ToDictionary(s => s.Labels["status"], s => s.Value));
        Assert.Equal(new Dictionary<string, double> { ["down"] = 0, ["critical"] = 1, ["degraded"] = 0, ["healthy"] = 0 }, status["hot"]);
        Assert.Equal(1, status["calm"]["healthy"]);
        Assert.Equal(1, status["gone"]["down"]);
        Assert.All(status.Values, s => Assert.Equal(1, s.Values.Sum()));
        Assert.Contains("down, critical, degraded or healthy", help["infra_host_status"], StringComparison.Ordinal);
        Assert.Equal(HealthScore.Compute(98.6, 50, 61.5, warnings: 0, critical: 1), samples.Single(s => s.Name == "infra_health_score" && s.Labels["host"] == "hot").Value);
    }

    [Fact]
    public void AnEmptyFleetStillExposesEveryFamilyWithHelpAndType()
    {
        var (samples, help) = PrometheusTextParser.Parse(PrometheusExporter.Render([], new Dictionary<string, HostHealth>(), new IngestOptions(), Now));

        Assert.Empty(samples);
        Assert.Contains("infra_cpu_usage_percent", help.Keys);
    }

    [Fact]
    public void InfraUpHelpNamesTheConfiguredIntervalsAndAHostWithinThemIsUp()
    {
        var hosts = new[] { Host("slow", 45.2, Now.AddSeconds(-120)) };

        var (samples, help) = PrometheusTextParser.Parse(PrometheusExporter.Render(hosts, Judged(hosts), new IngestOptions { StaleAfterIntervals = 5 }, Now));
        var (_, defaultHelp) = PrometheusTextParser.Parse(PrometheusExporter.Render(hosts, Judged(hosts), new IngestOptions(), Now));

        Assert.Equal("1 when the host reported within 5 of its intervals, else 0.", help["infra_up"]);
        Assert.Equal(1, samples.Single(s => s.Name == "infra_up").Value); // 120 s silent, limit 5 x 30 s
        Assert.Equal("1 when the host reported within 3 of its intervals, else 0.", defaultHelp["infra_up"]);
    }

    private static Dictionary<string, HostHealth> Judged(IEnumerable<HostRecord> hosts) => hosts.ToDictionary(
        h => h.HostId,
        h => HostHealth.Judge(h.Latest.Cpu.Percent, h.Latest.Memory.Percent, h.Latest.Disk.Percent, ThresholdSet.From(new ThresholdOptions()), criticalAlertOpen: false,
            stale: Now - h.LastSeen > TimeSpan.FromSeconds(90)));

    [Theory]
    [InlineData("a\\b", "a\\\\b")]
    [InlineData("say \"hi\"", "say \\\"hi\\\"")]
    [InlineData("two\nlines", "two\\nlines")]
    public void LabelValuesEscapeBackslashQuoteAndLineFeed(string raw, string escaped) =>
        Assert.Equal(escaped, PrometheusText.EscapeLabel(raw));

    [Theory]
    [InlineData("# TYPE m gauge\nm{host=\"a\"b\"} 1\n")]
    [InlineData("m 1\n")]
    [InlineData("# TYPE m gauge\nm{host=\"a\\tb\"} 1\n")]
    [InlineData("# TYPE m gauge\nm 1")]
    [InlineData("# TYPE m gauge\nm 1\n# TYPE n gauge\nn 1\nm{a=\"b\"} 2\n")]
    [InlineData("# TYPE m gauge\nm one\n")]
    [InlineData("# TYPE m gauge\nm 1\nm 2\n")]
    public void TheStrictParserRejectsMalformedExpositions(string text) =>
        Assert.Throws<FormatException>(() => PrometheusTextParser.Parse(text));

    [Fact]
    public void SpecialValuesUseTheSpellingsPrometheusParses()
    {
        Assert.Equal(("NaN", "+Inf", "-Inf", "0.1"), (PrometheusText.Number(double.NaN), PrometheusText.Number(double.PositiveInfinity), PrometheusText.Number(double.NegativeInfinity), PrometheusText.Number(0.1)));
    }
}
