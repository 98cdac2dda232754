namespace InfraFunctions.Agent.Parsing;

/// <summary>Current CPU frequency, from cpufreq in sysfs or, where a VM has none, <c>/proc/cpuinfo</c>.</summary>
internal static class CpuFrequencyParser
{
    /// <summary>Average of the <c>cpu MHz</c> lines of <c>/proc/cpuinfo</c>; 0 when there are none.</summary>
    public static double ParseCpuInfo(ReadOnlySpan<byte> text)
    {
        double sum = 0;
        var count = 0;
        while (ProcText.NextLine(ref text, out var line))
        {
            if (!line.StartsWith("cpu MHz"u8))
            {
                continue;
            }

            var colon = line.IndexOf((byte)':');
            if (colon > 0)
            {
                sum += ProcText.ParseDouble(line[(colon + 1)..].Trim((byte)' ').Trim((byte)'\t'));
                count++;
            }
        }

        return count == 0 ? 0 : sum / count;
    }

    /// <summary><c>scaling_cur_freq</c> is in kHz.</summary>
    public static double ParseScalingCurFreq(ReadOnlySpan<byte> text) =>
        ProcText.NextToken(ref text, out var token) ? ProcText.ParseULong(token) / 1000.0 : 0;
}
