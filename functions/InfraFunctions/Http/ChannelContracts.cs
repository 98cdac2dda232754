using System.Text.Json.Serialization;

namespace InfraFunctions.Http;

/// <summary>The body of <c>POST</c> and <c>PUT channels</c>. Unknown fields are refused; on PUT a secret left out keeps the stored one.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ChannelRequest(
    string? Name = null,
    string? Kind = null,
    string? Url = null,
    string? RoutingKey = null,
    string? ApiKey = null,
    bool? Default = null);

/// <summary>A channel as the API shows it: hints of its URL and keys, never the URL or keys themselves.</summary>
public sealed record ChannelView(
    string Id,
    string Name,
    string Kind,
    bool Default,
    string Source,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? UrlHint,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? RoutingKeyHint,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? ApiKeyHint,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? UpdatedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? UpdatedBy);

public sealed record ChannelResponse(string Status, ChannelView Channel);

public sealed record ChannelsResponse(string Status, int Count, IReadOnlyList<ChannelView> Channels);

public sealed record ChannelDeletedResponse(string Status, string Deleted);

/// <summary>What the channel's receiver answered the test; <c>delivered: false</c> with the status or the error when it refused or could not be reached.</summary>
public sealed record ChannelTestResponse(
    string Status,
    bool Delivered,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] int? ReceiverStatus,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? ReceiverReply,
    long DurationMs,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Error);
