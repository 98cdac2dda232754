using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace InfraFunctions.EndToEnd;

/// <summary>The dashboard in Chromium against LocalHost, Azurite and the real agent's sample.</summary>
public sealed partial class DashboardTests(DashboardFixture fx) : IClassFixture<DashboardFixture>
{
    private static readonly LocatorAssertionsToBeVisibleOptions Soon = new() { Timeout = 15_000 };

    private Task<IResponse?> OpenAsync(IPage page, string path) => page.GotoAsync($"{fx.BaseUrl}{path}#token={Uri.EscapeDataString(fx.ReaderToken)}");

    private string HostPath(string hostId, string tab = "infrastructure", string range = "1h") =>
        $"/host?id={Uri.EscapeDataString(hostId)}&tab={tab}&range={range}";

    [Fact]
    public async Task SignsInWithTheTokenUrlAndRemovesTheTokenFromTheAddressBar()
    {
        var page = await fx.NewPageAsync();
        await OpenAsync(page, "/");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Fleet" })).ToBeVisibleAsync(Soon);
        Assert.DoesNotContain("token", page.Url, StringComparison.Ordinal);
        Assert.Equal(fx.ReaderToken, await page.EvaluateAsync<string>("localStorage.getItem('infrafunctions.token')"));
    }

    [Fact]
    public async Task FleetViewShowsThisMachineWithStatusInWords()
    {
        var page = await fx.NewPageAsync();
        await OpenAsync(page, "/");

        var card = page.Locator($"[data-testid=host-card][data-host-id=\"{fx.HostId}\"]");
        await Assertions.Expect(card).ToBeVisibleAsync(Soon);
        await Assertions.Expect(card.GetByLabel(new Regex("^Status: "))).ToHaveTextAsync(new Regex("healthy|degraded|warning|critical"));
        await Assertions.Expect(card.GetByTestId("last-seen")).ToContainTextAsync("Last seen");
        await page.ScreenshotAsync(new() { Path = Path.Combine(DashboardFixture.Artifacts, "fleet-desktop-light.png"), FullPage = true });
    }

