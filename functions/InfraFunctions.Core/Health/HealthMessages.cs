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

    private static string Percent(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
}
