using InfraFunctions.Agent.Native;
using InfraFunctions.Agent.Parsing;
using InfraFunctions.Contracts;

namespace InfraFunctions.Agent.Collectors;

/// <summary>Network counters from <c>/proc/net/dev</c>; connections from sockstat (see <see cref="SockstatParser"/>).</summary>
internal sealed class NetworkCollector(TimeProvider time)
{
    private static readonly byte[] NetDevPath = "/proc/net/dev\0"u8.ToArray();
    private static readonly byte[] SockstatPath = "/proc/net/sockstat\0"u8.ToArray();
    private static readonly byte[] Sockstat6Path = "/proc/net/sockstat6\0"u8.ToArray();

    private byte[] buffer = new byte[8 * 1024];
    private NetCounters previous;
    private long previousTimestamp;

    public NetworkMetrics Collect()
    {
        var length = ProcFile.ReadAll(NetDevPath, ref buffer);
        var counters = NetDevParser.Parse(buffer.AsSpan(0, Math.Max(length, 0)));
        var now = time.GetTimestamp();
        var seconds = previousTimestamp == 0 ? 0 : time.GetElapsedTime(previousTimestamp, now).TotalSeconds;
        var sentRate = Units.PerSecond(previous.SentExternal, counters.SentExternal, seconds);
        var recvRate = Units.PerSecond(previous.RecvExternal, counters.RecvExternal, seconds);
        previous = counters;
        previousTimestamp = now;
        return new NetworkMetrics((long)counters.SentAll, (long)counters.RecvAll, CountConnections(), sentRate, recvRate);
    }

    private int CountConnections()
    {
        var count = 0;
        var length = ProcFile.ReadAll(SockstatPath, ref buffer);
        count += SockstatParser.CountInUse(buffer.AsSpan(0, Math.Max(length, 0)));
        length = ProcFile.ReadAll(Sockstat6Path, ref buffer);
        count += SockstatParser.CountInUse(buffer.AsSpan(0, Math.Max(length, 0)));
        return count;
    }
}
