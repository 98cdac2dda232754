namespace InfraFunctions.Agent.Parsing;

/// <summary>Byte counters since boot: over all interfaces, and without loopback.</summary>
internal readonly record struct NetCounters(ulong RecvAll, ulong SentAll, ulong RecvExternal, ulong SentExternal);

/// <summary>Parses <c>/proc/net/dev</c>.</summary>
internal static class NetDevParser
{
    public static NetCounters Parse(ReadOnlySpan<byte> text)
    {
        ulong recvAll = 0, sentAll = 0, recvExternal = 0, sentExternal = 0;
        while (ProcText.NextLine(ref text, out var line))
        {
            var colon = line.IndexOf((byte)':');
            if (colon < 0)
            {
                continue; // the two header lines
            }

            var name = line[..colon].Trim((byte)' ');
            var fields = line[(colon + 1)..];
            var recv = ProcText.NextULong(ref fields);
            for (var i = 0; i < 7; i++)
            {
                ProcText.NextToken(ref fields, out _);
            }

            var sent = ProcText.NextULong(ref fields);
            recvAll += recv;
            sentAll += sent;
            if (!name.SequenceEqual("lo"u8))
            {
                recvExternal += recv;
                sentExternal += sent;
            }
        }

        return new NetCounters(recvAll, sentAll, recvExternal, sentExternal);
    }
}
