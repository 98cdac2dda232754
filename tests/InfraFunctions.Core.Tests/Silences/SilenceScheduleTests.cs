using CsCheck;
using InfraFunctions.Core.Silences;

namespace InfraFunctions.Core.Tests.Silences;

public sealed class SilenceScheduleTests
{
    private static readonly DateTimeOffset Created = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static Silence Recurring(string cron, int minutes, string zone, DateTimeOffset? startsAt = null, DateTimeOffset? endsAt = null) =>
        new("sil-0123456789ab", new SilenceMatchers(Host: "web-01"), startsAt ?? Created, endsAt, cron, minutes, zone, "maintenance", "ops", Created);

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void ASunday0200To0400WindowInBerlinIsTwoHoursOnAnOrdinarySundayOneOnTheSpringForwardNightAndThreeOnTheFallBackNight()
    {
        var silence = Recurring("0 2 * * 0", 120, "Europe/Berlin");

        // 22 March: CET (UTC+1) all night.
        Assert.Equal(new SilenceWindow(Utc(3, 22, 1), Utc(3, 22, 3)), silence.CurrentWindow(Utc(3, 22, 2)));
        // 29 March: 02:00 does not exist (clocks go to 03:00 CEST): the window starts at 03:00 CEST and ends at 04:00 CEST.
        Assert.Equal(new SilenceWindow(Utc(3, 29, 1), Utc(3, 29, 2)), silence.CurrentWindow(Utc(3, 29, 1, 30)));
        Assert.Null(silence.CurrentWindow(Utc(3, 29, 0, 59)));
        Assert.Null(silence.CurrentWindow(Utc(3, 29, 2)));
        // 25 October: 02:00-03:00 is shown twice (CEST, then CET): from the first 02:00 to 04:00 CET.
        Assert.Equal(new SilenceWindow(Utc(10, 25, 0), Utc(10, 25, 3)), silence.CurrentWindow(Utc(10, 25, 2, 30)));
        Assert.Null(silence.CurrentWindow(Utc(10, 25, 3)));
        // 1 November: CET again, two hours.
        Assert.Equal(new SilenceWindow(Utc(11, 1, 1), Utc(11, 1, 3)), silence.CurrentWindow(Utc(11, 1, 1)));
    }

    [Fact]
    public void ASunday0100To0300WindowInNewYorkIsOneHourWhenClocksSpringForwardAndThreeWhenTheyFallBack()
    {
        var silence = Recurring("0 1 * * 0", 120, "America/New_York");

        // 8 March: 01:00 EST (UTC-5) to 03:00 EDT (UTC-4), the hour 02:00-03:00 skipped.
        Assert.Equal(new SilenceWindow(Utc(3, 8, 6), Utc(3, 8, 7)), silence.CurrentWindow(Utc(3, 8, 6, 30)));
        // 1 November: the first 01:00 (EDT) to 03:00 EST.
        Assert.Equal(new SilenceWindow(Utc(11, 1, 5), Utc(11, 1, 8)), silence.CurrentWindow(Utc(11, 1, 7, 59)));
        // 15 March: EDT, two hours.
        Assert.Equal(new SilenceWindow(Utc(3, 15, 5), Utc(3, 15, 7)), silence.CurrentWindow(Utc(3, 15, 5)));
    }

    [Fact]
    public void AWindowStartingInTheSkippedHourStartsAtTheFirstValidMinuteAfterIt()
    {
        var silence = Recurring("30 2 * * *", 60, "Europe/Berlin");

        // 02:30 does not exist on 29 March: it starts at 03:00 CEST (01:00Z) and ends at 03:30 CEST, an hour after 02:30 on the clock.
        Assert.Equal(new SilenceWindow(Utc(3, 29, 1), Utc(3, 29, 1, 30)), silence.CurrentWindow(Utc(3, 29, 1, 10)));
        Assert.Equal(new SilenceWindow(Utc(3, 30, 0, 30), Utc(3, 30, 1, 30)), silence.NextWindow(Utc(3, 29, 1, 10)));
    }

    [Fact]
    public void TheNextWindowOfAWeeklySilenceIsTheComingSundayAndAWindowUnderWayIsNotNext()
    {
        var silence = Recurring("0 2 * * 0", 120, "Europe/Berlin");

        Assert.Equal(new SilenceWindow(Utc(3, 29, 1), Utc(3, 29, 2)), silence.NextWindow(Utc(3, 26, 12)));
        Assert.Equal(new SilenceWindow(Utc(4, 5, 0), Utc(4, 5, 2)), silence.NextWindow(Utc(3, 29, 1, 30)));
        Assert.Null(silence.CurrentWindow(Utc(3, 26, 12)));
    }

