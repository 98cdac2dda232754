namespace InfraFunctions.Core.Aggregation;

/// <summary>
/// Every time window the API accepts, each listed once with the endpoints that take it. The dashboard's list is
/// generated from <see cref="Dashboard"/> (static-web/src/lib/windows.generated.ts).
/// </summary>
public static class TimeWindows
{
    private const WindowUse Everywhere = WindowUse.Summary | WindowUse.Observability | WindowUse.Dashboard;

    public static readonly IReadOnlyList<TimeWindow> All =
    [
        new("5m", TimeSpan.FromMinutes(5), Everywhere),
        new("15m", TimeSpan.FromMinutes(15), Everywhere),
        new("1h", TimeSpan.FromHours(1), Everywhere),
        new("6h", TimeSpan.FromHours(6), Everywhere),
        new("12h", TimeSpan.FromHours(12), WindowUse.Observability),
        new("24h", TimeSpan.FromHours(24), Everywhere),
        new("7d", TimeSpan.FromDays(7), Everywhere),
        new("30d", TimeSpan.FromDays(30), Everywhere),
        new("90d", TimeSpan.FromDays(90), WindowUse.Summary),
        new("365d", TimeSpan.FromDays(365), WindowUse.Summary),
    ];

    /// <summary>The most chart points a summary returns.</summary>
    public const int MaxPoints = 500;

    /// <summary>Summary windows up to this long read raw samples; longer ones read rollups (README "Data").</summary>
    public static readonly TimeSpan SummaryRawUpTo = TimeSpan.FromHours(6);

    /// <summary>Anomalies scan raw samples, so their windows stop here.</summary>
    public static readonly TimeSpan AnomalyRawLimit = TimeSpan.FromHours(24);

    public static readonly WindowSet Summary = new("1h", Where(w => w.Use.HasFlag(WindowUse.Summary)));

    /// <summary>The observability metrics and traces.</summary>
    public static readonly WindowSet Observability = new("1h", Where(w => w.Use.HasFlag(WindowUse.Observability)));

    public static readonly WindowSet Anomalies = new("24h", Where(w => w.Use.HasFlag(WindowUse.Observability) && w.Span <= AnomalyRawLimit));

    /// <summary>The host page's picker (it asks anomalies for at most <see cref="AnomalyRawLimit"/>).</summary>
    public static readonly WindowSet Dashboard = new("1h", Where(w => w.Use.HasFlag(WindowUse.Dashboard)));

    private static TimeWindow[] Where(Func<TimeWindow, bool> accepts) => All.Where(accepts).ToArray();
}
