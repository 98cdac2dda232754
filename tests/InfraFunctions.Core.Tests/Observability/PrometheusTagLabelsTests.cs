using InfraFunctions.Contracts;
using InfraFunctions.Core.Health;
using InfraFunctions.Core.Observability;
using InfraFunctions.Core.Options;
using InfraFunctions.Core.Storage;
using InfraFunctions.Testing;

namespace InfraFunctions.Core.Tests.Observability;

public sealed class PrometheusTagLabelsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    private static HostRecord Host(string id, Sample latest) =>
        new(id, new PlatformInfo(id, "Linux", "Debian", "6.1", "x86_64", ".NET 10", Now.AddDays(-3), "1.0.0"), Now.AddDays(-1), Now.AddSeconds(-10), 30, 5, 0, latest);

    private static List<PrometheusSample> Export(HostRecord[] hosts, Dictionary<string, IReadOnlyDictionary<string, string>> tags)
    {
        var health = hosts.ToDictionary(h => h.HostId, h => HostHealth.Judge(10, 10, 10, ThresholdSet.From(new ThresholdOptions()), criticalAlertOpen: false, stale: false));
        return PrometheusTextParser.Parse(PrometheusExporter.Render(hosts, health, new IngestOptions(), Now, tags)).Samples;
    }

    [Fact]
    public void EverySeriesOfATaggedHostCarriesItsTagsAsTagLabelsWithDotsAndDashesAsUnderscores()
    {
        var sample = SampleParts.Captured(Now) with { CustomMetrics = [new("queue_depth", 3, new Dictionary<string, string> { ["queue"] = "mail" })] };
        var samples = Export(
            [Host("web-1", sample), Host("db-1", sample)],
            new() { ["web-1"] = new Dictionary<string, string> { ["env"] = "prod", ["team.name"] = "edge", ["cost-center"] = "42" } });

        var web = samples.Where(s => s.Labels["host"] == "web-1").ToArray();
        Assert.True(web.Length > 20, $"{web.Length} series");
        Assert.All(web, s => Assert.Equal(("prod", "edge", "42"), (s.Labels["tag_env"], s.Labels["tag_team_name"], s.Labels["tag_cost_center"])));
        Assert.Contains(web, s => s.Name == "infra_host_status" && s.Labels.ContainsKey("status"));
        Assert.Contains(web, s => s.Name == "infra_filesystem_usage_percent" && s.Labels.ContainsKey("mountpoint"));
        Assert.Equal("mail", web.Single(s => s.Name == "queue_depth").Labels["queue"]);
        Assert.All(samples.Where(s => s.Labels["host"] == "db-1"), s => Assert.DoesNotContain(s.Labels.Keys, k => k.StartsWith("tag_", StringComparison.Ordinal)));
    }

    [Fact]
    public void KeysThatMakeTheSameLabelKeepTheFirstInOrderAndACustomLabelOfThatNameBecomesExported()
    {
        var sample = SampleParts.Captured(Now) with
        {
            CustomMetrics = [new("jobs", 1, new Dictionary<string, string> { ["tag_env"] = "from-the-textfile", ["kind"] = "batch" })],
        };

        var samples = Export([Host("web-1", sample)], new() { ["web-1"] = new Dictionary<string, string> { ["a_b"] = "second", ["a.b"] = "first", ["env"] = "prod" } });

        Assert.All(samples, s => Assert.Equal("first", s.Labels["tag_a_b"]));
        var jobs = samples.Single(s => s.Name == "jobs");
        Assert.Equal(("prod", "from-the-textfile", "batch"), (jobs.Labels["tag_env"], jobs.Labels["exported_tag_env"], jobs.Labels["kind"]));
    }
}
