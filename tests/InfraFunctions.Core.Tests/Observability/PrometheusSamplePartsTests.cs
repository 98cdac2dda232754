using InfraFunctions.Contracts;
using InfraFunctions.Core.Health;
using InfraFunctions.Core.Observability;
using InfraFunctions.Core.Options;
using InfraFunctions.Core.Storage;
using InfraFunctions.Testing;

namespace InfraFunctions.Core.Tests.Observability;

public sealed class PrometheusSamplePartsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    private static HostRecord Host(string id, Sample latest) =>
        new(id, new PlatformInfo(id, "Linux", "Debian", "6.1", "x86_64", ".NET 10", Now.AddDays(-3), "1.0.0"), Now.AddDays(-1), Now.AddSeconds(-10), 30, 5, 0, latest);

    private static (List<PrometheusSample> Samples, string Text) Export(params HostRecord[] hosts)
    {
        var health = hosts.ToDictionary(h => h.HostId, h => HostHealth.Judge(10, 10, 10, ThresholdSet.From(new ThresholdOptions()), criticalAlertOpen: false, stale: false));
        var text = PrometheusExporter.Render(hosts, health, new IngestOptions(), Now);
        return (PrometheusTextParser.Parse(text).Samples, text);
    }

    [Fact]
    public void CustomSeriesAreExportedUnderTheirOwnNamesWithTheirLabelsAfterHostAndACustomHostLabelBecomesExportedHost()
    {
        var web = SampleParts.Captured(Now) with
        {
            CustomMetrics =
            [
                new("app_requests_total", 1234, new Dictionary<string, string> { ["path"] = "/a\"b\\c\nd", ["host"] = "lb-1" }, "counter"),
                new("app_requests_total", 5, new Dictionary<string, string> { ["path"] = "/x" }, "counter"),
                new("queue_depth", 7.5),
                new("rpc_seconds_bucket", 3, new Dictionary<string, string> { ["le"] = "0.5" }, "histogram"),
                new("mixed", 1, null, "gauge"),
            ],
            DroppedCustomMetrics = 4,
        };
        var db = SampleParts.Captured(Now) with { CustomMetrics = [new("mixed", 2, null, "counter"), new("app_requests_total", 9, null, "counter")] };

        var (samples, text) = Export(Host("web-1", web), Host("db-1", db));

        var requests = samples.Where(s => s.Name == "app_requests_total").ToArray();
        Assert.All(requests, s => Assert.Equal("counter", s.Type));
        var escaped = requests.Single(s => s.Labels.GetValueOrDefault("exported_host") == "lb-1");
        Assert.Equal(("web-1", "/a\"b\\c\nd", 1234.0), (escaped.Labels["host"], escaped.Labels["path"], escaped.Value));
        Assert.Equal(9, requests.Single(s => s.Labels["host"] == "db-1").Value);
        Assert.Contains("app_requests_total{host=\"web-1\",exported_host=\"lb-1\",path=\"/a\\\"b\\\\c\\nd\"} 1234\n", text, StringComparison.Ordinal);
        Assert.Equal("untyped", samples.Single(s => s.Name == "queue_depth").Type);
        Assert.Equal(("untyped", "0.5"), (samples.Single(s => s.Name == "rpc_seconds_bucket").Type, samples.Single(s => s.Name == "rpc_seconds_bucket").Labels["le"]));
        Assert.All(samples.Where(s => s.Name == "mixed"), s => Assert.Equal("untyped", s.Type));
        Assert.Equal(4, samples.Single(s => s.Name == "infra_custom_metrics_dropped" && s.Labels["host"] == "web-1").Value);
    }

    [Fact]
    public void TemperaturesUnitsAndChecksAreExportedWithTheirStateSetAndUnits()
    {
        var sample = SampleParts.Captured(Now) with
        {
            Temperatures = [new("coretemp/Package id 0", 52.5, 100, 80), new("acpitz/thermal_zone0", 40)],
            SystemdUnits = [new("nginx.service", "failed", "failed", 3, Watched: true), new("cron.service", "active", "running")],
            Checks =
            [
                new("api", "https://api.example.test/health", true, Now, LatencyMs: 125, StatusCode: 200, CertificateDaysLeft: 10.5),
                new("db", "tcp://10.0.0.5:5432", false, Now, Error: "connection refused"),
            ],
        };

        var (samples, _) = Export(Host("web-1", sample));

        double One(string name, params (string Key, string Value)[] labels) =>
            samples.Single(s => s.Name == name && labels.All(l => s.Labels.GetValueOrDefault(l.Key) == l.Value)).Value;
        Assert.Equal(52.5, One("infra_temperature_celsius", ("sensor", "coretemp/Package id 0")));
        Assert.Equal(100, One("infra_temperature_critical_celsius", ("sensor", "coretemp/Package id 0")));
        Assert.DoesNotContain(samples, s => s.Name == "infra_temperature_critical_celsius" && s.Labels["sensor"] == "acpitz/thermal_zone0");
        var nginx = samples.Where(s => s.Name == "infra_systemd_unit_state" && s.Labels["unit"] == "nginx.service").ToDictionary(s => s.Labels["state"], s => s.Value);
        Assert.Equal(new Dictionary<string, double> { ["active"] = 0, ["activating"] = 0, ["deactivating"] = 0, ["inactive"] = 0, ["failed"] = 1, ["reloading"] = 0 }, nginx);
        Assert.Equal(1, One("infra_systemd_unit_state", ("unit", "cron.service"), ("state", "active")));
        var restarts = samples.Single(s => s.Name == "infra_systemd_unit_restarts_total" && s.Labels["unit"] == "nginx.service");
        Assert.Equal(("counter", 3.0), (restarts.Type, restarts.Value));
        Assert.Equal(1, One("infra_check_up", ("check", "api"), ("target", "https://api.example.test/health")));
        Assert.Equal(0, One("infra_check_up", ("check", "db"), ("target", "tcp://10.0.0.5:5432")));
        Assert.Equal(0.125, One("infra_check_latency_seconds", ("check", "api")));
        Assert.Equal(10.5, One("infra_check_certificate_expiry_days", ("check", "api")));
        Assert.DoesNotContain(samples, s => s.Name == "infra_check_latency_seconds" && s.Labels["check"] == "db");
    }
}
