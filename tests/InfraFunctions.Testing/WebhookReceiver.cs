using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace InfraFunctions.Testing;

/// <summary>
/// One request as received: method, path (without the leading slash), query, headers and body. <see cref="Body"/> is
/// the body parsed as JSON, or an undefined element when it is not JSON (ntfy's plain-text messages).
/// </summary>
public sealed record ReceivedHook(string Path, string? ContentType, JsonElement Body)
{
    public string Method { get; init; } = "POST";

    public string Query { get; init; } = string.Empty;

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public string Text { get; init; } = string.Empty;

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

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

    /// <summary>Statuses to answer before answering <see cref="Status"/>.</summary>
    public ConcurrentQueue<int> Failures { get; } = new();

    /// <summary>The status of every answer once <see cref="Failures"/> is empty; 200 unless set.</summary>
    public int Status { get; set; } = 200;

    /// <summary>The body of every answer (as a service's JSON reply), empty unless set.</summary>
    public string Reply { get; set; } = string.Empty;

    public Uri Url(string path) => new($"http://127.0.0.1:{Port}/{path}");

    public async Task StartAsync() => _server = await LoopbackServer.StartAsync(
        app => app.MapPost("/{**path}", async (HttpContext context, string path) =>
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            var text = await reader.ReadToEndAsync();
            Received.Enqueue(new ReceivedHook(path, context.Request.ContentType, ParseJson(text))
            {
                Method = context.Request.Method,
                Query = context.Request.QueryString.Value ?? string.Empty,
                Headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                Text = text,
            });
            context.Response.StatusCode = Failures.TryDequeue(out var status) ? status : Status;
            if (Reply.Length > 0)
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(Reply);
            }
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

    private static JsonElement ParseJson(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return default;
        }
    }
}
