using System.Collections.Concurrent;
using NCrontab;

namespace InfraFunctions.Core.Silences;

/// <summary>
/// The windows of a silence. A recurring window keeps its wall-clock times across daylight-saving changes: it holds
/// from the first moment the clock in its time zone shows its start to the last moment it shows its end. So a
/// 02:00-04:00 window is one real hour on a spring-forward night and three on a fall-back one, and a start in the
/// skipped hour starts at the first valid minute after it.
/// </summary>
public static class SilenceSchedule
{
    // Wider than any daylight-saving shift, so a search in wall-clock time never misses a window near a change.
    private static readonly TimeSpan ShiftMargin = TimeSpan.FromHours(3);
    private static readonly TimeSpan LongestSearch = TimeSpan.FromDays(5 * 366);
    private static readonly ConcurrentDictionary<string, CrontabSchedule?> Schedules = new(StringComparer.Ordinal);

    /// <summary>A five-field cron expression (minute hour day month weekday), or null when it is not one.</summary>
    public static CrontabSchedule? ParseCron(string? cron) =>
        string.IsNullOrWhiteSpace(cron) || cron.Length > 200
            ? null
            : Schedules.GetOrAdd(cron, c => CrontabSchedule.TryParse(c, new CrontabSchedule.ParseOptions { IncludingSeconds = false }));

    public static SilenceWindow? CurrentWindow(Silence silence, DateTimeOffset at)
    {
        if (!silence.IsRecurring)
        {
            var once = new SilenceWindow(silence.StartsAt, silence.EndsAt ?? silence.StartsAt);
            return once.Contains(at) ? once : null;
        }

        if (Recurrence(silence) is not var (cron, zone, duration))
        {
            return null;
        }

        // Windows start later as their cron times do and, being equally long on the clock, end later too: the one
        // holding now, if any, is the last to start by now. Look back in growing steps until that one is found.
        var nowLocal = Local(at, zone);
        var floor = nowLocal - duration - ShiftMargin;
        var top = nowLocal + ShiftMargin;
        var step = TimeSpan.FromHours(4);
        while (true)
        {
            var low = top - step < floor ? floor : top - step;
            SilenceWindow? last = null;
            foreach (var start in cron.GetNextOccurrences(low, top))
            {
                var window = Window(start, duration, zone);
                if (window.StartsAt > at)
                {
                    break;
                }

                last = window;
            }

            if (last is not null)
            {
                return Clip(silence, last) is { } clipped && clipped.Contains(at) ? clipped : null;
            }

            if (low <= floor)
            {
                return null;
            }

            top = low.AddSeconds(1);
            step *= 2;
        }
    }

    public static SilenceWindow? NextWindow(Silence silence, DateTimeOffset at)
    {
        if (!silence.IsRecurring)
        {
            return silence.StartsAt > at && silence.EndsAt is { } end ? new SilenceWindow(silence.StartsAt, end) : null;
        }

        if (Recurrence(silence) is not var (cron, zone, duration))
        {
            return null;
        }

        // A window that starts after now starts on the clock after now; one cut to a later starts_at may have begun
        // on the clock up to its duration before that.
        var from = at > silence.StartsAt ? at : silence.StartsAt;
        var cursor = Local(from, zone) - ShiftMargin - (silence.StartsAt > at ? duration : TimeSpan.Zero);
        var limit = Local(from, zone) + LongestSearch;
        while (true)
        {
            var start = cron.GetNextOccurrence(cursor, limit);
            if (start >= limit)
            {
                return null;
            }

            var window = Clip(silence, Window(start, duration, zone));
            if (window is not null && window.StartsAt > at)
            {
                return window;
            }

            if (silence.EndsAt is { } end && Window(start, duration, zone).StartsAt >= end)
            {
                return null;
            }

            cursor = start;
        }
    }

    /// <summary>The window of a cron time, given as a wall-clock time in <paramref name="zone"/>.</summary>
    public static SilenceWindow Window(DateTime localStart, TimeSpan duration, TimeZoneInfo zone) =>
        new(ToInstant(localStart, zone, earliest: true), ToInstant(localStart + duration, zone, earliest: false));

    /// <summary>
    /// The moment the clock shows <paramref name="local"/>: a time in a skipped hour is the first valid minute after
    /// it; a time shown twice is its first showing (<paramref name="earliest"/>) or its last.
    /// </summary>
    public static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone, bool earliest)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        for (var i = 0; zone.IsInvalidTime(local) && i < 24 * 60; i++)
        {
            local = local.AddMinutes(1);
            local = local.AddTicks(-(local.Ticks % TimeSpan.TicksPerMinute));
        }

        var offset = zone.IsAmbiguousTime(local)
            ? earliest ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetAmbiguousTimeOffsets(local).Min()
            : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    private static (CrontabSchedule Cron, TimeZoneInfo Zone, TimeSpan Duration)? Recurrence(Silence silence) =>
        ParseCron(silence.Cron) is { } cron && FindZone(silence.TimeZone) is { } zone && silence.DurationMinutes is > 0 and var minutes
            ? (cron, zone, TimeSpan.FromMinutes(minutes))
            : null;

    /// <summary>The IANA time zone of that id, or null when there is none.</summary>
    public static TimeZoneInfo? FindZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        try
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return zone.HasIanaId ? zone : null;
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            return null;
        }
    }

    private static DateTime Local(DateTimeOffset at, TimeZoneInfo zone) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(at, zone).DateTime, DateTimeKind.Unspecified);

    private static SilenceWindow? Clip(Silence silence, SilenceWindow window)
    {
        var start = window.StartsAt < silence.StartsAt ? silence.StartsAt : window.StartsAt;
        var end = silence.EndsAt is { } limit && limit < window.EndsAt ? limit : window.EndsAt;
        return start < end ? new SilenceWindow(start, end) : null;
    }
}
