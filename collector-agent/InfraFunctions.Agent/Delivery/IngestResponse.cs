using System.Net;
using InfraFunctions.Contracts;

namespace InfraFunctions.Agent.Delivery;

/// <summary>What came back from one post: a status (none on a network error), the reply when there was one, and Retry-After.</summary>
internal sealed record IngestResponse(HttpStatusCode? Status, IngestReply? Reply, TimeSpan? RetryAfter, string? Error);
