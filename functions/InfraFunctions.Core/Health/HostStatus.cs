using InfraFunctions.Core.Alerts;

namespace InfraFunctions.Core.Health;

/// <summary>
/// The status word a host shows everywhere: its fleet row, the fleet counts, its report and health, the dashboard
/// and the Prometheus export. <c>down</c> when silent; <c>critical</c> when a threshold is critical or a critical
/// alert about its values is still open (the alert resolves only once the value has stayed below for a while, and
/// until then the host is not back to normal); otherwise the threshold status, <c>degraded</c> or <c>healthy</c>.
/// The health score's level is a judgement of its own, shown beside this and never instead of it: a busy host
/// can score "warning" with no threshold breached, and a host past a critical threshold can still score above 50.
/// </summary>
public static class HostStatus
{
    public const string Healthy = ThresholdStatus.Healthy;
    public const string Degraded = ThresholdStatus.Degraded;
    public const string Critical = ThresholdStatus.Critical;
    public const string Down = StatusWords.Down;

    /// <summary>Every status word, worst first.</summary>
    public static readonly IReadOnlyList<string> All = [Down, Critical, Degraded, Healthy];

    public static string Of(ThresholdCheck check, bool criticalAlertOpen, bool stale) =>
        stale ? Down
        : criticalAlertOpen ? Critical
        : check.Status;

    /// <summary>
    /// Whether an alert keeps its host critical: open and critical. <c>host_down</c> is left out, because silence
    /// already shows as <c>down</c>, and a reporting host must not stay critical on a resolve the sweep has yet to make.
    /// </summary>
    public static bool KeepsCritical(AlertRecord alert) =>
        alert.State == AlertStates.Open && alert.Severity == Severity.Critical && alert.Metric != AlertMetrics.HostDown;

    /// <summary>The hosts that have an alert keeping them critical, from a list of alerts.</summary>
    public static HashSet<string> CriticalAlertHosts(IEnumerable<AlertRecord> alerts) =>
        alerts.Where(KeepsCritical).Select(a => a.HostId).ToHashSet(StringComparer.Ordinal);
}
