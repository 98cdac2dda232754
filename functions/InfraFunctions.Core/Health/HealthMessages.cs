namespace InfraFunctions.Core.Health;

/// <summary>
/// The sentences a host's health is told in: threshold check messages, and the messages of usage and host-down alerts.
/// Scripts match them, so each keeps its exact form, such as "CPU usage high: 75.3%" and "CPU usage critical: 95.1%".
/// </summary>
public static class HealthMessages
{
    /// <summary>A value at or past a level: "CPU usage high: 75.3%" for a warning, "CPU usage critical: 95.1%" for critical.</summary>
    public static string UsageAt(string label, string severity, double value) =>
        $"{label} usage {(severity == Severity.Critical ? Severity.Critical : "high")}: {Percent(value)}%";

    /// <summary>A usage alert's resolve: "CPU usage back below 85.0%: 84.0%".</summary>
    public static string UsageBackBelow(string label, double level, double value) =>
        $"{label} usage back below {Percent(level)}%: {Percent(value)}%";

    public static string HostDown(string hostId, double silentSeconds, double limitSeconds) =>
        string.Create(CultureInfo.InvariantCulture, $"Host {hostId} is down: silent for {silentSeconds} s (limit {limitSeconds} s)");

    /// <summary>The resolve of a <c>host_down</c> alert, whether ingest or the stale sweep sees the host first.</summary>
    public static string ReportingAgain(string hostId) => $"Host {hostId} is reporting again";

    /// <summary>"Unit nginx.service failed".</summary>
    public static string UnitFailed(string unit) => $"Unit {unit} failed";

    public static string UnitNoLongerFailed(string unit) => $"Unit {unit} is no longer failed";

    /// <summary>"Watched unit nginx.service is inactive (dead)".</summary>
    public static string WatchedUnitNotActive(string unit, string activeState, string subState) => $"Watched unit {unit} is {activeState} ({subState})";

    public static string WatchedUnitActive(string unit) => $"Watched unit {unit} is active again";

    /// <summary>A check's subject, as its messages name it: "api (https://x)".</summary>
    public static string CheckSubject(string name, string target) => $"{name} ({target})";

    /// <summary>"Check api (https://x) down for 2 min: connection refused"; without the reason when the agent gave none.</summary>
    public static string CheckDown(string subject, TimeSpan downFor, string? error) =>
        $"Check {subject} down for {Span(downFor)}{(string.IsNullOrEmpty(error) ? string.Empty : ": " + error)}";

    public static string CheckUp(string subject) => $"Check {subject} is up again";

    /// <summary>"Certificate of api (https://x) expires in 10.5 days", or "expired 2.0 days ago".</summary>
    public static string CertificateExpiring(string subject, double daysLeft) =>
        daysLeft < 0
            ? $"Certificate of {subject} expired {Days(-daysLeft)} days ago"
            : $"Certificate of {subject} expires in {Days(daysLeft)} days";

    public static string CertificateRenewed(string subject, double daysLeft) => $"Certificate of {subject} is valid for {Days(daysLeft)} days";

    // The resolves of a unit's or check's alerts once the host stops reporting it at all.
    public static string WatchedUnitNoLongerReported(string unit) => $"Watched unit {unit} is no longer reported";

    public static string CheckNoLongerReported(string subject) => $"Check {subject} is no longer reported";

    public static string CertificateNoLongerReported(string subject) => $"Certificate of {subject} is no longer reported";

    private static string Days(double days) => days.ToString("0.0", CultureInfo.InvariantCulture);

    // Whole seconds under two minutes, whole minutes under two hours, then hours: "45 s", "2 min", "3 h".
    private static string Span(TimeSpan span) => span.TotalSeconds < 120
        ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalSeconds} s")
        : span.TotalMinutes < 120 ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalMinutes} min")
        : string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours} h");

    private static string Percent(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
}
