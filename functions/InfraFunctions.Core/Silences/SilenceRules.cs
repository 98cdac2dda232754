using System.Text.RegularExpressions;
using InfraFunctions.Core.Rules;
using InfraFunctions.Core.Tags;
using InfraFunctions.Core.Validation;

namespace InfraFunctions.Core.Silences;

/// <summary>What a silence may be created with; errors are keyed by the field of the request body.</summary>
public static partial class SilenceRules
{
    public const int MaxCommentLength = 500;
    public const int MaxDurationMinutes = 10_080;
    public static readonly TimeSpan MaxAhead = TimeSpan.FromDays(366);

    private static readonly string[] BuiltInIds =
        [BuiltInRules.Cpu, BuiltInRules.Memory, BuiltInRules.Disk, BuiltInRules.HostDown, BuiltInRules.DiskForecast, BuiltInRules.Services];

    /// <summary>Checks a silence request; on success <paramref name="silence"/> is the silence to store (id and author filled in).</summary>
    public static Dictionary<string, string[]> Check(
        SilenceMatchers? matchers, string? startsAt, string? endsAt, string? cron, long? durationMinutes, string? timeZone, string? comment,
        DateTimeOffset now, string createdBy, out Silence? silence)
    {
        silence = null;
        var errors = CheckMatchers(matchers);
        var starts = now;
        if (startsAt is not null)
        {
            if (!TryParseTime(startsAt, out starts))
            {
                errors["starts_at"] = ["Give starts_at as an ISO-8601 time such as 2026-12-05T22:00:00Z, or leave it out to start now."];
            }
            else if (starts - now > MaxAhead)
            {
                errors["starts_at"] = [$"starts_at is more than a year ahead; give a time before {(now + MaxAhead):O}."];
            }
        }

        DateTimeOffset? ends = null;
        if (endsAt is null)
        {
            if (cron is null)
            {
                errors["ends_at"] = ["A one-off silence needs ends_at, an ISO-8601 time such as 2026-12-05T23:00:00Z; a recurring one needs cron, duration_minutes and time_zone."];
            }
        }
        else if (!TryParseTime(endsAt, out var parsed))
        {
            errors["ends_at"] = ["Give ends_at as an ISO-8601 time such as 2026-12-05T23:00:00Z."];
        }
        else if (parsed <= now)
        {
            errors["ends_at"] = [$"ends_at {parsed:O} is not in the future; give a time after {now:O}."];
        }
        else if (!errors.ContainsKey("starts_at") && parsed <= starts)
        {
            errors["ends_at"] = [$"ends_at {parsed:O} is not after starts_at {starts:O}."];
        }
        else if (parsed - now > MaxAhead)
        {
            errors["ends_at"] = [$"ends_at is more than a year ahead; give a time before {(now + MaxAhead):O} and create a new silence when it ends."];
        }
        else
        {
            ends = parsed;
        }

        CheckRecurrence(cron, durationMinutes, timeZone, errors);
        if (comment is not null && (comment.Length > MaxCommentLength || TextRules.Check(comment, MaxCommentLength * 4) is not null || comment.Any(c => char.IsControl(c) && c is not '\n')))
        {
            errors["comment"] = [$"A comment is at most {MaxCommentLength} characters of text (line breaks allowed, no other control characters); this one has {comment.Length}."];
        }

        if (errors.Count == 0)
        {
            silence = new Silence(SilenceRepository.NewId(), Normalized(matchers!), starts, ends, cron?.Trim(), (int?)durationMinutes, timeZone,
                comment?.Trim() ?? string.Empty, createdBy, now);
            if (silence.IsRecurring && silence.CurrentWindow(now) is null && silence.NextWindow(now) is null)
            {
                errors["cron"] = [$"'{cron}' has no window between starts_at and ends_at; check its day and month fields."];
                silence = null;
            }
        }

        return errors;
    }

    public static string? RuleIdProblem(string ruleId) =>
        BuiltInIds.Contains(ruleId, StringComparer.Ordinal) || RuleIdPattern().IsMatch(ruleId)
            ? null
            : $"rule_id '{ruleId}' is not a rule id: one of {string.Join(", ", BuiltInIds)}, or rule- and 12 lowercase hex digits (GET /api/v1/observability/rules lists them).";

    private static Dictionary<string, string[]> CheckMatchers(SilenceMatchers? matchers)
    {
        var errors = TagRules.Check(matchers?.Tags, "matchers.tags");
        if (matchers is null || matchers.IsEmpty)
        {
            errors["matchers"] = ["Give at least one matcher: {\"matchers\": {\"host\": \"web-01\"}}, {\"tags\": {\"env\": \"prod\"}} or {\"rule_id\": \"builtin-cpu\"}; every one given must match."];
            return errors;
        }

        if (matchers.Host is not null && HostIdRules.Validate(matchers.Host) is { } host)
        {
            errors["matchers.host"] = [host];
        }

        if (matchers.RuleId is not null && RuleIdProblem(matchers.RuleId) is { } rule)
        {
            errors["matchers.rule_id"] = [rule];
        }

        return errors;
    }

    private static void CheckRecurrence(string? cron, long? durationMinutes, string? timeZone, Dictionary<string, string[]> errors)
    {
        if (cron is null)
        {
            if (durationMinutes is not null)
            {
                errors["duration_minutes"] = ["duration_minutes is the length of each window of a recurring silence; give cron and time_zone with it, or leave it out."];
            }

            if (timeZone is not null)
            {
                errors["time_zone"] = ["time_zone is the zone a recurring silence's cron is read in; give cron and duration_minutes with it, or leave it out."];
            }

            return;
        }

        if (cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length != 5 || SilenceSchedule.ParseCron(cron.Trim()) is null)
        {
            errors["cron"] = [$"'{cron}' is not a five-field cron expression (minute hour day month weekday); every Sunday at 02:00 is \"0 2 * * 0\"."];
        }

        if (durationMinutes is not (>= 1 and <= MaxDurationMinutes))
        {
            errors["duration_minutes"] = [$"Give each window's length in minutes, 1-{MaxDurationMinutes} (a week)."];
        }

        if (timeZone is null)
        {
            errors["time_zone"] = ["Give the IANA time zone the cron's times are read in, such as Europe/Berlin, America/New_York or UTC."];
        }
        else if (SilenceSchedule.FindZone(timeZone) is null)
        {
            errors["time_zone"] = [$"'{timeZone}' is not an IANA time zone; use one such as Europe/Berlin, America/New_York or UTC."];
        }
    }

    private static SilenceMatchers Normalized(SilenceMatchers m) =>
        m with { Tags = m.Tags is { Count: > 0 } tags ? new SortedDictionary<string, string>(tags.ToDictionary(), StringComparer.Ordinal) : null };

    private static bool TryParseTime(string text, out DateTimeOffset at)
    {
        var ok = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out at);
        return ok;
    }

    [GeneratedRegex("^rule-[0-9a-f]{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex RuleIdPattern();
}
