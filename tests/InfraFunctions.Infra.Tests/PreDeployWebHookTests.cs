using System.Security.Cryptography;
using InfraFunctions.Infra.Tests.Support;

namespace InfraFunctions.Infra.Tests;

/// <summary>The web service's predeploy hook puts the agent's downloads into the dashboard build that azd uploads.</summary>
public sealed class PreDeployWebHookTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("infra-predeploy-").FullName;

    private string Dist => Path.Combine(_dir, "dist");

    private string Binaries => Path.Combine(_dir, "binaries");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private Task<ProcessResult> RunHookAsync(string dashboardUrl) => ProcessRunner.RunAsync(
        "sh",
        [Path.Combine(RepositoryPaths.Infra, "hooks", "predeploy-web.sh")],
        new Dictionary<string, string> { ["DASHBOARD_URL"] = dashboardUrl, ["STATIC_WEB_DIST"] = Dist, ["AGENT_BINARIES_DIR"] = Binaries });

    [Fact]
    public async Task HookWritesTheBinariesAnInstallScriptServedFromTheDashboardAndTheirSumsUnderDistAgent()
    {
        Directory.CreateDirectory(Dist);
        Directory.CreateDirectory(Binaries);
        await File.WriteAllTextAsync(Path.Combine(Binaries, "infra-agent-linux-x64"), "x64 agent");

        var result = await RunHookAsync("https://stapp.example/");

        Assert.True(result.ExitCode == 0, result.Describe());
        var agent = Path.Combine(Dist, "agent");
        Assert.Contains("served_from='https://stapp.example'\n", await File.ReadAllTextAsync(Path.Combine(agent, "install.sh")), StringComparison.Ordinal);
        var sums = await File.ReadAllLinesAsync(Path.Combine(agent, "SHA256SUMS"));
        var x64 = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(agent, "infra-agent-linux-x64"))));
        Assert.Contains($"{x64}  infra-agent-linux-x64", sums);
        Assert.Contains(sums, l => l.EndsWith("  install.sh", StringComparison.Ordinal));
        Assert.False(File.Exists(Path.Combine(agent, "infra-agent-linux-arm64")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("http://stapp.example")]
    public async Task HookRefusesADashboardUrlThatIsNotHttps(string dashboardUrl)
    {
        Directory.CreateDirectory(Dist);

        var result = await RunHookAsync(dashboardUrl);

        Assert.NotEqual(0, result.ExitCode);
        Assert.False(Directory.Exists(Path.Combine(Dist, "agent")));
    }

    [Fact]
    public async Task WithoutADashboardBuildTheHookSaysSoInsteadOfPublishingIntoNothing()
    {
        var result = await RunHookAsync("https://stapp.example");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("No dashboard build", result.StandardError, StringComparison.Ordinal);
    }
}
