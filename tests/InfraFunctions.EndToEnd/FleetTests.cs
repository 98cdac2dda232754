using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace InfraFunctions.EndToEnd;

/// <summary>The fleet page in Chromium with 1,001 hosts (this machine and the fixture's 1,000): the table, tag filters and grouping.</summary>
[Collection(FleetCollection.Name)]
public sealed partial class FleetTests(FleetFixture fleet)
{
    private static readonly LocatorAssertionsToHaveTextOptions Soon = new() { Timeout = 20_000 };

    private DashboardFixture Fx => fleet.Dashboard;

    private async Task<IPage> OpenFleetAsync(bool table = true)
    {
        var page = await Fx.NewPageAsync();
        await page.GotoAsync($"{Fx.BaseUrl}/#token={Uri.EscapeDataString(Fx.ReaderToken)}");
        await Assertions.Expect(page.GetByTestId("fleet-count")).ToHaveTextAsync($"{FleetFixture.Count + 1} hosts", Soon);
        if (table)
        {
            await page.GetByTestId("fleet-view").GetByText("Table", new() { Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("fleet-table")).ToBeVisibleAsync();
        }

        return page;
    }

    private static async Task<string[]> ShownHostsAsync(IPage page, int count) =>
        (await page.Locator("[data-testid=host-row]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.hostId)")).Take(count).ToArray();

    /// <summary>Waits for the table's first rows to be <paramref name="expected"/> (the list follows a click a frame or more later), then compares them.</summary>
    private static async Task ExpectFirstRowsAsync(IPage page, string[] expected)
    {
        try
        {
            await page.WaitForFunctionAsync(
                "ids => JSON.stringify([...document.querySelectorAll('[data-testid=host-row]')].slice(0, ids.length).map(r => r.dataset.hostId)) === JSON.stringify(ids)",
                expected,
                new() { Timeout = 20_000 });
        }
        catch (TimeoutException)
        {
            // The comparison below names the rows that differ.
        }

        Assert.Equal(expected, await ShownHostsAsync(page, expected.Length));
    }

    [Fact]
    public async Task TheTableSortsAThousandHostsByCpuAndByLastSeenFromItsHeadings()
    {
        var (hosts, _) = await fleet.HostsAsync();
        // As the page orders them: ties by name, and a reversed order reverses the ties too.
        string[] Expected(Func<JsonObject, double> by, bool descending, bool reversed = false)
        {
            var ordered = descending ? hosts.OrderByDescending(by) : hosts.OrderBy(by);
            var named = reversed ? ordered.ThenByDescending(Name, StringComparer.Ordinal) : ordered.ThenBy(Name, StringComparer.Ordinal);
            return [.. named.Take(10).Select(h => h["host_id"]!.GetValue<string>())];
        }

        static string Name(JsonObject h) => h["hostname"]!.GetValue<string>();
        static double Seen(JsonObject h) => DateTimeOffset.Parse(h["last_seen"]!.GetValue<string>(), CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();

        var page = await OpenFleetAsync();

        await page.GetByTestId("sort-cpu").ClickAsync();
        await Assertions.Expect(page.GetByTestId("sort-cpu").Locator("xpath=ancestor::th")).ToHaveAttributeAsync("aria-sort", "descending");
        await ExpectFirstRowsAsync(page, Expected(h => h["cpu_percent"]!.GetValue<double>(), descending: true));

        await page.GetByTestId("sort-last_seen").ClickAsync();
        await ExpectFirstRowsAsync(page, Expected(Seen, descending: false));
        await Assertions.Expect(page.GetByTestId("sort-last_seen").Locator("xpath=ancestor::th")).ToHaveAttributeAsync("aria-sort", "ascending");
        await page.ScreenshotAsync(new() { Path = Path.Combine(DashboardFixture.Artifacts, "fleet-1000-table.png") });

        // A second click on the heading turns the order round: the most recent post first.
        await page.GetByTestId("sort-last_seen").ClickAsync();
        await ExpectFirstRowsAsync(page, Expected(Seen, descending: true, reversed: true));
    }

    [Fact]
    public async Task ATagFilterNarrowsTheRowsToTheHostsCarryingTheTag()
    {
        var prod = fleet.Tags.Count(t => t.Value.TryGetValue("env", out var v) && v == "prod");
        var prodWeb = fleet.Tags.Count(t => t.Value.GetValueOrDefault("env") == "prod" && t.Value.GetValueOrDefault("role") == "web");
        var page = await OpenFleetAsync();
        var filter = page.GetByRole(AriaRole.Combobox, new() { Name = "Filter by tag" });

        await filter.FillAsync("env:prod");
        await filter.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("fleet-count")).ToHaveTextAsync($"{prod} of {FleetFixture.Count + 1} hosts shown", Soon);
        var rows = page.Locator("[data-testid=host-row]");
        Assert.InRange(await rows.CountAsync(), 5, prod);
        foreach (var tags in await rows.Locator("[data-testid=host-tags]").AllInnerTextsAsync())
        {
            Assert.Contains("env=prod", tags, StringComparison.Ordinal);
        }

        await filter.FillAsync("role:web");
        await filter.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("fleet-count")).ToHaveTextAsync($"{prodWeb} of {FleetFixture.Count + 1} hosts shown", Soon);
        Assert.All(await ShownHostsAsync(page, 100), id => Assert.Equal(0, int.Parse(id["fleet-".Length..], CultureInfo.InvariantCulture) % 12));
    }

    [Fact]
    public async Task GroupingByRoleShowsEachRoleWithItsCountAndTheUntaggedHostsLast()
    {
        int Role(string? role) => fleet.Tags.Count(t => t.Value.GetValueOrDefault("role") == role);
        var page = await OpenFleetAsync();

        await page.GetByTestId("fleet-group-by").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "role", Exact = true }).ClickAsync();

        var chips = page.GetByTestId("group-chip");
        // This machine's own host has no role: it is among the untagged.
        await Assertions.Expect(chips).ToHaveTextAsync([$"role=db: {Role("db")}", $"role=web: {Role("web")}", $"untagged: {Role(null) + 1}"], new() { Timeout = 20_000 });
        var first = page.GetByTestId("group-heading").First;
        await Assertions.Expect(first).ToHaveAttributeAsync("data-group", "db");
        await Assertions.Expect(first.GetByTestId("group-count")).ToHaveTextAsync($"{Role("db")} hosts");
        await Assertions.Expect(first.GetByLabel(WorstStatus())).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(DashboardFixture.Artifacts, "fleet-1000-grouped.png") });

        // The grouping is remembered: the next visit groups by role again.
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("group-chip").First).ToHaveTextAsync($"role=db: {Role("db")}", Soon);
    }

    [GeneratedRegex("^Worst status: (healthy|degraded|critical|down)$")]
    private static partial Regex WorstStatus();
}
