using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace InfraFunctions.EndToEnd;

/// <summary>
/// The host page's services, temperatures and custom series in Chromium, from samples posted through the ingest
/// route with every part an agent can report.
/// </summary>
public sealed class SamplePartsTests(DashboardFixture fx) : IClassFixture<DashboardFixture>
{
    private static readonly LocatorAssertionsToBeVisibleOptions Soon = new() { Timeout = 15_000 };

    private async Task<IPage> OpenHostAsync(string hostId, string tab, int width = 1366, int height = 1000, ColorScheme scheme = ColorScheme.Light)
    {
        var page = await fx.NewPageAsync(width, height, scheme);
        await page.GotoAsync($"{fx.BaseUrl}/host?id={Uri.EscapeDataString(hostId)}&tab={tab}&range=1h#token={Uri.EscapeDataString(fx.ReaderToken)}");
        return page;
    }

    /// <summary>A new host whose samples, one per timestamp, carry the parts <paramref name="edit"/> writes; its id and agent key.</summary>
    private async Task<(string HostId, string Key)> PostHostAsync(string prefix, DateTimeOffset[] times, Action<JsonObject, int> edit)
    {
        var hostId = $"{prefix}-{Guid.NewGuid():N}"[..24];
        var (_, key) = await fx.Server.CreateAgentAsync(hostId);
        for (var i = 0; i < times.Length; i++)
        {
            var index = i;
            var batch = fx.AgentBatch(s => edit(s, index), times[i]);
            batch["host_id"] = hostId;
            await fx.PostAsync(batch, key);
        }

        return (hostId, key);
    }

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    [Fact]
    public async Task TheInfrastructureTabShowsTemperaturesAFailedUnitAndTheServiceChecks()
    {
        var now = DateTimeOffset.UtcNow;
        var (hostId, _) = await PostHostAsync("e2e-services", [now], (s, _) =>
        {
            s["temperatures"] = new JsonArray(
                new JsonObject { ["sensor"] = "coretemp/Package id 0", ["celsius"] = 52.0, ["critical_celsius"] = 100.0, ["max_celsius"] = 84.0 },
                new JsonObject { ["sensor"] = "acpitz", ["celsius"] = 98.5, ["critical_celsius"] = 98.0 });
            s["systemd_units"] = new JsonArray(
                new JsonObject { ["name"] = "backup.service", ["active_state"] = "failed", ["sub_state"] = "failed", ["restarts"] = 4, ["watched"] = false },
                new JsonObject { ["name"] = "nginx.service", ["active_state"] = "active", ["sub_state"] = "running", ["restarts"] = 0, ["watched"] = true });
            s["checks"] = new JsonArray(
                new JsonObject
                {
                    ["name"] = "api", ["target"] = "https://api.example.test/health", ["up"] = true, ["checked_at"] = Iso(now.AddSeconds(-5)),
                    ["latency_ms"] = 42.0, ["status_code"] = 200, ["certificate_days_left"] = 9.5,
                },
                new JsonObject
                {
                    ["name"] = "db", ["target"] = "tcp://127.0.0.1:5432", ["up"] = false, ["checked_at"] = Iso(now.AddSeconds(-5)),
                    ["error"] = "connection refused by 127.0.0.1:5432",
                });
            s["custom_metrics"] = new JsonArray();
        });

        var page = await OpenHostAsync(hostId, "infrastructure");

        var temperatures = page.GetByTestId("temperatures-table");
        await Assertions.Expect(temperatures).ToBeVisibleAsync(Soon);
        var hot = temperatures.Locator("tr", new() { HasText = "acpitz" });
        await Assertions.Expect(hot).ToContainTextAsync("98.5 °C");
        await Assertions.Expect(hot.GetByTestId("temperature-critical")).ToHaveTextAsync("critical");
        await Assertions.Expect(temperatures.Locator("tr", new() { HasText = "coretemp/Package id 0" }).GetByTestId("temperature-ok")).ToHaveTextAsync("normal");

        var units = page.GetByTestId("units-table");
        await Assertions.Expect(units.Locator("tbody tr").First).ToContainTextAsync("backup.service");
        await Assertions.Expect(units.GetByLabel("backup.service state: failed")).ToHaveTextAsync("failed");
        await Assertions.Expect(units.Locator("tr", new() { HasText = "backup.service" })).ToContainTextAsync("4");
        await Assertions.Expect(units.GetByLabel("nginx.service state: active")).ToBeVisibleAsync();

        var checks = page.GetByTestId("checks-table");
        await Assertions.Expect(checks.GetByLabel("db is down")).ToHaveTextAsync("down");
        await Assertions.Expect(checks.Locator("tr", new() { HasText = "db" })).ToContainTextAsync("connection refused by 127.0.0.1:5432");
        var api = checks.Locator("tr", new() { HasText = "api.example.test" });
        await Assertions.Expect(api.GetByLabel("api is up")).ToBeVisibleAsync();
        await Assertions.Expect(api).ToContainTextAsync("42 ms");
        await Assertions.Expect(api.GetByTestId("certificate-days")).ToHaveTextAsync("9 d left");

        await page.ScreenshotAsync(new() { Path = Path.Combine(DashboardFixture.Artifacts, "host-services-temperatures.png"), FullPage = true });

        // On a phone the tables scroll inside themselves: the page never scrolls sideways.
        var phone = await OpenHostAsync(hostId, "infrastructure", 390, 844, ColorScheme.Dark);
        await Assertions.Expect(phone.GetByTestId("checks-table")).ToBeVisibleAsync(Soon);
        await phone.ScreenshotAsync(new() { Path = Path.Combine(DashboardFixture.Artifacts, "host-services-phone-dark.png"), FullPage = true });
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"), "the page scrolls sideways");
    }

