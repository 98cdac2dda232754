using InfraFunctions.Agent.Native;
using InfraFunctions.Agent.Parsing;
using InfraFunctions.Contracts;

namespace InfraFunctions.Agent.Collectors;

/// <summary>CPU usage from <c>/proc/stat</c> deltas, frequency and load average.</summary>
internal sealed class CpuCollector
{
    private static readonly byte[] StatPath = "/proc/stat\0"u8.ToArray();
    private static readonly byte[] LoadAvgPath = "/proc/loadavg\0"u8.ToArray();
    private static readonly byte[] CpuInfoPath = "/proc/cpuinfo\0"u8.ToArray();

    private byte[] buffer = new byte[16 * 1024];
    private CpuTimes[] current = new CpuTimes[Math.Max(Environment.ProcessorCount, 1) * 2];
    private CpuTimes[] previous = [];
    private CpuTimes previousTotal;
    private string[]? freqPaths;

    /// <summary>When the host booted, in Unix seconds (from <c>btime</c>).</summary>
    public long BootTimeSeconds { get; private set; }

    public CpuMetrics Collect()
    {
        var length = ProcFile.ReadAll(StatPath, ref buffer);
        var cores = ProcStatParser.Parse(buffer.AsSpan(0, Math.Max(length, 0)), out var total, current, out var bootTime);
        if (cores > current.Length)
        {
            current = new CpuTimes[cores * 2];
            cores = ProcStatParser.Parse(buffer.AsSpan(0, length), out total, current, out bootTime);
        }

        BootTimeSeconds = bootTime;
        var perCore = new double[cores];
        for (var i = 0; i < cores; i++)
        {
            perCore[i] = i < previous.Length ? Units.Round(current[i].PercentSince(previous[i])) : 0;
        }

        var percent = Units.Round(total.PercentSince(previousTotal));
        previousTotal = total;
        if (previous.Length != cores)
        {
            previous = new CpuTimes[cores];
        }

        current.AsSpan(0, cores).CopyTo(previous);
        return new CpuMetrics(percent, cores, Math.Round(ReadFrequencyMhz(cores), 1), perCore, ReadLoadAverage());
    }

    private static string ScalingCurFreq(int cpu) => $"/sys/devices/system/cpu/cpu{cpu}/cpufreq/scaling_cur_freq";

    private LoadAverage ReadLoadAverage()
    {
        var length = ProcFile.ReadAll(LoadAvgPath, ref buffer);
        return LoadAvgParser.Parse(buffer.AsSpan(0, Math.Max(length, 0)));
    }

    private double ReadFrequencyMhz(int cores)
    {
        freqPaths ??= File.Exists(ScalingCurFreq(0)) ? Enumerable.Range(0, cores).Select(ScalingCurFreq).ToArray() : [];
        if (freqPaths.Length == 0)
        {
            // VMs often expose no cpufreq; cpuinfo's "cpu MHz" is then the only figure.
            var length = ProcFile.ReadAll(CpuInfoPath, ref buffer);
            return CpuFrequencyParser.ParseCpuInfo(buffer.AsSpan(0, Math.Max(length, 0)));
        }

        double sum = 0;
        var count = 0;
        foreach (var path in freqPaths)
        {
            var length = ProcFile.ReadAll(path, ref buffer);
            if (length > 0)
            {
                sum += CpuFrequencyParser.ParseScalingCurFreq(buffer.AsSpan(0, length));
                count++;
            }
        }

        return count == 0 ? 0 : sum / count;
    }
}
