namespace InfraFunctions.Core.Rules;

/// <summary>
/// The built-in rules. CPU, memory and root disk each have a warning and a critical level (the six built-in levels):
/// their levels are the <c>Thresholds__*</c> settings, overridden per host by the thresholds API, and their alerts keep
/// the metric names <c>cpu</c>, <c>memory</c> and <c>disk</c>. Host down, disk forecast and service alerts have rule
/// ids too, so silences and routing can name them.
/// </summary>
public static class BuiltInRules
{
    public const string Cpu = "builtin-cpu";
    public const string Memory = "builtin-memory";
    public const string Disk = "builtin-disk";
    public const string HostDown = "builtin-host-down";
    public const string DiskForecast = "builtin-disk-forecast";
    public const string Services = "builtin-services";

    /// <summary>The three threshold rules, with the configured defaults as their levels.</summary>
    public static IReadOnlyList<RuleDefinition> Thresholds(ThresholdOptions levels, AlertOptions alerts) =>
    [
        Threshold(Cpu, "CPU usage", MetricNames.CpuPercent, levels.CpuWarning, levels.CpuCritical, alerts),
        Threshold(Memory, "Memory usage", MetricNames.MemoryPercent, levels.MemoryWarning, levels.MemoryCritical, alerts),
        Threshold(Disk, "Root disk usage", MetricNames.DiskPercent, levels.DiskWarning, levels.DiskCritical, alerts),
    ];

    /// <summary>Whether <paramref name="id"/> names a built-in rule.</summary>
    public static bool IsBuiltIn(string id) => id.StartsWith("builtin-", StringComparison.Ordinal);

    /// <summary>The alert metric a built-in threshold rule raises under (<c>cpu</c>, <c>memory</c>, <c>disk</c>), or null for any other rule.</summary>
    public static string? AlertMetric(string ruleId) => ruleId switch
    {
        Cpu => "cpu",
        Memory => "memory",
        Disk => "disk",
        _ => null,
    };

    /// <summary>The built-in rule behind an alert metric, for alerts that carry no rule id (stored before rules existed, or raised by a built-in check).</summary>
    public static string IdFor(string alertMetric) => alertMetric switch
    {
        "cpu" => Cpu,
        "memory" => Memory,
        "disk" => Disk,
        Alerts.AlertMetrics.HostDown => HostDown,
        "disk_forecast" => DiskForecast,
        _ when alertMetric.StartsWith(Alerts.AlertMetrics.SystemdUnitPrefix, StringComparison.Ordinal)
            || alertMetric.StartsWith(Alerts.AlertMetrics.CheckPrefix, StringComparison.Ordinal)
            || alertMetric.StartsWith(Alerts.AlertMetrics.CertificatePrefix, StringComparison.Ordinal) => Services,
        _ => string.Empty,
    };

    private static RuleDefinition Threshold(string id, string name, string metric, double warning, double critical, AlertOptions alerts) =>
        new(id, name, metric, RuleScope.All, RuleConditions.Above, warning, critical, alerts.DurationSeconds, alerts.HysteresisPoints, [], 0, BuiltIn: true);
}
