using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using InfraFunctions.Agent.Tests.Delivery;

namespace InfraFunctions.Agent.Tests.EndToEnd;

/// <summary>The built agent enrolling against the real enrollment route through LocalHost, then posting with the key it stored.</summary>
public sealed class LocalHostEnrollmentTests
{
    private const string Host = "web-enrolled";

    [Fact]
    public async Task AnAgentEnrolledWithAFleetTokenPostsItsFirstSampleWithTheStoredKey()
    {
        await using var rig = await DeliveryRig.StartAsync();
        using var @operator = await rig.OperatorAsync();
        var expires = DateTimeOffset.UtcNow.AddHours(1).ToString("O", CultureInfo.InvariantCulture);
        using var created = await @operator.PostAsync("api/v1/observability/enrollment-tokens",
            new StringContent($$"""{"name": "fleet", "expires_at": "{{expires}}", "max_hosts": 5, "host_pattern": "web-*"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var token = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString()!;
        using var state = new TempDirectory();
        var keyFile = Path.Combine(state.Path, "agent.key");
        string[] server = ["--endpoint", rig.Endpoint.AbsoluteUri, "--key-file", keyFile, "--spool-dir", rig.SpoolDir];

        // A host id outside the token's pattern is refused, and nothing is stored.
        var outside = await RunAsync([.. server, "--enroll", "--host-id", "db-1"], token);
        Assert.Equal(1, outside.Code);
        Assert.Contains("refused: 403", outside.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(keyFile));

        var enrolled = await RunAsync([.. server, "--enroll", "--host-id", Host], token);
        var posted = await RunAsync([.. server, "--post-once", "--host-id", Host], null);

        Assert.True(enrolled.Code == 0, enrolled.Output);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        Assert.True(posted.Code == 0, posted.Output);
        Assert.Equal($"accepted {Host}", posted.Output.Trim());
        Assert.NotNull(await rig.HostAsync(Host));
    }

    private static async Task<(int Code, string Output)> RunAsync(string[] args, string? token)
    {
        var (code, output, errors) = await AgentProcess.RunToExitAsync(args, token);
        return (code, output + errors);
    }
}