    [Fact]
    public async Task AFailedUnitsAlertNamesTheUnitOnTheSystemHealthTab()
    {
        var (hostId, _) = await PostHostAsync("e2e-unit-alert", [DateTimeOffset.UtcNow], (s, _) => s["systemd_units"] = new JsonArray(
            new JsonObject { ["name"] = "backup.service", ["active_state"] = "failed", ["sub_state"] = "failed", ["restarts"] = 2, ["watched"] = false }));

        var page = await OpenHostAsync(hostId, "system-health");

        var subject = page.GetByTestId("alerts-list").GetByTestId("alert-subject").Filter(new() { HasText = "backup.service" });
        await Assertions.Expect(subject).ToHaveTextAsync("systemd unit backup.service", new() { Timeout = 15_000 });
    }

    [Fact]
    public async Task ALiveSampleMovesTheChosenCustomSeriesWithoutARequest()
    {
        var now = DateTimeOffset.UtcNow;
        static JsonArray Jobs(double value) =>
            new(new JsonObject { ["name"] = "jobs_waiting", ["value"] = value, ["labels"] = new JsonObject { ["queue"] = "mail" }, ["type"] = "gauge" });
        var (hostId, key) = await PostHostAsync("e2e-live", [now.AddMinutes(-1)], (s, _) => s["custom_metrics"] = Jobs(5));
        var page = await fx.NewPageAsync();
        await page.AddInitScriptAsync("localStorage.setItem('infrafunctions.live', 'true')");
        await page.GotoAsync($"{fx.BaseUrl}/host?id={Uri.EscapeDataString(hostId)}&tab=custom&range=1h#token={Uri.EscapeDataString(fx.ReaderToken)}");
        await Assertions.Expect(page.GetByTestId("live-state")).ToHaveTextAsync("streaming", new() { Timeout = 15_000 });
        var latest = page.GetByTestId("custom-latest").Locator("tbody tr");
        await Assertions.Expect(latest.Locator("td").Nth(1)).ToHaveTextAsync("5", new() { Timeout = 15_000 });
        var customRequests = 0;
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/infrastructure/custom", StringComparison.Ordinal))
                Interlocked.Increment(ref customRequests);
        };

