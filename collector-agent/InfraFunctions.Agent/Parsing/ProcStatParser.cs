namespace InfraFunctions.Agent.Parsing;

/// <summary>Cumulative CPU time in clock ticks: busy and total.</summary>
internal readonly record struct CpuTimes(ulong Busy, ulong Total)
{
    /// <summary>Busy share of the time between <paramref name="earlier"/> and this reading, 0-100.</summary>
    public double PercentSince(CpuTimes earlier)
    {
        if (Total <= earlier.Total || Busy < earlier.Busy)
        {
            return 0;
        }

        var percent = 100.0 * (Busy - earlier.Busy) / (Total - earlier.Total);
        return Math.Clamp(percent, 0, 100);
    }
}

/// <summary>Parses <c>/proc/stat</c>: the aggregate and per-CPU lines, and <c>btime</c>.</summary>
internal static class ProcStatParser
{
    /// <summary>
    /// Fills <paramref name="perCore"/> with one entry per <c>cpuN</c> line and returns how many there are
    /// (which may exceed the span's length: the caller grows it and parses again).
    /// </summary>
    public static int Parse(ReadOnlySpan<byte> text, out CpuTimes total, Span<CpuTimes> perCore, out long bootTime)
    {
        total = default;
        bootTime = 0;
        var cores = 0;
        while (ProcText.NextLine(ref text, out var line))
        {
            if (line.StartsWith("cpu"u8))
            {
                var rest = line;
                ProcText.NextToken(ref rest, out var name);
                var times = ParseTimes(rest);
                if (name.Length == 3)
                {
                    total = times;
                }
                else
                {
                    if (cores < perCore.Length)
                    {
                        perCore[cores] = times;
                    }

                    cores++;
                }
            }
            else if (line.StartsWith("btime "u8))
            {
                bootTime = ProcText.ParseLong(line[6..].Trim((byte)' '));
            }
        }

        return cores;
    }

    // user nice system idle iowait irq softirq steal guest guest_nice. Guest time is already counted in
    // user and nice, so it is left out of the total, as top and psutil do; idle and iowait are not busy.
    private static CpuTimes ParseTimes(ReadOnlySpan<byte> fields)
    {
        var user = ProcText.NextULong(ref fields);
        var nice = ProcText.NextULong(ref fields);
        var system = ProcText.NextULong(ref fields);
        var idle = ProcText.NextULong(ref fields);
        var iowait = ProcText.NextULong(ref fields);
        var irq = ProcText.NextULong(ref fields);
        var softirq = ProcText.NextULong(ref fields);
        var steal = ProcText.NextULong(ref fields);
        var busy = user + nice + system + irq + softirq + steal;
        return new CpuTimes(busy, busy + idle + iowait);
    }
}
