using InfraFunctions.Agent.Native;
using InfraFunctions.Agent.Parsing;
using InfraFunctions.Contracts;

namespace InfraFunctions.Agent.Collectors;

/// <summary>Memory and swap from <c>/proc/meminfo</c>, with used = total - MemAvailable as <c>free</c> shows it.</summary>
internal sealed class MemoryCollector
{
    private static readonly byte[] MeminfoPath = "/proc/meminfo\0"u8.ToArray();
    private byte[] buffer = new byte[8 * 1024];

    public ulong TotalBytes { get; private set; }

    public MemoryMetrics Collect()
    {
        var length = ProcFile.ReadAll(MeminfoPath, ref buffer);
        var reading = MeminfoParser.Parse(buffer.AsSpan(0, Math.Max(length, 0)));
        TotalBytes = reading.Total;
        var used = reading.Total - Math.Min(reading.Available, reading.Total);
        var swapUsed = reading.SwapTotal - Math.Min(reading.SwapFree, reading.SwapTotal);
        return new MemoryMetrics(
            Units.Gb(reading.Total),
            Units.Gb(used),
            Units.Gb(reading.Available),
            Units.Percent(used, reading.Total),
            new SwapMetrics(Units.Gb(reading.SwapTotal), Units.Gb(swapUsed), Units.Percent(swapUsed, reading.SwapTotal)));
    }
}
