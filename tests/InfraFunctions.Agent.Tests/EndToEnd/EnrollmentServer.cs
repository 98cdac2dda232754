using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text.Json;
using InfraFunctions.Agent.Tests.Delivery;
using InfraFunctions.Contracts;
using InfraFunctions.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace InfraFunctions.Agent.Tests.EndToEnd;

/// <summary>One request to the enrollment route as the server saw it.</summary>
internal sealed record EnrollRequest(string Path, string? Authorization, string? ContentType, string Body);

/// <summary>One ingest post: its bearer and the batch.</summary>
internal sealed record IngestPost(string? Authorization, SampleBatch Batch);

/// <summary>
/// A loopback stand-in for the function app's enrollment and ingest routes, shaped as documented:
/// <c>POST /api/v1/enroll</c> answers 201 <c>{"agent_id", "key", "host_id"}</c> (or a scripted refusal), and
/// ingest accepts a batch only with the key it issued.
/// </summary>
internal sealed class EnrollmentServer : IAsyncDisposable
{
    public const string IssuedKey = "ifa_enrolled01.k3y-from-enrollment";
    private LoopbackServer server = null!;

    public ConcurrentQueue<ScriptedReply> EnrollScript { get; } = new();

    public ConcurrentQueue<EnrollRequest> Enrollments { get; } = new();

    public ConcurrentQueue<IngestPost> Posts { get; } = new();

    public Uri Endpoint => server.BaseAddress;

    public static async Task<EnrollmentServer> StartAsync()
    {
        var fake = new EnrollmentServer();
        fake.server = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/api/v1/enroll", fake.EnrollAsync);
            app.MapPost("/api/v1/ingest/samples", fake.IngestAsync);
        });
        return fake;
    }

    public ValueTask DisposeAsync() => server.DisposeAsync();

    private async Task EnrollAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        Enrollments.Enqueue(new EnrollRequest(context.Request.Path, context.Request.Headers.Authorization, context.Request.ContentType, body));
        if (EnrollScript.TryDequeue(out var scripted))
        {
            context.Response.StatusCode = scripted.Status;
            if (scripted.RetryAfter is not null)
            {
                context.Response.Headers.RetryAfter = scripted.RetryAfter;
            }

            if (scripted.Body is not null)
            {
                context.Response.ContentType = Problem.ContentType;
                await context.Response.WriteAsync(scripted.Body);
            }

            return;
        }

        var hostId = JsonDocument.Parse(body).RootElement.GetProperty("host_id").GetString();
        context.Response.StatusCode = StatusCodes.Status201Created;
        await context.Response.WriteAsJsonAsync(new Dictionary<string, string?> { ["agent_id"] = "enrolled01", ["key"] = IssuedKey, ["host_id"] = hostId });
    }

    private async Task IngestAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        body.Position = 0;
        using var gzip = new GZipStream(body, CompressionMode.Decompress);
        var batch = JsonSerializer.Deserialize(gzip, ContractsJsonContext.Default.SampleBatch)!;
        Posts.Enqueue(new IngestPost(context.Request.Headers.Authorization, batch));
        if (context.Request.Headers.Authorization != $"Bearer {IssuedKey}")
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.ContentType = Problem.ContentType;
            await context.Response.WriteAsync("""{"type":"https://httpstatuses.io/401","title":"Unauthorized","status":401,"detail":"The agent key is unknown or revoked; issue a new key for this host."}""");
            return;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync($$"""{"accepted":{{batch.Samples.Count}},"rejected":[],"next_post_seconds":2}""");
    }
}