    [Fact]
    public async Task HostViewShowsTheCpuCountAndMemoryTotalOfTheAgentsOnceOutput()
    {
        var sample = fx.AgentOnce["samples"]![0]!;
        var cpuCount = sample["cpu"]!["count"]!.GetValue<int>();
        var memoryTotal = sample["memory"]!["total_gb"]!.GetValue<double>();
        var page = await fx.NewPageAsync();
        await OpenAsync(page, "/");

        await page.Locator($"[data-testid=host-card][data-host-id=\"{fx.HostId}\"] a").First.ClickAsync();

        await Assertions.Expect(page.GetByTestId("cpu-count")).ToHaveTextAsync(cpuCount.ToString(CultureInfo.InvariantCulture), new() { Timeout = 15_000 });
        await Assertions.Expect(page.GetByTestId("memory-total")).ToHaveTextAsync(GbText(memoryTotal));
        await Assertions.Expect(page.GetByTestId("processes-table")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("platform-card")).ToContainTextAsync(fx.AgentOnce["platform"]!["hostname"]!.GetValue<string>());
        Assert.Contains($"id={Uri.EscapeDataString(fx.HostId)}", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SwitchingTimeRangesLoadsEachWindowsSummary()
    {
        var page = await fx.NewPageAsync();
        await OpenAsync(page, HostPath(fx.HostId, "metrics", "1h"));
        await Assertions.Expect(page.GetByTestId("summary-window")).ToContainTextAsync("Window 1h", new() { Timeout = 15_000 });

        foreach (var range in new[] { "5m", "15m", "6h", "24h" })
        {
            await page.Locator("label.mantine-SegmentedControl-label").GetByText(range, new() { Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("summary-window")).ToContainTextAsync($"Window {range} ", new() { Timeout = 10_000 });
            Assert.Contains($"range={range}", page.Url, StringComparison.Ordinal);
        }

        await Assertions.Expect(page.GetByTestId("chart-resources")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task LiveModeShowsANewValueWithinFiveSecondsWithoutReloading()
    {
        var page = await fx.NewPageAsync();
        await page.AddInitScriptAsync("localStorage.setItem('infrafunctions.live', 'true')");
        await OpenAsync(page, HostPath(fx.HostId));
        await Assertions.Expect(page.GetByTestId("cpu-count")).ToBeVisibleAsync(Soon);
        await Assertions.Expect(page.GetByTestId("live-state")).ToHaveTextAsync("streaming", new() { Timeout = 15_000 });
        await page.EvaluateAsync("window.__noReload = 'still here'");

        await fx.PostAsync(fx.AgentBatch(s => s["cpu"]!["percent"] = 42.7));

        await Assertions.Expect(page.GetByTestId("card-cpu-value")).ToHaveTextAsync("42.7%", new() { Timeout = 5_000 });
        Assert.Equal("still here", await page.EvaluateAsync<string>("window.__noReload"));
    }

    [Fact]
    public async Task ThresholdBreachShowsTheCriticalBadgeAndAToast()
    {
        // An id with the characters that must be encoded in a URL and that Table keys forbid.
        const string hostId = "e2e/breach #1?\"ü";
        var (_, key) = await fx.Server.CreateAgentAsync(hostId);
        JsonObject Batch(double cpu) => Reassign(fx.AgentBatch(s => s["cpu"]!["percent"] = cpu), hostId);
        await fx.PostAsync(Batch(20), key);
        var page = await fx.NewPageAsync();
        await OpenAsync(page, HostPath(hostId));
        await Assertions.Expect(page.GetByTestId("threshold-ok")).ToBeVisibleAsync(Soon);

        await fx.PostAsync(Batch(97.5), key);

        await Assertions.Expect(page.GetByTestId("critical-badge").First).ToBeVisibleAsync(new() { Timeout = 12_000 });
        await Assertions.Expect(page.GetByTestId("threshold-badges")).ToContainTextAsync("CPU usage critical: 97.5%");
        await Assertions.Expect(page.Locator(".mantine-Notification-root").Filter(new() { HasText = "CPU usage critical" }).First).ToBeVisibleAsync(Soon);
        await Assertions.Expect(page.GetByText("Threshold check: critical")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(DashboardFixture.Artifacts, "host-critical-toast.png") });
    }

    [Fact]
    public async Task AWrongTokenBringsBackThePromptWithAClearMessage()
    {
        var page = await fx.NewPageAsync();
        await page.GotoAsync($"{fx.BaseUrl}/#token=not-a-real-token");

        await Assertions.Expect(page.GetByTestId("token-error")).ToBeVisibleAsync(Soon);
        await Assertions.Expect(page.GetByLabel("Access token")).ToBeVisibleAsync();
        Assert.Null(await page.EvaluateAsync<string?>("localStorage.getItem('infrafunctions.token')"));

        await page.GetByLabel("Access token").FillAsync(fx.ReaderToken);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Fleet" })).ToBeVisibleAsync(Soon);
    }

    [Theory]
    [InlineData(1366, 900, "desktop", ColorScheme.Light)]
    [InlineData(1366, 900, "desktop", ColorScheme.Dark)]
    [InlineData(390, 844, "phone", ColorScheme.Light)]
    [InlineData(390, 844, "phone", ColorScheme.Dark)]
    public async Task FleetAndHostViewsRenderAtEachWidthAndTheme(int width, int height, string device, ColorScheme scheme)
    {
        var name = $"{device}-{scheme.ToString().ToLowerInvariant()}";
        var page = await fx.NewPageAsync(width, height, scheme);
        await OpenAsync(page, "/");
        await Assertions.Expect(page.Locator("[data-testid=host-card]").First).ToBeVisibleAsync(Soon);
        await page.ScreenshotAsync(new() { Path = Path.Combine(DashboardFixture.Artifacts, $"fleet-{name}.png"), FullPage = true });

        await page.GotoAsync($"{fx.BaseUrl}{HostPath(fx.HostId)}");
        await Assertions.Expect(page.GetByTestId("cpu-count")).ToBeVisibleAsync(Soon);
        await page.ScreenshotAsync(new() { Path = Path.Combine(DashboardFixture.Artifacts, $"host-{name}.png"), FullPage = true });

        await page.GotoAsync($"{fx.BaseUrl}{HostPath(fx.HostId, "metrics", "1h")}");
        await Assertions.Expect(page.GetByTestId("summary-stats")).ToBeVisibleAsync(Soon);
        await page.ScreenshotAsync(new() { Path = Path.Combine(DashboardFixture.Artifacts, $"metrics-{name}.png"), FullPage = true });

        // Nothing may be wider than the viewport: the page scrolls vertically only (tables scroll inside themselves).
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"), "the page scrolls sideways");
    }

    [Fact]
    public async Task TracesTabNamesTheSettingItNeedsWithARetryAndSystemHealthStillShowsTheRadar()
    {
        var page = await fx.NewPageAsync();
        await OpenAsync(page, HostPath(fx.HostId, "traces"));
        // Locally Monitor__WorkspaceId is unset, so the traces endpoint answers 503 naming it.
        var unavailable = page.GetByTestId("unavailable-state");
        await Assertions.Expect(unavailable).ToContainTextAsync("Monitor__WorkspaceId", new() { Timeout = 15_000 });
        await Assertions.Expect(unavailable.GetByRole(AriaRole.Button, new() { Name = "Try again" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Tab, new() { Name = "System Health" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { NameRegex = new Regex("^Resource radar") })).ToBeVisibleAsync(Soon);
    }

    [Fact]
    public async Task LoadBalancingTabShowsTheIngestCountersAndCircuitStates()
    {
        var page = await fx.NewPageAsync();
        await OpenAsync(page, HostPath(fx.HostId, "load-balancing"));
        var scope = page.GetByTestId("lb-scope");
        await Assertions.Expect(scope.GetByRole(AriaRole.Heading)).ToContainTextAsync("Service-wide", new() { Timeout = 15_000 });
        await Assertions.Expect(scope).ToContainTextAsync("for the whole service, not for");
        var ingest = page.GetByTestId("lb-ingest");
        await Assertions.Expect(ingest).ToBeVisibleAsync(Soon);
        foreach (var id in new[] { "lb-rate", "lb-accepted", "lb-rejected", "lb-throttled", "lb-latency" })
            await Assertions.Expect(page.GetByTestId(id)).ToBeVisibleAsync(Soon);
        // The fixture posted the agent's batch to this instance, so samples were accepted.
        await Assertions.Expect(page.GetByTestId("lb-accepted")).ToHaveTextAsync(new Regex(@"Accepted samples\s*[1-9]\d*"), new() { Timeout = 15_000 });
        await Assertions.Expect(page.GetByTestId("lb-components")).ToBeVisibleAsync(Soon);
        await page.ScreenshotAsync(new() { Path = Path.Combine(DashboardFixture.Artifacts, "load-balancing-desktop-light.png"), FullPage = true });
    }

    [Fact]
    public async Task AnomaliesAreMarkedOnTheResourcesChartAndListed()
    {
        var page = await fx.NewPageAsync();
        // The agent's one batch has no anomalies: answer the anomalies endpoint with one at the last charted sample.
        var last = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync("**/infrastructure/summary*", async route =>
        {
            var response = await route.FetchAsync();
            // The reply reaches the page whatever it is; only a summary with samples names the anomaly's time.
            if (response.Ok && JsonNode.Parse(await response.TextAsync())?["series"] is JsonArray { Count: > 0 } series)
                last.TrySetResult(series[^1]!["timestamp"]!.GetValue<string>());
            await route.FulfillAsync(new() { Response = response });
        });
        await page.RouteAsync("**/anomalies*", async route =>
        {
            // Answered after the summary, as the page may ask for both at once.
            var at = await last.Task.WaitAsync(TimeSpan.FromSeconds(30));
            var body = new JsonObject
            {
                ["status"] = "ok", ["host_id"] = fx.HostId, ["window"] = "1h", ["sensitivity"] = "medium", ["from"] = at, ["to"] = at, ["count"] = 1,
                ["baselines"] = new JsonObject { ["cpu"] = "rolling" },
                ["anomalies"] = new JsonArray(new JsonObject
                {
                    ["timestamp"] = at, ["metric"] = "cpu", ["value"] = 42.7, ["expected"] = 12.0, ["score"] = 9.1, ["direction"] = "up",
                    ["severity"] = "critical", ["kind"] = "spike", ["until"] = at, ["baseline"] = "rolling",
                }),
                ["disk_forecast"] = null, ["forecast_alert_id"] = null,
            };
            await route.FulfillAsync(new() { Status = 200, ContentType = "application/json", Body = body.ToJsonString() });
        });
        await OpenAsync(page, HostPath(fx.HostId, "metrics"));
        var list = page.GetByTestId("chart-anomalies");
        await Assertions.Expect(list).ToBeVisibleAsync(Soon);
        await Assertions.Expect(list).ToContainTextAsync("critical");
        await Assertions.Expect(list).ToContainTextAsync("cpu");
        await page.GetByTestId("chart-resources").ScreenshotAsync(new() { Path = Path.Combine(DashboardFixture.Artifacts, "metrics-anomaly-markers.png") });
    }

    [Fact]
    public async Task AnOperatorGivesAHostItsOwnDiskLevelsAndAReaderIsNotOfferedTheEditor()
    {
        var hostId = $"e2e-limits-{Guid.NewGuid():N}"[..24];
        var (_, key) = await fx.Server.CreateAgentAsync(hostId);
        await fx.PostAsync(Reassign(fx.AgentBatch(), hostId), key);
        var operatorToken = await fx.Server.CreateTokenAsync("operator", "e2e operator");

        var page = await fx.NewPageAsync();
        await page.GotoAsync($"{fx.BaseUrl}{HostPath(hostId)}#token={Uri.EscapeDataString(operatorToken)}");
        await Assertions.Expect(page.GetByTestId("thresholds-line")).ToContainTextAsync("disk 80/95%", new() { Timeout = 15_000 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Edit thresholds" }).ClickAsync();
        await page.GetByLabel("Disk warning").FillAsync("91");
        await page.GetByLabel("Disk critical").FillAsync("98");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("thresholds-line")).ToContainTextAsync("disk 91/98%");
        using var reader = fx.Server.ClientWithBearer(fx.ReaderToken);
        var stored = System.Text.Json.JsonDocument.Parse(await reader.GetStringAsync($"api/v1/observability/thresholds?host={Uri.EscapeDataString(hostId)}")).RootElement;
        Assert.Equal(91, stored.GetProperty("overrides").GetProperty("disk_warning").GetDouble());
        Assert.Equal("e2e operator", stored.GetProperty("updated_by").GetString());

        var readerPage = await fx.NewPageAsync();
        await OpenAsync(readerPage, HostPath(hostId));
        await Assertions.Expect(readerPage.GetByTestId("thresholds-line")).ToContainTextAsync("disk 91/98%", new() { Timeout = 15_000 });
        await Assertions.Expect(readerPage.GetByRole(AriaRole.Button, new() { Name = "Edit thresholds" })).ToHaveCountAsync(0);
    }

    private static JsonObject Reassign(JsonObject batch, string hostId)
    {
        batch["host_id"] = hostId;
        return batch;
    }

    /// <summary>The dashboard's GB format (static-web/src/lib/format.ts formatGb).</summary>
    private static string GbText(double gb) =>
        string.Create(CultureInfo.InvariantCulture, $"{(gb >= 100 ? gb.ToString("F0", CultureInfo.InvariantCulture) : gb.ToString(gb >= 10 ? "F1" : "F2", CultureInfo.InvariantCulture))} GB");
}
