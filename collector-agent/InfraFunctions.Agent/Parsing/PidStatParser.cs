namespace InfraFunctions.Agent.Parsing;

/// <summary>The fields of <c>/proc/[pid]/stat</c> the agent reports.</summary>
internal struct PidStat
{
    public byte State;
    public ulong CpuTicks;
    public int Threads;
    public ulong StartTicks;
    public long RssPages;
}

/// <summary>
/// Parses <c>/proc/[pid]/stat</c>. It alone carries state, CPU time, threads, start time and RSS, so the
/// scan of every process reads one file each; <c>status</c> repeats the same counters in a longer text.
/// </summary>
internal static class PidStatParser
{
    public static bool TryParse(ReadOnlySpan<byte> text, out ReadOnlySpan<byte> comm, out PidStat stat)
    {
        stat = default;
        comm = default;

        // comm is in parentheses and may itself hold spaces and ')', so it ends at the last ')'.
        var open = text.IndexOf((byte)'(');
        var close = text.LastIndexOf((byte)')');
        if (open < 0 || close < open)
        {
            return false;
        }

        comm = text[(open + 1)..close];
        var fields = text[(close + 1)..];

        // Field 3 is state; 14 utime, 15 stime, 20 num_threads, 22 starttime, 24 rss (man 5 proc).
        if (!ProcText.NextToken(ref fields, out var state) || state.IsEmpty)
        {
            return false;
        }

        stat.State = state[0];
        Skip(ref fields, 10);
        stat.CpuTicks = ProcText.NextULong(ref fields) + ProcText.NextULong(ref fields);
        Skip(ref fields, 4);
        stat.Threads = (int)ProcText.NextULong(ref fields);
        Skip(ref fields, 1);
        stat.StartTicks = ProcText.NextULong(ref fields);
        Skip(ref fields, 1);
        if (!ProcText.NextToken(ref fields, out var rss))
        {
            return false;
        }

        stat.RssPages = ProcText.ParseLong(rss);
        return true;
    }

    public static string StatusName(byte state) => state switch
    {
        (byte)'R' => "running",
        (byte)'S' => "sleeping",
        (byte)'D' => "disk-sleep",
        (byte)'Z' => "zombie",
        (byte)'T' => "stopped",
        (byte)'t' => "tracing-stop",
        (byte)'X' or (byte)'x' => "dead",
        (byte)'I' => "idle",
        (byte)'P' => "parked",
        (byte)'W' => "waking",
        (byte)'K' => "wake-kill",
        _ => "unknown",
    };

    private static void Skip(ref ReadOnlySpan<byte> fields, int count)
    {
        for (var i = 0; i < count; i++)
        {
            ProcText.NextToken(ref fields, out _);
        }
    }
}