    [Fact]
    public void ARecurringSilenceCountsOnlyBetweenItsStartAndEndAndCutsAWindowUnderWayToThem()
    {
        // Created at 03:00 on an ordinary Sunday, during the 02:00-04:00 window, until the Sunday after next at 03:30.
        var silence = Recurring("0 2 * * 0", 120, "Europe/Berlin", startsAt: Utc(3, 22, 2), endsAt: Utc(4, 5, 1, 30));

        Assert.Equal(new SilenceWindow(Utc(3, 22, 2), Utc(3, 22, 3)), silence.CurrentWindow(Utc(3, 22, 2)));
        Assert.Null(silence.CurrentWindow(Utc(3, 22, 1, 30)));
        Assert.Equal(new SilenceWindow(Utc(4, 5, 0), Utc(4, 5, 1, 30)), silence.NextWindow(Utc(3, 30, 0)));
        Assert.Null(silence.NextWindow(Utc(4, 5, 0)));
        Assert.True(silence.IsOver(Utc(4, 5, 1, 30)));
    }

    [Fact]
    public void AOneOffSilenceHoldsFromItsStartUntilJustBeforeItsEnd()
    {
        var silence = new Silence("sil-0123456789ab", new SilenceMatchers(RuleId: "builtin-cpu"), Utc(5, 1, 10), Utc(5, 1, 11), null, null, null, "", "ops", Created);

        Assert.Null(silence.CurrentWindow(Utc(5, 1, 9, 59)));
        Assert.Equal(new SilenceWindow(Utc(5, 1, 10), Utc(5, 1, 11)), silence.NextWindow(Utc(5, 1, 9, 59)));
        Assert.True(silence.IsActive(Utc(5, 1, 10)));
        Assert.Null(silence.NextWindow(Utc(5, 1, 10)));
        Assert.False(silence.IsActive(Utc(5, 1, 11)));
    }

    [Fact]
    public void AMinutelyCronWithAWeekLongWindowIsFoundWithoutWalkingTheWholeWeek()
    {
        var silence = Recurring("* * * * *", 10_080, "UTC");

        Assert.Equal(new SilenceWindow(Utc(6, 1, 12), Utc(6, 8, 12)), silence.CurrentWindow(Utc(6, 1, 12, 0)));
        Assert.Equal(new SilenceWindow(Utc(6, 1, 12, 1), Utc(6, 8, 12, 1)), silence.NextWindow(Utc(6, 1, 12, 0)));
    }

    [Fact]
    public void OnDaysWithoutAClockChangeAWindowStartsAndEndsAtItsWallClockTimes()
    {
        string[] zones = ["Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Kolkata", "America/Sao_Paulo", "UTC"];
        Gen.Select(Gen.OneOf(zones), Gen.Int[0, 23], Gen.Int[0, 59], Gen.Int[1, 600], Gen.Int[0, 364]).Sample((zoneId, hour, minute, minutes, day) =>
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
            var startLocal = new DateTime(2026, 1, 1, hour, minute, 0, DateTimeKind.Unspecified).AddDays(day);
            var approxStart = new DateTimeOffset(startLocal, zone.GetUtcOffset(startLocal));
            var ordinary = zone.GetUtcOffset(approxStart.AddHours(-4)) == zone.GetUtcOffset(approxStart.AddMinutes(minutes).AddHours(4))
                && !zone.IsInvalidTime(startLocal) && !zone.IsAmbiguousTime(startLocal);
            if (!ordinary)
            {
                return true;
            }

            var silence = Recurring($"{minute} {hour} * * *", minutes, zoneId, startsAt: Created.AddDays(-30));
            var window = silence.CurrentWindow(approxStart.AddSeconds(30));
            return window is not null
                && TimeZoneInfo.ConvertTime(window.StartsAt, zone).DateTime == startLocal
                && TimeZoneInfo.ConvertTime(window.EndsAt, zone).DateTime == startLocal.AddMinutes(minutes)
                && window.EndsAt - window.StartsAt == TimeSpan.FromMinutes(minutes);
        }, iter: 2000);
    }
}
