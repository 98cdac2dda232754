using System.Text.RegularExpressions;
using InfraFunctions.Testing;
using Microsoft.Playwright;

namespace InfraFunctions.EndToEnd;

/// <summary>
/// The alerting pages on the real API: a rule made in the editor raises an alert that arrives live and is silenced
/// from its row; a silenced alert reaches no channel while an unsilenced one does; a reader cannot change a rule.
/// </summary>
public sealed class AlertingPagesTests(DashboardFixture fx) : IClassFixture<DashboardFixture>, IAsyncLifetime
{
    private const float Soon = 15_000;
    private readonly AlertingApi _api = new(fx);
    // Stopped in DisposeAsync: xunit's async lifetime, not IDisposable, ends it.
    private WebhookReceiver Slack { get; } = new(AzuriteServer.FreePort());

    public Task InitializeAsync() => Slack.StartAsync();

    public Task DisposeAsync() => Slack.DisposeAsync().AsTask();

    private async Task<IPage> OpenAsync(string path, string token)
    {
        var page = await fx.NewPageAsync();
        await page.GotoAsync($"{fx.BaseUrl}{path}#token={Uri.EscapeDataString(token)}");
        return page;
    }

    [Fact]
    public async Task AnOperatorCreatesATagScopedRuleInTheEditorAndSilencesItsAlertFromItsRowAfterItArrivesLive()
    {
        const string host = "e2e-rule-editor";
        var key = await _api.HostAsync(host, "e2e-editor", 100);
        var channel = await _api.SlackChannelAsync("e2e-editor-slack", Slack);
        var page = await OpenAsync("/rules", fx.OperatorToken);

        await page.GetByRole(AriaRole.Button, new() { Name = "New rule" }).ClickAsync();
        var editor = page.GetByTestId("rule-editor");
        await editor.GetByLabel("Name").FillAsync("E2E connections");
        await editor.GetByTestId("metric-input").FillAsync("network.conn");
        await page.GetByRole(AriaRole.Option, new() { NameRegex = new Regex(@"^network\.connections") }).ClickAsync();
        await Assertions.Expect(editor.GetByTestId("metric-input")).ToHaveValueAsync("network.connections");
        await editor.GetByText("Hosts with tags").ClickAsync();
        var selector = editor.GetByRole(AriaRole.Combobox, new() { Name = "Tag selector (all must match)" });
        await selector.FillAsync("team=e2e-editor");
        await selector.PressAsync("Enter");
        await editor.GetByLabel("Warning").FillAsync("1000");
        await editor.GetByLabel("Critical").FillAsync("5000");
        await editor.GetByLabel("Duration (seconds)").FillAsync("0");
        await editor.GetByTestId("channels-input").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "e2e-editor-slack (slack)" }).ClickAsync();
        // The preview asks the latest samples: the one host with the tag, below the levels.
        await Assertions.Expect(page.GetByTestId("preview-summary")).ToHaveTextAsync("The scope matches 1 host now; 0 would fire.", new() { Timeout = 15_000 });
        await page.ScreenshotAsync(new() { Path = Path.Combine(DashboardFixture.Artifacts, "rule-editor.png"), FullPage = true });
        await editor.GetByRole(AriaRole.Button, new() { Name = "Create rule" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("rules-table").GetByRole(AriaRole.Row).Filter(new() { HasText = "E2E connections" })).ToContainTextAsync("hosts tagged team=e2e-editor", new() { Timeout = Soon });

        var rule = await _api.RuleNamedAsync("E2E connections");
        Assert.Equal("network.connections", rule["metric"]!.GetValue<string>());
        Assert.Equal("e2e-editor", rule["scope"]!["tags"]!["team"]!.GetValue<string>());
        Assert.Equal(channel, rule["channels"]![0]!.GetValue<string>());

        await page.GetByRole(AriaRole.Link, new() { Name = "Alerts", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("alert-filters")).ToBeVisibleAsync(new() { Timeout = Soon });
        await page.GetByRole(AriaRole.Switch, new() { Name = "Live" }).CheckAsync();
        await Assertions.Expect(page.GetByTestId("live-state")).ToHaveTextAsync("streaming", new() { Timeout = Soon });
        await _api.PostAsync(host, key, "e2e-editor", 9000);

        // While streaming the list is polled once a minute: the row comes with the alert.updated message. 9000 is past
        // both levels, so the rule raises a warning and a critical alert; the critical one's row is the one used here (the
        // host may also have built-in alerts: the sample is this busy machine's own).
        var row = page.GetByTestId("fleet-alerts-table").GetByRole(AriaRole.Row).Filter(new() { HasText = host })
            .Filter(new() { HasText = "E2E connections" }).Filter(new() { HasTextRegex = new Regex("^critical") });
        await Assertions.Expect(row).ToHaveCountAsync(1, new() { Timeout = Soon });
        await Assertions.Expect(row.GetByTestId("alert-state")).ToHaveTextAsync("open");
        await row.GetByRole(AriaRole.Button, new() { NameRegex = new Regex($"^Silence .* on {host}$") }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("1 hour").CheckAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Silence", Exact = true }).ClickAsync();
        await Assertions.Expect(row.GetByTestId("alert-state")).ToContainTextAsync("silenced", new() { Timeout = Soon });
        await page.ScreenshotAsync(new() { Path = Path.Combine(DashboardFixture.Artifacts, "alerts-silenced.png"), FullPage = true });

        var silences = (await _api.OperatorAsync(HttpMethod.Get, "silences"))["silences"]!.AsArray();
        var silence = silences.Single(s => s!["matchers"]!["host"]?.GetValue<string>() == host)!;
        Assert.Equal(rule["id"]!.GetValue<string>(), silence["matchers"]!["rule_id"]!.GetValue<string>());
        var ends = DateTimeOffset.Parse(silence["ends_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(ends - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(55), TimeSpan.FromMinutes(61));
    }

    [Fact]
    public async Task ASilencedAlertSendsNothingToTheSlackChannelWhileAnUnsilencedOneOfTheSameRuleReachesIt()
    {
        const string quiet = "e2e-silenced";
        const string loud = "e2e-unsilenced";
        var quietKey = await _api.HostAsync(quiet, "e2e-delivery", 100);
        var loudKey = await _api.HostAsync(loud, "e2e-delivery", 100);
        var channel = await _api.SlackChannelAsync("e2e-delivery-slack", Slack);
        var rule = (await _api.OperatorAsync(HttpMethod.Post, "rules", new
        {
            name = "E2E delivery",
            metric = "network.connections",
            scope = new { tags = new Dictionary<string, string> { ["team"] = "e2e-delivery" } },
            condition = "above",
            warning = 1000,
            critical = 5000,
            duration_seconds = 0,
            clear_margin = 0,
            channels = new[] { channel },
            renotify_minutes = 0,
        }, 201))["rule"]!["id"]!.GetValue<string>();
        await _api.OperatorAsync(HttpMethod.Post, "silences", new
        {
            matchers = new { host = quiet, rule_id = rule },
            ends_at = DateTimeOffset.UtcNow.AddHours(1),
            comment = "end-to-end",
        }, 201);

        await _api.PostAsync(quiet, quietKey, "e2e-delivery", 9000);
        await _api.PostAsync(loud, loudKey, "e2e-delivery", 9000);

        // The unsilenced host's alert, posted after the silenced one's, proves the channel delivers.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (AlertingApi.TextsAbout(Slack, loud).Length == 0 && !timeout.IsCancellationRequested)
        {
            await Task.Delay(100, CancellationToken.None);
        }

        Assert.NotEmpty(AlertingApi.TextsAbout(Slack, loud));
        Assert.Empty(AlertingApi.TextsAbout(Slack, quiet));
        // Past both levels: a warning and a critical alert, both held.
        var alerts = (await _api.AlertsAsync(quiet)).Where(a => a!["rule_id"]?.GetValue<string>() == rule).ToArray();
        Assert.Equal(2, alerts.Length);
        Assert.All(alerts, a => Assert.True(a!["silenced"]!.GetValue<bool>() && a["held_for"]?.GetValue<string>() == "silenced", a.ToJsonString()));

        // The page's silenced filter, from its address, lists the held alert and not the delivered one.
        var page = await OpenAsync("/alerts?state=silenced&tag=team:e2e-delivery", fx.ReaderToken);
        var table = page.GetByTestId("fleet-alerts-table");
        await Assertions.Expect(table.GetByRole(AriaRole.Row).Filter(new() { HasText = quiet })).ToHaveCountAsync(2, new() { Timeout = Soon });
        await Assertions.Expect(table.GetByRole(AriaRole.Row).Filter(new() { HasText = quiet }).First).ToContainTextAsync("silenced");
        await Assertions.Expect(table.GetByRole(AriaRole.Row).Filter(new() { HasText = loud })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AReaderSeesTheRulesWithTheOperatorNoteButNoControlsAndTheApiRefusesTheirChange()
    {
        var page = await OpenAsync("/rules", fx.ReaderToken);
        await Assertions.Expect(page.GetByTestId("operator-note")).ToContainTextAsync("Creating and changing rules needs the operator role", new() { Timeout = Soon });
        var row = page.GetByTestId("rules-table").GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByTestId("built-in") }).First;
        await Assertions.Expect(row).ToBeVisibleAsync(new() { Timeout = Soon });
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "New rule" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^(Edit|Delete) rule") })).ToHaveCountAsync(0);

        await row.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^View rule") }).ClickAsync();
        var editor = page.GetByTestId("rule-editor");
        await Assertions.Expect(editor.GetByLabel("Name")).ToBeDisabledAsync(new() { Timeout = Soon });
        await Assertions.Expect(editor.GetByLabel("Duration (seconds)")).ToBeDisabledAsync();
        await Assertions.Expect(editor.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^(Save|Create) rule") })).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Path.Combine(DashboardFixture.Artifacts, "rules-reader.png"), FullPage = true });

        var rules = (await _api.OperatorAsync(HttpMethod.Get, "rules"))["rules"]!.AsArray();
        var builtIn = rules.First(r => r!["built_in"]!.GetValue<bool>())!;
        var (status, reply) = await _api.SendAsync(fx.ReaderToken, HttpMethod.Put, $"rules/{builtIn["id"]!.GetValue<string>()}", new { name = "renamed by a reader" });
        Assert.True(status == 403, $"PUT rules as a reader answered {status}: {reply?.ToJsonString()}");
        Assert.Equal(builtIn["name"]!.GetValue<string>(), (await _api.RuleNamedAsync(builtIn["name"]!.GetValue<string>()))["name"]!.GetValue<string>());
    }
}
