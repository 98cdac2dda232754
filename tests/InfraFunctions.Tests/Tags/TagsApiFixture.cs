using System.Net;
using System.Text.Json.Nodes;
using InfraFunctions.Testing;

namespace InfraFunctions.Tests.Tags;

/// <summary>LocalHost on the suite's Azurite with a reader and an operator, and hosts that report with tags as an agent does.</summary>
public sealed class TagsApiFixture : IAsyncLifetime
{
    private readonly TablesFixture _tables = new();

    public LocalHostServer Server { get; private set; } = null!;

    public HttpClient Reader { get; private set; } = null!;

    public HttpClient Operator { get; private set; } = null!;

    public Azure.Data.Tables.TableServiceClient Tables => _tables.Service;

    public async Task InitializeAsync()
    {
        await _tables.InitializeAsync();
        Server = await LocalHostServer.StartAsync(_tables.ConnectionString);
        Reader = Server.ClientWithBearer(await Server.CreateTokenAsync());
        Operator = Server.ClientWithBearer(await Server.CreateTokenAsync("operator", "on-call"));
    }

    /// <summary>A new host with its own agent key, not yet reported.</summary>
    public async Task<(string Host, HttpClient Agent)> NewAgentAsync()
    {
        var host = Http.NewHostId("tagged");
        var (_, key) = await Server.CreateAgentAsync(host);
        return (host, Server.ClientWithBearer(key));
    }

    /// <summary>Posts one sample with <paramref name="tags"/> as the batch's <c>tags</c> (left out when null); returns the 200 reply.</summary>
    public static async Task<System.Text.Json.JsonElement> PostAsync(HttpClient agent, string host, JsonObject? tags)
    {
        var batch = Samples.Batch(host, [DateTimeOffset.UtcNow.AddSeconds(-1)]);
        if (tags is not null)
        {
            batch["tags"] = tags;
        }

        using var post = await agent.PostAsync("api/v1/ingest/samples", Samples.Gzip(batch));
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        return await post.JsonAsync();
    }

    public async Task DisposeAsync()
    {
        Reader.Dispose();
        Operator.Dispose();
        await Server.DisposeAsync();
        await _tables.DisposeAsync();
    }
}
