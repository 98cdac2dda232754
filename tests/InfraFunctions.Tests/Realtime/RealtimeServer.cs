using System.Net.Http.Json;
using System.Text.Json;
using InfraFunctions.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace InfraFunctions.Tests.Realtime;

/// <summary>LocalHost with its SignalR stand-in on a fixed free port, so the connection string can name that port.</summary>
public sealed class RealtimeServer : IAsyncDisposable
{
    public const string Hub = "observability";

    private RealtimeServer(LocalHostServer server, string accessKey, int port)
    {
        Server = server;
        AccessKey = accessKey;
        Port = port;
    }

    public LocalHostServer Server { get; }

    public string AccessKey { get; }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public string ClientUrl => $"{BaseUrl}/client/?hub={Hub}";

    public static async Task<RealtimeServer> StartAsync(
        string storage, IDictionary<string, string?>? settings = null, int? signalRPort = null)
    {
        var port = AzuriteServer.FreePort();
        var accessKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var config = new Dictionary<string, string?>
        {
            ["LocalHost:Urls"] = $"http://127.0.0.1:{port}",
            ["AzureSignalRConnectionString"] = $"Endpoint=http://127.0.0.1;Port={signalRPort ?? port};AccessKey={accessKey};Version=1.0;",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        return new RealtimeServer(await LocalHostServer.StartAsync(storage, config), accessKey, port);
    }

    /// <summary>A stock .NET client pointed at {base}/api: it negotiates there and follows the redirect to /client.</summary>
    public async Task<HubConnection> ConnectAsync(string readerToken)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl($"{BaseUrl}/api", o => o.AccessTokenProvider = () => Task.FromResult<string?>(readerToken))
            .Build();
        await connection.StartAsync();
        return connection;
    }

    public async Task<HttpResponseMessage> StartStreamAsync(HttpClient reader, string connectionId, params string[] hosts) =>
        await reader.PostAsJsonAsync("api/v1/observability/start-metrics-stream", new { connection_id = connectionId, hosts });

    public async Task<HttpResponseMessage> StopStreamAsync(HttpClient reader, string connectionId) =>
        await reader.PostAsJsonAsync("api/v1/observability/stop-metrics-stream", new { connection_id = connectionId });

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>Collects what one connection receives, per target.</summary>
public sealed class Inbox
{
    private readonly List<(string Target, JsonElement Message)> _received = [];
    private readonly System.Threading.Channels.Channel<bool> _signal = System.Threading.Channels.Channel.CreateUnbounded<bool>();

    public Inbox(HubConnection connection)
    {
        foreach (var target in new[] { "metrics.updated", "alert.updated" })
        {
            connection.On<JsonElement>(target, message =>
            {
                lock (_received)
                {
                    _received.Add((target, message));
                }

                _signal.Writer.TryWrite(true);
            });
        }
    }

    public IReadOnlyList<(string Target, JsonElement Message)> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    public IEnumerable<JsonElement> HostMessages(string hostId) =>
        Received.Where(r => r.Target == "metrics.updated" && r.Message.GetProperty("scope").GetString() == "host" && r.Message.GetProperty("host_id").GetString() == hostId)
            .Select(r => r.Message);

    public async Task<JsonElement> WaitForAsync(Func<string, JsonElement, bool> match, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var found = Received.FirstOrDefault(r => match(r.Target, r.Message));
            if (found.Target is not null)
            {
                return found.Message;
            }

            await _signal.Reader.ReadAsync(cts.Token);
        }
    }
}
