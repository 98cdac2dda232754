using System.Globalization;
using InfraFunctions.Core.Options;

namespace InfraFunctions.Core.Health;

/// <summary>Checks CPU, memory and disk against warning and critical levels, with one message per breach.</summary>
public static class ThresholdEvaluator
{
    public static ThresholdCheck Evaluate(double cpuPercent, double memoryPercent, double diskPercent, ThresholdOptions options)
    {
        var warnings = new List<string>(3);
        var critical = new List<string>(3);
        Check("CPU", cpuPercent, options.CpuWarning, options.CpuCritical, warnings, critical);
        Check("Memory", memoryPercent, options.MemoryWarning, options.MemoryCritical, warnings, critical);
        Check("Disk", diskPercent, options.DiskWarning, options.DiskCritical, warnings, critical);

        var status = critical.Count > 0 ? ThresholdStatus.Critical
            : warnings.Count > 0 ? ThresholdStatus.Degraded
            : ThresholdStatus.Healthy;
        return new ThresholdCheck(status, warnings, critical, ToSet(options));
    }

    public static ThresholdSet ToSet(ThresholdOptions o) =>
        new(o.CpuWarning, o.CpuCritical, o.MemoryWarning, o.MemoryCritical, o.DiskWarning, o.DiskCritical);

    private static void Check(string name, double value, double warning, double criticalLevel, List<string> warnings, List<string> critical)
    {
        // Scripts match these messages, so they keep this exact form: "CPU usage high: 75.3%" and "CPU usage critical: 95.1%".
        var shown = value.ToString("0.0", CultureInfo.InvariantCulture);
        if (value >= criticalLevel)
        {
            critical.Add($"{name} usage critical: {shown}%");
        }
        else if (value >= warning)
        {
            warnings.Add($"{name} usage high: {shown}%");
        }
    }
}
