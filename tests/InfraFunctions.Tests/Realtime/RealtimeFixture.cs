using InfraFunctions.Testing;

namespace InfraFunctions.Tests.Realtime;

/// <summary>One LocalHost with the SignalR stand-in, Azurite, a reader token and an agent key for a few hosts.</summary>
public sealed class RealtimeFixture : IAsyncLifetime
{
    private readonly TablesFixture _tables = new();

    public RealtimeServer Realtime { get; private set; } = null!;

    public LocalHostServer Server => Realtime.Server;

    public string ReaderToken { get; private set; } = string.Empty;

    public HttpClient Reader { get; private set; } = null!;

    public string StorageConnectionString => _tables.ConnectionString;

    public async Task InitializeAsync()
    {
        await _tables.InitializeAsync();
        Realtime = await RealtimeServer.StartAsync(_tables.ConnectionString);
        ReaderToken = await Server.CreateTokenAsync();
        Reader = Server.ClientWithBearer(ReaderToken);
    }

    /// <summary>A new host that has reported once, with an agent client for it.</summary>
    public async Task<(string HostId, HttpClient Agent)> ReportingHostAsync()
    {
        var hostId = Http.NewHostId("live");
        var (_, key) = await Server.CreateAgentAsync(hostId);
        var agent = Server.ClientWithBearer(key);
        (await agent.PostAsync("api/v1/ingest/samples", Samples.Json(Samples.Batch(hostId, [DateTimeOffset.UtcNow.AddSeconds(-10)])))).EnsureSuccessStatusCode();
        return (hostId, agent);
    }

    public async Task DisposeAsync()
    {
        Reader.Dispose();
        await Realtime.DisposeAsync();
        await _tables.DisposeAsync();
    }
}
