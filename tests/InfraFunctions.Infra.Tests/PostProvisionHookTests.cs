using System.Text.Json.Nodes;
using InfraFunctions.Infra.Tests.Support;

namespace InfraFunctions.Infra.Tests;

public sealed class PostProvisionHookTests : IDisposable
{
    private readonly string _webDir = Directory.CreateTempSubdirectory("infra-hook-").FullName;

    public void Dispose() => Directory.Delete(_webDir, recursive: true);

    private Task<ProcessResult> RunHookAsync(string apiBaseUrl) => ProcessRunner.RunAsync(
        "sh",
        [Path.Combine(RepositoryPaths.Infra, "hooks", "postprovision.sh")],
        new Dictionary<string, string> { ["API_BASE_URL"] = apiBaseUrl, ["STATIC_WEB_DIR"] = _webDir });

    [Fact]
    public async Task HookWritesTheApiBaseUrlIntoTheDashboardConfig()
    {
        var result = await RunHookAsync("https://func-abc.azurewebsites.net/");

        Assert.True(result.ExitCode == 0, result.Describe());
        var config = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_webDir, "public", "config.json")))!;
        Assert.Equal("https://func-abc.azurewebsites.net", Deployment.Text(config, "api_base_url"));
        Assert.False(File.Exists(Path.Combine(_webDir, "dist", "config.json")));
    }

    [Fact]
    public async Task HookAlsoUpdatesAnExistingBuild()
    {
        Directory.CreateDirectory(Path.Combine(_webDir, "dist"));

        var result = await RunHookAsync("https://func-abc.azurewebsites.net");

        Assert.True(result.ExitCode == 0, result.Describe());
        var config = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_webDir, "dist", "config.json")))!;
        Assert.Equal("https://func-abc.azurewebsites.net", Deployment.Text(config, "api_base_url"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("http://func-abc.azurewebsites.net")]
    [InlineData("https://func\"abc")]
    public async Task HookRefusesAMissingOrUnsafeUrl(string apiBaseUrl)
    {
        var result = await RunHookAsync(apiBaseUrl);

        Assert.NotEqual(0, result.ExitCode);
        Assert.False(File.Exists(Path.Combine(_webDir, "public", "config.json")));
    }

    [Fact]
    public async Task PostDeployHookPrintsTheKeyTheOperatorTokenAndTheOneLineInstallFromTheDashboard()
    {
        var result = await ProcessRunner.RunAsync(
            "sh",
            [Path.Combine(RepositoryPaths.Infra, "hooks", "postdeploy.sh")],
            new Dictionary<string, string>
            {
                ["API_BASE_URL"] = "https://func-abc.azurewebsites.net",
                ["AZURE_FUNCTION_APP_NAME"] = "func-abc",
                ["AZURE_RESOURCE_GROUP"] = "rg-dev",
                ["DASHBOARD_URL"] = "https://stapp.example",
            });

        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.Contains("az functionapp keys list -g rg-dev -n func-abc --query masterKey -o tsv", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("https://func-abc.azurewebsites.net/api/v1/admin/tokens", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("{\"role\":\"operator\",\"name\":\"dashboard\"}", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("x-functions-key", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Open the dashboard and choose Add host", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("curl -fsSL https://stapp.example/agent/install.sh | sudo bash -s -- --endpoint https://func-abc.azurewebsites.net --key <key>", result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("/api/v1/admin/agents", result.StandardOutput, StringComparison.Ordinal);
    }
}
