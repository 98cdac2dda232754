using System.Text.Json;
using Microsoft.Playwright;

namespace InfraFunctions.EndToEnd;

/// <summary>Adding a host from the Fleet page: the dialog's command, run against LocalHost's served agent, brings the host's first sample.</summary>
public sealed class AddHostTests(DashboardFixture fx) : IClassFixture<DashboardFixture>
{
    private static readonly LocatorAssertionsToBeVisibleOptions Soon = new() { Timeout = 15_000 };

    private Task<IResponse?> OpenAsync(IPage page, string path, string token) => page.GotoAsync($"{fx.BaseUrl}{path}#token={Uri.EscapeDataString(token)}");

    [Fact]
    public async Task AnOperatorAddsAHostAndTheShownCommandBringsItsFirstSampleWithALinkToTheHost()
    {
        const string hostId = "e2e-added-web-1";
        var page = await fx.NewPageAsync();
        await OpenAsync(page, "/", fx.OperatorToken);

        await page.GetByRole(AriaRole.Button, new() { Name = "Add host" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Add host" });
        await Assertions.Expect(dialog.GetByText("as `hostname` prints it")).ToBeVisibleAsync(Soon);
        await dialog.GetByLabel("Host id").FillAsync(hostId);
        var tags = dialog.GetByRole(AriaRole.Combobox, new() { Name = "Tags" });
        await tags.FillAsync("env=e2e");
        await tags.PressAsync("Enter");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Issue key" }).ClickAsync();

        var command = await page.GetByTestId("install-command").TextContentAsync(new() { Timeout = 15_000 });
        var key = await page.GetByTestId("secret-value").TextContentAsync();
        Assert.StartsWith("ifa_", key, StringComparison.Ordinal);
        Assert.Contains($"--key {key}", command, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByText("It is shown only this once")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("waiting-for-sample")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(DashboardFixture.Artifacts, "add-host-key-shown.png") });

        var root = Directory.CreateTempSubdirectory("e2e-add-host-").FullName;
        var output = await ShownInstallCommand.RunAsync(command!, Path.Combine(root, "root"), TimeSpan.FromSeconds(180));
        Assert.Contains($"host id {hostId}", output, StringComparison.Ordinal);

        await Assertions.Expect(page.GetByText("First sample received")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await page.ScreenshotAsync(new() { Path = Path.Combine(DashboardFixture.Artifacts, "add-host-first-sample.png") });
        await page.GetByTestId("first-sample-link").ClickAsync();
        await Assertions.Expect(page.GetByTestId("host-title")).ToBeVisibleAsync(Soon);
        Assert.Contains($"id={hostId}", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByTestId("cpu-count")).ToBeVisibleAsync(Soon);
    }

    [Fact]
    public async Task AReaderSeesNoAddHostAndTheAgentsPageOnlyTellsThatTheOperatorRoleIsNeeded()
    {
        var page = await fx.NewPageAsync();
        await OpenAsync(page, "/", fx.ReaderToken);
        await Assertions.Expect(page.Locator($"[data-testid=host-card][data-host-id=\"{fx.HostId}\"]")).ToBeVisibleAsync(Soon);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Add host" })).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Pages" }).GetByRole(AriaRole.Link, new() { Name = "Agents" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("operator-note")).ToContainTextAsync("needs the operator role", new() { Timeout = 15_000 });
        await Assertions.Expect(page.GetByTestId("agents-table")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "New enrollment token" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Revoke" })).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Path.Combine(DashboardFixture.Artifacts, "agents-reader.png"), FullPage = true });
    }

    [Fact]
    public async Task AHostWhoseAgentReportsAnOlderVersionShowsTheUpdateBadgeWithTheDeploymentsVersion()
    {
        const string hostId = "e2e-old-agent";
        var (_, key) = await fx.Server.CreateAgentAsync(hostId);
        var batch = fx.AgentBatch();
        batch["host_id"] = hostId;
        batch["platform"]!["agent_version"] = "0.1.0";
        await fx.PostAsync(batch, key);
        using var reader = fx.Server.ClientWithBearer(fx.ReaderToken);
        var deployment = JsonDocument.Parse(await reader.GetStringAsync("api/v1/observability/hosts")).RootElement.GetProperty("agent_version").GetString();

        var page = await fx.NewPageAsync();
        await OpenAsync(page, "/", fx.ReaderToken);

        var card = page.Locator($"[data-testid=host-card][data-host-id=\"{hostId}\"]");
        await Assertions.Expect(card.GetByTestId("agent-outdated")).ToHaveTextAsync($"agent 0.1.0 (update available: {deployment})", new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator($"[data-testid=host-card][data-host-id=\"{fx.HostId}\"]").GetByTestId("agent-outdated")).ToHaveCountAsync(0);
        await card.ScreenshotAsync(new() { Path = Path.Combine(DashboardFixture.Artifacts, "fleet-outdated-agent.png") });
    }
}
