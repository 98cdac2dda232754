using System.Text.Json.Serialization;

namespace InfraFunctions.Core.Health;

/// <summary>
/// A host's own warning and critical levels, in percent (each level can be overridden per host through the thresholds API). A level
/// left out follows the app-wide default. Unknown fields are refused, so a misspelt level is not silently ignored.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ThresholdOverrides(
    double? CpuWarning = null,
    double? CpuCritical = null,
    double? MemoryWarning = null,
    double? MemoryCritical = null,
    double? DiskWarning = null,
    double? DiskCritical = null)
{
    [JsonIgnore]
    public bool IsEmpty => Levels().All(l => l.Value is null);

    /// <summary>The thresholds in force: each override, else the default.</summary>
    public ThresholdSet Apply(ThresholdSet defaults) => new(
        CpuWarning ?? defaults.CpuWarning,
        CpuCritical ?? defaults.CpuCritical,
        MemoryWarning ?? defaults.MemoryWarning,
        MemoryCritical ?? defaults.MemoryCritical,
        DiskWarning ?? defaults.DiskWarning,
        DiskCritical ?? defaults.DiskCritical);

    /// <summary>Problems by field: each level within 0-100, and each warning below its critical once applied to the defaults.</summary>
    public Dictionary<string, string[]> Validate(ThresholdSet defaults)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (name, value) in Levels())
        {
            if (value is { } v && (double.IsNaN(v) || v < 0 || v > 100))
            {
                errors[name] = [string.Create(CultureInfo.InvariantCulture, $"{name} is {v}; give a percentage from 0 to 100, or leave it out to use the default.")];
            }
        }

        var applied = Apply(defaults);
        foreach (var (metric, warning, critical) in new[]
        {
            ("cpu", applied.CpuWarning, applied.CpuCritical),
            ("memory", applied.MemoryWarning, applied.MemoryCritical),
            ("disk", applied.DiskWarning, applied.DiskCritical),
        })
        {
            if (warning >= critical && !errors.ContainsKey($"{metric}_warning") && !errors.ContainsKey($"{metric}_critical"))
            {
                errors[$"{metric}_warning"] = [string.Create(CultureInfo.InvariantCulture,
                    $"{metric} warning ({warning}) must be below {metric} critical ({critical}); the defaults fill in any level left out.")];
            }
        }

        return errors;
    }

    /// <summary>Each level with its snake_case name, as in the API and the table columns.</summary>
    public IEnumerable<(string Name, double? Value)> Levels()
    {
        yield return ("cpu_warning", CpuWarning);
        yield return ("cpu_critical", CpuCritical);
        yield return ("memory_warning", MemoryWarning);
        yield return ("memory_critical", MemoryCritical);
        yield return ("disk_warning", DiskWarning);
        yield return ("disk_critical", DiskCritical);
    }
}
