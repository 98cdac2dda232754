using System.Diagnostics;
using System.Text.Json;
using InfraFunctions.Agent.Tests.Delivery;
using InfraFunctions.Testing;

namespace InfraFunctions.Agent.Tests.EndToEnd;

/// <summary>The built agent enrolling with a token, storing the key, and install.sh's one-shot commands.</summary>
public sealed class EnrollmentTests : IDisposable
{
    private const string Token = "ife_tok01.fleet-enrollment-secret";
    private const string Host = "enroll-host";
    private readonly TempDirectory state = new();
    private readonly TempDirectory spool = new();

    private string KeyFile => Path.Combine(state.Path, "infrafunctions", "agent.key");

    [Fact]
    public async Task WithOnlyATokenTheServiceEnrollsStoresTheKeyMode600AndPostsWithIt()
    {
        await using var server = await EnrollmentServer.StartAsync();
        var environment = new Dictionary<string, string> { ["INFRA_AGENT_ENROLL_TOKEN"] = Token };

        using (var agent = AgentProcess.StartWithoutKey(server.Endpoint, Host, spool.Path, environment, "--key-file", KeyFile))
        {
            Assert.True(await Eventually.TrueAsync(() => !server.Posts.IsEmpty, TimeSpan.FromSeconds(30)), "The agent never posted.\n" + agent.Output);
            Assert.DoesNotContain(Token, File.ReadAllText($"/proc/{agent.Id}/cmdline"), StringComparison.Ordinal);
            agent.KillHard();
        }

        var enroll = Assert.Single(server.Enrollments);
        Assert.Equal(("/api/v1/enroll", $"Bearer {Token}"), (enroll.Path, enroll.Authorization));
        Assert.StartsWith("application/json", enroll.ContentType, StringComparison.Ordinal);
        Assert.Equal(Host, JsonDocument.Parse(enroll.Body).RootElement.GetProperty("host_id").GetString());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyFile));
        Assert.Equal(EnrollmentServer.IssuedKey, File.ReadAllText(KeyFile).Trim());
        Assert.All(server.Posts, p => Assert.Equal($"Bearer {EnrollmentServer.IssuedKey}", p.Authorization));

        // The next start reads the stored key and never needs the token again.
        var (code, output, _) = await RunAsync(["--post-once", "--endpoint", server.Endpoint.AbsoluteUri, "--host-id", Host, "--key-file", KeyFile]);
        Assert.Equal((0, $"accepted {Host}"), (code, output.Trim()));
        Assert.Single(server.Enrollments);
    }

    [Fact]
    public async Task ARefusedEnrollmentIsPrintedWithTheServersDetailAndWritesNoKey()
    {
        await using var server = await EnrollmentServer.StartAsync();
        server.EnrollScript.Enqueue(new ScriptedReply(403,
            """{"type":"https://httpstatuses.io/403","title":"Forbidden","status":403,"detail":"The enrollment token 'fleet' has enrolled its 10 hosts; create a new token or raise max_hosts."}"""));

        var (code, output, errors) = await RunAsync(["--enroll", "--endpoint", server.Endpoint.AbsoluteUri, "--host-id", Host, "--key-file", KeyFile], Token);

        Assert.Equal(1, code);
        Assert.Contains("refused: 403 Forbidden: The enrollment token 'fleet' has enrolled its 10 hosts; create a new token or raise max_hosts.", output + errors, StringComparison.Ordinal);
        Assert.False(File.Exists(KeyFile));
        Assert.Single(server.Enrollments);
    }

    [Fact]
    public async Task TheServiceStopsWithStatus3WhenItsEnrollmentIsRefusedSoTheUnitDoesNotRestartIt()
    {
        await using var server = await EnrollmentServer.StartAsync();
        server.EnrollScript.Enqueue(new ScriptedReply(401,
            """{"type":"https://httpstatuses.io/401","title":"Unauthorized","status":401,"detail":"The enrollment token expired; ask an operator for a new one."}"""));

        var (code, output, errors) = await RunAsync(["--endpoint", server.Endpoint.AbsoluteUri, "--host-id", Host, "--key-file", KeyFile, "--spool-dir", spool.Path], Token);

        Assert.True(code == 3, output + errors);
        Assert.Contains("The enrollment token expired; ask an operator for a new one.", output + errors, StringComparison.Ordinal);
        Assert.Single(server.Enrollments);
        Assert.Empty(server.Posts);
    }

    [Fact]
    public async Task EnrollRetriesAfterTheServersRetryAfterWhenThrottledThenStoresTheKey()
    {
        await using var server = await EnrollmentServer.StartAsync();
        server.EnrollScript.Enqueue(new ScriptedReply(429,
            """{"type":"https://httpstatuses.io/429","title":"Too Many Requests","status":429,"detail":"At most 10 enrollments a minute per token."}""", RetryAfter: "1"));

        var (code, output, errors) = await RunAsync(["--enroll", "--endpoint", server.Endpoint.AbsoluteUri, "--host-id", Host, "--key-file", KeyFile], Token);

        Assert.True(code == 0, output + errors);
        Assert.Contains("retrying in 1 s", output, StringComparison.Ordinal);
        Assert.Equal(2, server.Enrollments.Count);
        Assert.Equal(EnrollmentServer.IssuedKey, File.ReadAllText(KeyFile).Trim());
        Assert.Empty(server.Posts);
    }

    [Fact]
    public async Task PostOnceExitsZeroOnlyWhenTheServerAcceptedTheSampleAndLeavesTheSpoolAlone()
    {
        await using var server = await EnrollmentServer.StartAsync();
        string[] common = ["--post-once", "--endpoint", server.Endpoint.AbsoluteUri, "--host-id", Host, "--spool-dir", spool.Path];

        var accepted = await RunAsync([.. common, "--key", EnrollmentServer.IssuedKey]);
        var refused = await RunAsync([.. common, "--key", "ifa_wrong.key"]);
        var unreachable = await RunAsync(["--post-once", "--endpoint", $"http://127.0.0.1:{AzuriteServer.FreePort()}", "--key", "k", "--spool-dir", spool.Path]);

        Assert.Equal((0, $"accepted {Host}"), (accepted.Code, accepted.Output.Trim()));
        var batch = server.Posts.First().Batch;
        Assert.Equal((Host, 1), (batch.HostId, batch.Samples.Count));
        Assert.Contains(batch.Settings!, s => s.Name == "sample_interval_seconds" && s.Source == "default");
        Assert.Equal(1, refused.Code);
        Assert.Contains("refused the sample: 401 Unauthorized: The agent key is unknown or revoked; issue a new key for this host.", refused.Errors, StringComparison.Ordinal);
        Assert.Equal(1, unreachable.Code);
        Assert.Contains("cannot reach", unreachable.Errors, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(spool.Path));
    }

    public void Dispose()
    {
        state.Dispose();
        spool.Dispose();
    }

    private static Task<(int Code, string Output, string Errors)> RunAsync(string[] args, string? token = null) => AgentProcess.RunToExitAsync(args, token);
}
