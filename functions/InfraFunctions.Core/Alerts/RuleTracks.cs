using InfraFunctions.Core.Rules;

namespace InfraFunctions.Core.Alerts;

/// <summary>
/// Which tracks of a host's <c>alertstate</c> partition rule evaluation owns: those of the built-in threshold rules
/// (<c>cpu.warning</c> ... <c>disk.critical</c>, kept from before rules existed) and every track that names its rule.
/// The service, systemd, check, certificate and host-down tracks in the same partition are left to their evaluators.
/// </summary>
public static class RuleTracks
{
    private static readonly Dictionary<string, string> BuiltInKeys = new[] { "cpu", "memory", "disk" }
        .SelectMany(m => Severity.All.Select(s => (Key: AlertTrackStore.Key(m, s), Rule: BuiltInRules.IdFor(m))))
        .ToDictionary(k => k.Key, k => k.Rule, StringComparer.Ordinal);

    /// <summary>The track key of a level of a stored rule: <c>&lt;rule id&gt;.&lt;severity&gt;</c>.</summary>
    public static string Key(string ruleId, string severity) => AlertTrackStore.ItemKey(ruleId, severity);

    /// <summary>The rule a track belongs to, or null when rule evaluation does not own it.</summary>
    public static string? RuleOf(string key, AlertTrack track) => track.RuleId ?? BuiltInKeys.GetValueOrDefault(key);

    /// <summary>The built-in rules' word for their metric, as in "CPU usage high".</summary>
    public static string LabelOf(string builtInMetric) => builtInMetric switch
    {
        "cpu" => "CPU",
        "memory" => "Memory",
        _ => "Disk",
    };
}
