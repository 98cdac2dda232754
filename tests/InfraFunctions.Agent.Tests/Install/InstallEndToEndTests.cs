using System.Net.Http.Json;
using System.Text.Json;
using InfraFunctions.Agent.Tests.Delivery;
using InfraFunctions.Testing;

namespace InfraFunctions.Agent.Tests.Install;

/// <summary>
/// The one-line install as a person pastes it, against LocalHost serving /agent/ and the API: with DESTDIR, so the
/// real agent posts from a root of its own and this machine's systemd is left alone.
/// </summary>
public sealed class InstallEndToEndTests(InstallServer rig) : IClassFixture<InstallServer>, IDisposable
{
    private readonly TempDirectory directory = new();
    private readonly string hostId = "install-" + Guid.NewGuid().ToString("N")[..10];

    private string Root => Path.Combine(directory.Path, "root");

    private string Spool => Path.Combine(Root, "var/lib/infrafunctions/spool");

    private string KeyFile => Path.Combine(Root, "var/lib/infrafunctions/agent.key");

    [Fact]
    public async Task TheOneLineInstallDownloadsTheAgentPostsAFirstSampleAsTheKeysHostAndPrintsItsPage()
    {
        var (_, key) = await rig.Server.CreateAgentAsync(hostId);

        var (code, output, error) = OneLine("--endpoint", rig.Origin, "--key", key);

        Assert.True(code == 0, $"{output}\n{error}");
        Assert.Contains("as SHA256SUMS lists", output, StringComparison.Ordinal);
        Assert.Contains($"The host's page: {rig.Origin}/host?id={hostId}", output, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(rig.Downloads.BinaryPath), File.ReadAllBytes(Path.Combine(Root, "usr/local/bin/infra-agent")));
        Assert.Equal(key + "\n", File.ReadAllText(KeyFile));
        Assert.Contains(hostId, await HostIdsAsync());
    }

    [Fact]
    public async Task TheOneLineInstallWithAnEnrollmentTokenStoresTheIssuedKeyPrivatelyAndTheHostPostsWithIt()
    {
        using var operatorClient = rig.Server.ClientWithBearer(await rig.Server.CreateTokenAsync("operator"));
        using var created = await operatorClient.PostAsJsonAsync("/api/v1/observability/enrollment-tokens",
            new { name = "install tests", expires_at = DateTimeOffset.UtcNow.AddHours(1) });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var token = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;

        var (code, output, error) = OneLine("--endpoint", rig.Origin, "--enroll", token, "--host-id", hostId);

        Assert.True(code == 0, $"{output}\n{error}");
        Assert.StartsWith("ifa_", File.ReadAllText(KeyFile), StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyFile));
        Assert.DoesNotContain(token, File.ReadAllText(Path.Combine(Root, "etc/infrafunctions/agent.json")), StringComparison.Ordinal);
        Assert.Contains(hostId, await HostIdsAsync());
    }

    [Fact]
    public async Task ABinaryThatNoLongerMatchesSha256SumsIsRefusedWithBothSumsAndNothingIsInstalled()
    {
        var (_, key) = await rig.Server.CreateAgentAsync(hostId);
        var published = File.ReadAllBytes(rig.Downloads.BinaryPath);
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(published));
        File.AppendAllText(rig.Downloads.BinaryPath, "echo tampered\n");
        try
        {
            var actual = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(rig.Downloads.BinaryPath)));

            var (code, _, error) = OneLine("--endpoint", rig.Origin, "--key", key);

            Assert.Equal(1, code);
            Assert.Contains($"refusing {rig.Origin}/agent/{AgentDownloads.BinaryName}: its SHA-256 is {actual}, but SHA256SUMS lists {expected}", error, StringComparison.Ordinal);
            Assert.False(Directory.Exists(Root), "Nothing may be written for a refused download.");
        }
        finally
        {
            File.WriteAllBytes(rig.Downloads.BinaryPath, published);
        }
    }

    [Fact]
    public async Task ARerunUpgradesInPlaceKeepingTheSpoolAndTheStoredKeyAndPostsAgain()
    {
        var (_, key) = await rig.Server.CreateAgentAsync(hostId);
        Assert.Equal(0, OneLine("--endpoint", rig.Origin, "--key", key).Code);
        var spooled = Path.Combine(Spool, "kept-by-the-upgrade.seg");
        File.WriteAllText(spooled, "not yet sent");

        var (code, output, error) = OneLine();

        Assert.True(code == 0, $"{output}\n{error}");
        Assert.Contains("Posting a first sample", output, StringComparison.Ordinal);
        Assert.Equal("not yet sent", File.ReadAllText(spooled));
        Assert.Equal(key + "\n", File.ReadAllText(KeyFile));
        Assert.Contains($"host id {hostId}", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AKeyTheServerRefusesStopsTheInstallWithTheServersReason()
    {
        var (code, _, error) = OneLine("--endpoint", rig.Origin, "--key", "ifa_nope.not-a-key");

        Assert.Equal(1, code);
        Assert.Contains("the server refused the key (401)", error, StringComparison.Ordinal);
        Assert.DoesNotContain(hostId, await HostIdsAsync());
    }

    [Fact]
    public async Task UninstallRemovesWhatTheInstallWroteAndPurgeTheKeyAndSpool()
    {
        var (_, key) = await rig.Server.CreateAgentAsync(hostId);
        Assert.Equal(0, OneLine("--endpoint", rig.Origin, "--key", key).Code);

        var (code, _, error) = OneLine("--uninstall", "--purge");

        Assert.True(code == 0, error);
        var left = Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories).ToArray();
        Assert.True(left.Length == 0, "Left behind: " + string.Join(", ", left));
    }

    public void Dispose() => directory.Dispose();

    // curl | bash as pasted, with DESTDIR in the environment of the whole pipeline.
    private (int Code, string Output, string Error) OneLine(params string[] args) =>
        Commands.RunWithExit("bash", ["-c", "set -o pipefail; curl -fsSL \"$0/agent/install.sh\" | bash -s -- \"$@\"", rig.Origin, .. args],
            new Dictionary<string, string> { ["DESTDIR"] = Root, ["INFRA_AGENT_KEY"] = "", ["INFRA_AGENT_ENROLL_TOKEN"] = "" });

    private async Task<List<string>> HostIdsAsync()
    {
        using var reader = rig.Server.ClientWithBearer(await rig.Server.CreateTokenAsync());
        var hosts = await reader.GetFromJsonAsync<JsonElement>("/api/v1/observability/hosts");
        var list = hosts.ValueKind == JsonValueKind.Array ? hosts : hosts.GetProperty("hosts");
        return [.. list.EnumerateArray().Select(h => h.GetProperty("host_id").GetString()!)];
    }
}