        var batch = fx.AgentBatch(s => s["custom_metrics"] = Jobs(23.5));
        batch["host_id"] = hostId;
        await fx.PostAsync(batch, key);

        await Assertions.Expect(latest.Locator("td").Nth(1)).ToHaveTextAsync("23.5", new() { Timeout = 5_000 });
        await Assertions.Expect(page.GetByTestId("chart-custom").GetByRole(AriaRole.Img)).ToHaveAttributeAsync("aria-label", "jobs_waiting (gauge) chart, 2 points");
        Assert.Equal(0, Volatile.Read(ref customRequests));
    }

    [Fact]
    public async Task TheCustomTabChartsTheSeriesChosenByNameAndLabelAndWarnsOfAMalformedFile()
    {
        var now = DateTimeOffset.UtcNow;
        double[] mail = [3, 5];
        double[] batch = [10, 14];
        var (hostId, _) = await PostHostAsync("e2e-custom", [now.AddMinutes(-2), now], (s, i) =>
        {
            s["custom_metrics"] = new JsonArray(
                new JsonObject { ["name"] = "queue_depth", ["value"] = mail[i], ["labels"] = new JsonObject { ["queue"] = "mail" }, ["type"] = "gauge" },
                new JsonObject { ["name"] = "queue_depth", ["value"] = batch[i], ["labels"] = new JsonObject { ["queue"] = "batch" }, ["type"] = "gauge" },
                new JsonObject { ["name"] = "backup_age_seconds", ["value"] = 3600 + i, ["type"] = "gauge" });
            s["collector_errors"] = new JsonArray(
                new JsonObject { ["collector"] = "textfile", ["message"] = "/var/lib/infra-agent/textfile/jobs.prom line 3: expected a value after the labels" });
            s["dropped_custom_metrics"] = 2;
        });

        var page = await OpenHostAsync(hostId, "custom");

        await Assertions.Expect(page.GetByTestId("textfile-errors")).ToContainTextAsync("jobs.prom line 3: expected a value after the labels", new() { Timeout = 15_000 });
        await Assertions.Expect(page.GetByTestId("custom-dropped")).ToContainTextAsync("left 2 custom series out");
        var picker = page.GetByLabel("Metric", new() { Exact = true });
        await Assertions.Expect(picker).ToBeVisibleAsync(Soon);
        await picker.SelectOptionAsync("queue_depth");
        var chart = page.GetByTestId("chart-custom");
        await Assertions.Expect(chart).ToContainTextAsync("queue_depth (gauge)", new() { Timeout = 15_000 });
        await Assertions.Expect(page.GetByTestId("custom-latest").Locator("tbody tr")).ToHaveCountAsync(2);

        var narrowed = page.WaitForRequestAsync(new Regex(@"/infrastructure/custom\?.*name=queue_depth&label=queue%3Abatch"));
        await page.GetByTestId("custom-labels").Locator("label", new() { HasText = "queue:batch" }).ClickAsync();
        await narrowed;

        var latest = page.GetByTestId("custom-latest").Locator("tbody tr");
        await Assertions.Expect(latest).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        await Assertions.Expect(latest).ToContainTextAsync("queue_depth{queue=\"batch\"}");
        await Assertions.Expect(latest.Locator("td").Nth(1)).ToHaveTextAsync("14");
        await Assertions.Expect(chart.GetByRole(AriaRole.Img)).ToHaveAttributeAsync("aria-label", "queue_depth (gauge) chart, 2 points");
        // uPlot's legend names each drawn line: only the chosen label's is left.
        await Assertions.Expect(chart.Locator(".u-legend .u-series")).ToHaveCountAsync(2);
        await Assertions.Expect(chart.Locator(".u-legend")).ToContainTextAsync("{queue=\"batch\"}");
        await Assertions.Expect(chart.Locator(".u-legend")).Not.ToContainTextAsync("mail");

        await page.ScreenshotAsync(new() { Path = Path.Combine(DashboardFixture.Artifacts, "host-custom-series.png"), FullPage = true });
    }
}
