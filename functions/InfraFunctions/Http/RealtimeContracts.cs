using System.Text.Json.Serialization;

namespace InfraFunctions.Http;

/// <summary>The negotiate reply SignalR clients follow: camelCase, as the SignalR negotiate protocol names it.</summary>
public sealed record NegotiateResponse(
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("accessToken")] string AccessToken);

/// <summary>Body of start-metrics-stream: the SignalR connection id, and the hosts to watch (none: the fleet only).</summary>
public sealed record StartStreamRequest(string? ConnectionId, IReadOnlyList<string>? Hosts = null);

/// <summary>Body of stop-metrics-stream.</summary>
public sealed record StopStreamRequest(string? ConnectionId);

public sealed record StreamStartedResponse(
    string Status,
    string ConnectionId,
    IReadOnlyList<string> Hosts,
    IReadOnlyList<string> Groups,
    int IntervalSeconds,
    DateTimeOffset LeaseExpiresAt);

public sealed record StreamStoppedResponse(string Status, string ConnectionId, IReadOnlyList<string> Hosts);
