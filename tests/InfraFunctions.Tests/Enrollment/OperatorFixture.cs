using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InfraFunctions.Core.Storage;
using InfraFunctions.Core.Tags;
using InfraFunctions.Testing;

namespace InfraFunctions.Tests.Enrollment;

/// <summary>LocalHost with a reader and an operator token, and the tables the worker writes.</summary>
public sealed class OperatorFixture : IAsyncLifetime
{
    private readonly TablesFixture _tables = new();

    public LocalHostServer Server { get; private set; } = null!;

    public HttpClient Reader { get; private set; } = null!;

    public HttpClient Operator { get; private set; } = null!;

    public string ConnectionString => _tables.ConnectionString;

    public TableStore Store => new(_tables.Service);

    public HostTagRepository Tags => new(Store);

    /// <summary>An operator issues a key for <paramref name="hostId"/>; the 201 reply.</summary>
    public async Task<JsonElement> IssueAgentAsync(string hostId, object? tags = null)
    {
        using var response = await Operator.PostAsJsonAsync("api/v1/observability/agents", new { host_id = hostId, tags });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.JsonAsync();
    }

    /// <summary>The agent as the operator's list shows it.</summary>
    public async Task<JsonElement> ListedAgentAsync(string agentId)
    {
        using var response = await Operator.GetAsync("api/v1/observability/agents");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("agents").EnumerateArray().Single(a => a.GetProperty("agent_id").GetString() == agentId);
    }

    public async Task InitializeAsync()
    {
        await _tables.InitializeAsync();
        Server = await LocalHostServer.StartAsync(_tables.ConnectionString);
        Reader = Server.ClientWithBearer(await Server.CreateTokenAsync());
        Operator = Server.ClientWithBearer(await Server.CreateTokenAsync("operator", "on-call"));
    }

    public async Task DisposeAsync()
    {
        Reader.Dispose();
        Operator.Dispose();
        await Server.DisposeAsync();
        await _tables.DisposeAsync();
    }
}
