using System.Net;
using System.Text.Json.Nodes;
using InfraFunctions.Testing;

namespace InfraFunctions.Tests.Rules;

/// <summary>LocalHost on a private Azurite (the rule list and the fleet's series are global), with reader and operator clients.</summary>
public sealed class RulesApiFixture : IAsyncLifetime
{
    public AzuriteServer Azurite { get; private set; } = null!;

    public LocalHostServer Server { get; private set; } = null!;

    public HttpClient Reader { get; private set; } = null!;

    public HttpClient Operator { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Azurite = await AzuriteServer.StartAsync(inMemory: true);
        Server = await LocalHostServer.StartAsync(Azurite.ConnectionString);
        Reader = Server.ClientWithBearer(await Server.CreateTokenAsync());
        Operator = Server.ClientWithBearer(await Server.CreateTokenAsync("operator", "on-call"));
    }

    /// <summary>Posts one sample for a new host: its data disk <paramref name="mount"/> at <paramref name="dataDisk"/> percent (none when null), with a <paramref name="process"/> process.</summary>
    public async Task<string> ReportAsync(string prefix, double? dataDisk, bool nginx = true, string mount = "/data", string process = "nginx")
    {
        var host = Http.NewHostId(prefix);
        var (_, key) = await Server.CreateAgentAsync(host);
        using var agent = Server.ClientWithBearer(key);
        var batch = Samples.Batch(host, [DateTimeOffset.UtcNow.AddSeconds(-1)], (s, _) =>
        {
            if (dataDisk is { } percent)
            {
                s["disks"]!.AsArray().Add(JsonNode.Parse($$"""{"mount": "{{mount}}", "device": "/dev/vdb", "fs_type": "xfs", "total_gb": 500, "used_gb": {{5 * percent}}, "free_gb": {{500 - (5 * percent)}}, "percent": {{percent}}}"""));
            }

            if (nginx)
            {
                s["processes"]!.AsArray().Add(JsonNode.Parse($$"""{"pid": 4242, "name": "{{process}}", "status": "running", "cpu_percent": 3.5, "memory_mb": 40, "memory_percent": 0.5, "num_threads": 2, "num_fds": 30, "create_time": "2026-11-27T09:02:11Z"}"""));
            }
        });
        batch["platform"]!["hostname"] = host + ".example";
        using var post = await agent.PostAsync("api/v1/ingest/samples", Samples.Gzip(batch));
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        return host;
    }

    public async Task DisposeAsync()
    {
        Reader.Dispose();
        Operator.Dispose();
        await Server.DisposeAsync();
        await Azurite.DisposeAsync();
    }
}
