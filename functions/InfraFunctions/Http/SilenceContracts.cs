using System.Text.Json.Serialization;
using InfraFunctions.Core.Silences;

namespace InfraFunctions.Http;

/// <summary>
/// The body of <c>POST silences</c>: a one-off silence (<c>starts_at</c>, default now, and <c>ends_at</c>) or a
/// recurring one (<c>cron</c>, <c>duration_minutes</c>, <c>time_zone</c>). Unknown fields are refused.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record CreateSilenceRequest(
    SilenceMatchersBody? Matchers = null,
    string? StartsAt = null,
    string? EndsAt = null,
    string? Cron = null,
    long? DurationMinutes = null,
    string? TimeZone = null,
    string? Comment = null);

/// <summary>Which alerts a silence holds; every one given must match.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record SilenceMatchersBody(string? Host = null, IReadOnlyDictionary<string, string>? Tags = null, string? RuleId = null);

/// <summary>A matcher left out is written as null, so every silence shows all three.</summary>
public sealed record SilenceMatchersView(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Host,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] IReadOnlyDictionary<string, string>? Tags,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? RuleId);

/// <summary>A silence as the API shows it, with whether it holds alerts now and its current and next windows.</summary>
public sealed record SilenceView(
    string Id,
    SilenceMatchersView Matchers,
    DateTimeOffset StartsAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? EndsAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Cron,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] int? DurationMinutes,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? TimeZone,
    string Comment,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    bool Active,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] SilenceWindow? CurrentWindow,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] SilenceWindow? NextWindow)
{
    public static SilenceView Of(Silence s, DateTimeOffset now)
    {
        var current = s.CurrentWindow(now);
        return new(s.Id, new SilenceMatchersView(s.Matchers.Host, s.Matchers.Tags, s.Matchers.RuleId), s.StartsAt, s.EndsAt, s.Cron, s.DurationMinutes, s.TimeZone,
            s.Comment, s.CreatedBy, s.CreatedAt, current is not null, current, s.NextWindow(now));
    }
}

public sealed record SilencesResponse(string Status, int Count, IReadOnlyList<SilenceView> Silences);

public sealed record SilenceResponse(string Status, SilenceView Silence);

public sealed record SilenceDeletedResponse(string Status, string Deleted);
