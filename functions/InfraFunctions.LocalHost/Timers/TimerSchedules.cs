using InfraFunctions.LocalHost.Worker;
using NCrontab;

namespace InfraFunctions.LocalHost.Timers;

/// <summary>Timer schedules as the Functions host reads them: six-field NCRONTAB, with <c>%SETTING%</c> resolved from the app settings.</summary>
public static class TimerSchedules
{
    public static IReadOnlyDictionary<string, CrontabSchedule> Resolve(FunctionIndex index, AppSettings settings) =>
        index.Timers.ToDictionary(t => t.Name, t => Parse(t, settings), StringComparer.OrdinalIgnoreCase);

    public static CrontabSchedule Parse(FunctionInfo timer, AppSettings settings)
    {
        var expression = timer.Schedule ?? string.Empty;
        if (expression.Length > 2 && expression[0] == '%' && expression[^1] == '%')
        {
            var setting = expression[1..^1];
            expression = settings[setting] is { Length: > 0 } value
                ? value
                : throw new InvalidOperationException($"Timer {timer.Name} reads its schedule from the app setting {setting}, which is not set.");
        }

        return CrontabSchedule.TryParse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = true })
            ?? throw new InvalidOperationException($"Timer {timer.Name} has schedule '{expression}', which is not a six-field NCRONTAB expression (second minute hour day month weekday).");
    }
}
