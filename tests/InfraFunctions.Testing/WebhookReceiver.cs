using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace InfraFunctions.Testing;

/// <summary>One webhook request as received.</summary>
public sealed record ReceivedHook(string Path, string? ContentType, JsonElement Body);

/// <summary>
/// A real Kestrel listener on a fixed loopback port that records each POST. It can be stopped and started again on
/// the same port, as a receiver that is down and comes back.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private LoopbackServer? _server;

    public WebhookReceiver(int port) => Port = port;

    public int Port { get; }

    public ConcurrentQueue<ReceivedHook> Received { get; } = new();

    /// <summary>Statuses to answer before answering 200.</summary>
    public ConcurrentQueue<int> Failures { get; } = new();

    public Uri Url(string path) => new($"http://127.0.0.1:{Port}/{path}");

    public async Task StartAsync() => _server = await LoopbackServer.StartAsync(
        app => app.MapPost("/{**path}", async (HttpContext context, string path) =>
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body);
            Received.Enqueue(new ReceivedHook(path, context.Request.ContentType, document.RootElement.Clone()));
            context.Response.StatusCode = Failures.TryDequeue(out var status) ? status : 200;
        }),
        Port);

    public async Task StopAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
            _server = null;
        }
    }

    public async Task<List<ReceivedHook>> WaitForAsync(int count, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (Received.Count < count && !cts.IsCancellationRequested)
        {
            await Task.Delay(20, CancellationToken.None);
        }

        return [.. Received];
    }

    public ValueTask DisposeAsync() => new(StopAsync());
}
