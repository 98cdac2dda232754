using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace InfraFunctions.EndToEnd;

/// <summary>The Agents page for an operator: keys rotated and revoked, and an enrollment token whose shown command enrolls a host.</summary>
public sealed class AgentsPageTests(DashboardFixture fx) : IClassFixture<DashboardFixture>
{
    private static readonly LocatorAssertionsToBeVisibleOptions Soon = new() { Timeout = 15_000 };

    private async Task<IPage> OpenAgentsAsync()
    {
        var page = await fx.NewPageAsync();
        await page.GotoAsync($"{fx.BaseUrl}/agents#token={Uri.EscapeDataString(fx.OperatorToken)}");
        await Assertions.Expect(page.GetByTestId("agents-table")).ToBeVisibleAsync(Soon);
        return page;
    }

    [Fact]
    public async Task AnOperatorRotatesAKeyWithNoGraceAndThenRevokesItAndTheOldKeysAreRefused()
    {
        const string hostId = "e2e-rotated";
        var (_, oldKey) = await fx.Server.CreateAgentAsync(hostId);
        var page = await OpenAgentsAsync();

        var row = page.GetByTestId("agents-table").GetByRole(AriaRole.Row).Filter(new() { HasText = hostId });
        await Assertions.Expect(row).ToContainTextAsync("admin route");
        Assert.DoesNotContain(oldKey, await page.ContentAsync(), StringComparison.Ordinal);
        await row.GetByRole(AriaRole.Button, new() { Name = $"Rotate the key of {hostId}" }).ClickAsync();
        await page.GetByLabel("None: refuse the old key now").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Rotate key" }).ClickAsync();

        var newKey = await page.GetByTestId("secret-value").TextContentAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(page.GetByTestId("install-command")).ToContainTextAsync($"--key {newKey}");
        await page.ScreenshotAsync(new() { Path = Path.Combine(DashboardFixture.Artifacts, "agents-rotated-key.png") });
        Assert.Equal(401, await IdentityStatusAsync(oldKey));
        Assert.Equal(200, await IdentityStatusAsync(newKey!));

        await page.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("rotated");
        await row.GetByRole(AriaRole.Button, new() { Name = $"Revoke the key of {hostId}" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke key" }).ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("revoked", new() { Timeout = 15_000 });
        Assert.Equal(401, await IdentityStatusAsync(newKey!));
    }

    [Fact]
    public async Task AnEnrollmentTokenCreatedOnThePageEnrollsAHostWithTheShownCommand()
    {
        var page = await OpenAgentsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "New enrollment token" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "New enrollment token" });
        await dialog.GetByLabel("Name").FillAsync("e2e rollout");
        await dialog.GetByLabel("Most hosts").FillAsync("3");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();

        var token = await page.GetByTestId("secret-value").TextContentAsync(new() { Timeout = 15_000 });
        var command = await page.GetByTestId("install-command").TextContentAsync();
        Assert.StartsWith("ife_", token, StringComparison.Ordinal);
        Assert.Equal($"curl -fsSL {fx.BaseUrl}/agent/install.sh | sudo bash -s -- --endpoint {fx.BaseUrl} --enroll {token}", command);
        await page.ScreenshotAsync(new() { Path = Path.Combine(DashboardFixture.Artifacts, "agents-enrollment-token.png") });

        var root = Directory.CreateTempSubdirectory("e2e-enroll-").FullName;
        await ShownInstallCommand.RunAsync(command!, Path.Combine(root, "root"), TimeSpan.FromSeconds(180));

        await page.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();
        await page.ReloadAsync();
        var tokenRow = page.GetByTestId("tokens-table").GetByRole(AriaRole.Row).Filter(new() { HasText = "e2e rollout" });
        await Assertions.Expect(tokenRow).ToContainTextAsync("1 of 3", new() { Timeout = 15_000 });
        await Assertions.Expect(page.GetByTestId("agents-table").GetByRole(AriaRole.Row).Filter(new() { HasTextRegex = new Regex("enrollment") })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task AnOperatorPushesSettingsToAHostFromItsPageAndAValueOutOfBoundsIsRefusedBesideItsField()
    {
        const string hostId = "e2e-settings";
        var (_, key) = await fx.Server.CreateAgentAsync(hostId);
        var batch = fx.AgentBatch();
        batch["host_id"] = hostId;
        await fx.PostAsync(batch, key);
        var page = await fx.NewPageAsync();
        await page.GotoAsync($"{fx.BaseUrl}/host?id={hostId}&tab=infrastructure#token={Uri.EscapeDataString(fx.OperatorToken)}");

        var panel = page.GetByTestId("agent-settings");
        await Assertions.Expect(panel.GetByTestId("settings-pushed")).ToHaveTextAsync("The server pushes no settings to this host.", new() { Timeout = 15_000 });
        await panel.GetByRole(AriaRole.Button, new() { Name = "Edit pushed settings" }).ClickAsync();
        var form = page.GetByTestId("agent-settings-form");
        // Out of AgentSettingRules' bounds: refused beside the field before anything is sent.
        await form.GetByLabel("Top processes").FillAsync("500");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(form.GetByText("A whole number from 0 to 100.")).ToBeVisibleAsync();
        await Assertions.Expect(panel.GetByTestId("settings-pushed")).ToHaveTextAsync("The server pushes no settings to this host.");

        await form.GetByLabel("Top processes").FillAsync("5");
        await form.GetByLabel("Watched processes").FillAsync("nginx");
        await form.GetByLabel("Watched processes").PressAsync("Enter");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Assertions.Expect(panel.GetByTestId("settings-pushed")).ToContainTextAsync("top processes 5 (host)", new() { Timeout = 15_000 });
        await Assertions.Expect(panel.GetByTestId("settings-pushed")).ToContainTextAsync("watched processes nginx (host)");
        await panel.ScreenshotAsync(new() { Path = Path.Combine(DashboardFixture.Artifacts, "host-agent-settings.png") });
    }

    private async Task<int> IdentityStatusAsync(string key)
    {
        using var client = fx.Server.ClientWithBearer(key);
        using var response = await client.GetAsync("api/v1/ingest/identity");
        return (int)response.StatusCode;
    }
}
