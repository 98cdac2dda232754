using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text.Json;
using InfraFunctions.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace InfraFunctions.Agent.Tests.EndToEnd;

/// <summary>One ingest post as LocalHost received and answered it.</summary>
internal sealed record TappedPost(int Sequence, string HostId, IReadOnlyList<DateTimeOffset> Timestamps, long Dropped, int Status, SampleBatch? Batch = null);

/// <summary>
/// Middleware in front of LocalHost's real ingest function that records every post and its answer, so a test
/// can see on the wire what the agent sent and how often. It stays registered across LocalHost restarts.
/// </summary>
internal sealed class IngestTap : IStartupFilter
{
    private const string Route = "/api/v1/ingest/samples";
    private int sequence;

    public ConcurrentQueue<TappedPost> Posts { get; } = new();

    /// <summary>Posts for <paramref name="hostId"/> that the server accepted, in the order they were answered.</summary>
    public TappedPost[] Accepted(string hostId) =>
        Posts.Where(p => p.HostId == hostId && p.Status == StatusCodes.Status200OK).OrderBy(p => p.Sequence).ToArray();

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            if (!HttpMethods.IsPost(context.Request.Method) || context.Request.Path != Route)
            {
                await nextMiddleware(context);
                return;
            }

            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            body.Position = 0;
            context.Request.Body = body;
            await nextMiddleware(context);
            var batch = Read(body.ToArray(), context.Request.Headers.ContentEncoding.ToString());
            Posts.Enqueue(new TappedPost(
                Interlocked.Increment(ref sequence),
                batch?.HostId ?? string.Empty,
                batch?.Samples.Select(s => s.Timestamp).ToArray() ?? [],
                batch?.DroppedSamples ?? 0,
                context.Response.StatusCode,
                batch));
        });
        next(app);
    };

    private static SampleBatch? Read(byte[] raw, string encoding)
    {
        try
        {
            using var stream = encoding.Contains("gzip", StringComparison.OrdinalIgnoreCase)
                ? new GZipStream(new MemoryStream(raw), CompressionMode.Decompress)
                : (Stream)new MemoryStream(raw);
            return JsonSerializer.Deserialize(stream, ContractsJsonContext.Default.SampleBatch);
        }
        catch (Exception e) when (e is JsonException or InvalidDataException)
        {
            return null;
        }
    }
}
