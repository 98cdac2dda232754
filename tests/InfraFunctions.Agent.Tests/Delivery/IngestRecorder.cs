using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text.Json;
using InfraFunctions.Contracts;
using InfraFunctions.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace InfraFunctions.Agent.Tests.Delivery;

/// <summary>A scripted answer: status, optional JSON body and Retry-After header.</summary>
internal sealed record ScriptedReply(int Status, string? Body = null, string? RetryAfter = null);

/// <summary>One request as the server saw it.</summary>
internal sealed record RecordedRequest(string? Authorization, string? ContentEncoding, string? ContentType, byte[] Body)
{
    public SampleBatch Batch
    {
        get
        {
            using var gzip = new GZipStream(new MemoryStream(Body), CompressionMode.Decompress);
            return JsonSerializer.Deserialize(gzip, ContractsJsonContext.Default.SampleBatch)!;
        }
    }
}

/// <summary>
/// A real Kestrel listener on loopback serving the ingest route: it records each request and answers from a
/// script, or with 200 and every sample accepted when the script is empty.
/// </summary>
internal sealed class IngestRecorder : IAsyncDisposable
{
    private LoopbackServer server = null!;

    public ConcurrentQueue<ScriptedReply> Script { get; } = new();

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public int NextPostSeconds { get; set; } = 30;

    public Uri Endpoint => server.BaseAddress;

    /// <summary>Runs while a request is being answered, before the reply is written (a post in flight).</summary>
    public Action? WhileAnswering { get; set; }

    public static async Task<IngestRecorder> StartAsync()
    {
        var recorder = new IngestRecorder();
        recorder.server = await LoopbackServer.StartAsync(app => app.MapPost("/api/v1/ingest/samples", recorder.HandleAsync));
        return recorder;
    }

    public async ValueTask DisposeAsync() => await server.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var request = new RecordedRequest(
            context.Request.Headers.Authorization, context.Request.Headers.ContentEncoding, context.Request.ContentType, body.ToArray());
        Requests.Enqueue(request);
        WhileAnswering?.Invoke();
        var reply = Script.TryDequeue(out var scripted)
            ? scripted
            : new ScriptedReply(200, $$"""{"accepted":{{request.Batch.Samples.Count}},"rejected":[],"next_post_seconds":{{NextPostSeconds}}}""");
        context.Response.StatusCode = reply.Status;
        if (reply.RetryAfter is not null)
        {
            context.Response.Headers.RetryAfter = reply.RetryAfter;
        }

        if (reply.Body is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(reply.Body);
        }
    }
}
