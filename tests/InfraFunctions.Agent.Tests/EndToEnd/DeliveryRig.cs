using System.Globalization;
using InfraFunctions.Agent.Tests.Delivery;
using InfraFunctions.Core.Storage;
using InfraFunctions.Core.Tags;
using InfraFunctions.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace InfraFunctions.Agent.Tests.EndToEnd;

/// <summary>
/// A private Azurite and LocalHost on a fixed loopback port, so LocalHost can be stopped (the server is down)
/// and started again at the same address the agent posts to. Every ingest post goes through an <see cref="IngestTap"/>.
/// </summary>
internal sealed class DeliveryRig : IAsyncDisposable
{
    private readonly AzuriteServer azurite;
    private readonly Dictionary<string, string?> settings;
    private readonly TempDirectory spool = new();
    private LocalHostServer? server;

    private DeliveryRig(AzuriteServer azurite, int port)
    {
        this.azurite = azurite;
        Endpoint = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        settings = new Dictionary<string, string?>
        {
            ["LocalHost:Urls"] = Endpoint.AbsoluteUri.TrimEnd('/'),
            // Agents post every 2 s, as for a watched host, so the tests need not wait 30 s between posts.
            ["Ingest:PostIntervalSeconds"] = "2",
        };
    }

    public Uri Endpoint { get; }

    public IngestTap Tap { get; } = new();

    /// <summary>The agent's spool directory, removed with the rig.</summary>
    public string SpoolDir => spool.Path;

    public bool IsUp => server is not null;

    public static async Task<DeliveryRig> StartAsync()
    {
        var rig = new DeliveryRig(await AzuriteServer.StartAsync(), AzuriteServer.FreePort());
        await rig.StartServerAsync();
        return rig;
    }

    public async Task StartServerAsync()
    {
        server ??= await LocalHostServer.StartAsync(azurite.ConnectionString, settings, hostServices: s => s.AddSingleton<IStartupFilter>(Tap));
    }

    /// <summary>Stops LocalHost: the agent's posts now fail to connect, as when the function app is unreachable.</summary>
    public async Task StopServerAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
            server = null;
        }
    }

    /// <summary>A new agent key for <paramref name="hostId"/> (the server must be up).</summary>
    public async Task<string> CreateAgentKeyAsync(string hostId) => (await Running.CreateAgentAsync(hostId)).Key;

    /// <summary>A client with a new reader token, for the read endpoints a person or script would call.</summary>
    public async Task<HttpClient> ReaderAsync() => Running.ClientWithBearer(await Running.CreateTokenAsync("reader"));

    /// <summary>A client with a new operator token, for the routes that change settings.</summary>
    public async Task<HttpClient> OperatorAsync() => Running.ClientWithBearer(await Running.CreateTokenAsync("operator", "on-call"));

    /// <summary>Tags a host as an operator would, straight in the tags table the function app reads.</summary>
    public async Task SetTagsAsync(string hostId, IReadOnlyDictionary<string, string> tags)
    {
        await using var core = Core();
        await core.Get<HostTagRepository>().SetAsync(hostId, TagSource.Operator, tags);
    }

    /// <summary>The timestamps stored for a host, read back from the sample tables, in row-key order.</summary>
    public async Task<DateTimeOffset[]> StoredTimestampsAsync(string hostId, DateTimeOffset from, DateTimeOffset to)
    {
        await using var core = Core();
        var rows = await core.Get<SampleRepository>().ReadRowsAsync(hostId, from, to);
        return rows.Select(r => r.Timestamp).ToArray();
    }

    public async Task<HostRecord?> HostAsync(string hostId)
    {
        await using var core = Core();
        return await core.Get<HostRepository>().GetAsync(hostId);
    }

    // The function app runs in its own process: the tests read what it stored through the same tables.
    private CoreHarness Core() => CoreHarness.Create(azurite.ConnectionString, DateTimeOffset.UtcNow);

    public async ValueTask DisposeAsync()
    {
        await StopServerAsync();
        await azurite.DisposeAsync();
        spool.Dispose();
    }

    private LocalHostServer Running => server ?? throw new InvalidOperationException("LocalHost is stopped.");
}
