using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace InfraFunctions.EndToEnd;

/// <summary>
/// The dashboard's performance figures in Chromium (static-web/README.md): first render of the host view against
/// LocalHost, a 24 h chart of 17,280 points × 4 series, and frame time while 20 hosts stream live.
/// Each writes its figure to artifacts/performance-*.json. The first render and the frame time assert loose bounds
/// (the goals are in the names); the chart asserts what it draws, and its render time is only recorded against its goal.
/// </summary>
[Trait("Category", "Performance")]
public sealed class PerformanceTests(DashboardFixture fx, ITestOutputHelper output) : IClassFixture<DashboardFixture>
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private async Task RecordAsync(string name, object figures)
    {
        var json = JsonSerializer.Serialize(figures, Indented);
        output.WriteLine($"{name}: {json}");
        await File.WriteAllTextAsync(Path.Combine(DashboardFixture.Artifacts, $"performance-{name}.json"), json);
    }

    [Fact]
    public async Task HostViewFirstRendersQuicklyAgainstLocalHost()
    {
        var times = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            var page = await fx.NewPageAsync();
            await page.GotoAsync($"{fx.BaseUrl}/host?id={Uri.EscapeDataString(fx.HostId)}#token={Uri.EscapeDataString(fx.ReaderToken)}");
            await page.WaitForSelectorAsync("[data-testid=cpu-count]", new() { Timeout = 15_000 });
            // Milliseconds from navigation start to the host's first sample on screen.
            times.Add(await page.EvaluateAsync<double>("performance.now()"));
            await page.Context.CloseAsync();
        }

        await RecordAsync("host-first-render", new { runs_ms = times, median_ms = times.Order().ElementAt(1) });
        Assert.True(times.Min() < 5_000, $"host view took {times.Min():F0} ms at best");
    }

    [Fact]
    public async Task ChartOf17280PointsTimesFourSeriesDrawsEverySeriesAndItsLegendFollowsTheCursor()
    {
        var times = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            var page = await fx.NewPageAsync();
            await page.GotoAsync($"{fx.BaseUrl}/perf?points=17280#token={Uri.EscapeDataString(fx.ReaderToken)}");
            await page.WaitForFunctionAsync("window.__chartRenderMs !== undefined", null, new() { Timeout = 15_000 });
            times.Add(await page.EvaluateAsync<double>("window.__chartRenderMs"));

            // All 17,280 points of each of the four series are the chart's data, and its legend shows the value under the pointer.
            await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "17280 points × 4 series chart, 17280 points" })).ToBeVisibleAsync();
            var legend = page.Locator(".u-legend .u-series");
            Assert.Equal(["CPU", "Memory", "Disk", "Swap"], (await legend.Locator(".u-label").AllInnerTextsAsync()).Skip(1));
            await Assertions.Expect(legend.Nth(1).Locator(".u-value")).ToHaveTextAsync("—"); // no point under the pointer yet
            await page.Locator(".u-over").HoverAsync();
            await Assertions.Expect(legend.Nth(1).Locator(".u-value")).ToHaveTextAsync(new Regex(@"^\d+%$"));
            await page.Context.CloseAsync();
        }

        // Speed is a figure against its goal, for `npm run perf` to report, not a bound this test asserts.
        await RecordAsync("chart-17280x4", new { runs_ms = times, best_ms = times.Min(), goal_ms = 100 });
    }

    [Fact]
    public async Task FrameTimeStaysLowWhileTwentyHostsStreamLive()
    {
        var hosts = Enumerable.Range(1, 20).Select(i => $"perf-{i:D2}").ToArray();
        var (_, key) = await fx.Server.CreateAgentAsync(hosts);
        JsonObject Batch(string host, int tick) => Retarget(fx.AgentBatch(s => s["cpu"]!["percent"] = (tick * 7 + host.GetHashCode() % 50 + 100) % 100), host);
        foreach (var host in hosts)
        {
            await fx.PostAsync(Batch(host, 0), key);
        }

        var page = await fx.NewPageAsync();
        await page.AddInitScriptAsync("localStorage.setItem('infrafunctions.live', 'true')");
        await page.GotoAsync($"{fx.BaseUrl}/#token={Uri.EscapeDataString(fx.ReaderToken)}");
        await page.WaitForSelectorAsync("[data-host-id='perf-20']", new() { Timeout = 15_000 });
        await page.WaitForFunctionAsync("document.querySelector('[data-testid=live-state]')?.textContent === 'streaming'", null, new() { Timeout = 15_000 });
        await page.EvaluateAsync("""
            () => { window.__frames = []; let last = performance.now();
              const loop = (t) => { window.__frames.push(t - last); last = t; if (!window.__stopFrames) requestAnimationFrame(loop); };
              requestAnimationFrame(loop); }
            """);

        // 20 hosts × 1 post a second for 8 s: each post reaches the page as a fleet message.
        for (var tick = 1; tick <= 8; tick++)
        {
            var started = DateTimeOffset.UtcNow;
            await Task.WhenAll(hosts.Select(h => fx.PostAsync(Batch(h, tick), key)));
            var rest = TimeSpan.FromSeconds(1) - (DateTimeOffset.UtcNow - started);
            if (rest > TimeSpan.Zero)
            {
                await Task.Delay(rest);
            }
        }

        var frames = (await page.EvaluateAsync<double[]>("window.__stopFrames = true, window.__frames")).Skip(1).Order().ToArray();
        var p = (double q) => frames[Math.Min(frames.Length - 1, (int)(q * frames.Length))];
        await RecordAsync("live-20-hosts", new
        {
            frames = frames.Length,
            mean_ms = Math.Round(frames.Average(), 2),
            p50_ms = Math.Round(p(0.5), 2),
            p95_ms = Math.Round(p(0.95), 2),
            max_ms = Math.Round(frames.Max(), 2),
            over_50ms = frames.Count(f => f > 50),
        });
        Assert.True(p(0.5) < 50, $"median frame {p(0.5).ToString("F1", CultureInfo.InvariantCulture)} ms");
    }

    private static JsonObject Retarget(JsonObject batch, string host)
    {
        batch["host_id"] = host;
        batch["platform"]!["hostname"] = host;
        return batch;
    }
}
