namespace InfraFunctions.Agent.Parsing;

/// <summary>The <c>/proc/meminfo</c> fields the agent reports, in bytes.</summary>
internal readonly record struct MemoryReading(ulong Total, ulong Available, ulong SwapTotal, ulong SwapFree);

/// <summary>Parses <c>/proc/meminfo</c> (values in kB).</summary>
internal static class MeminfoParser
{
    public static MemoryReading Parse(ReadOnlySpan<byte> text)
    {
        ulong total = 0, available = 0, free = 0, buffers = 0, cached = 0, reclaimable = 0, swapTotal = 0, swapFree = 0;
        var hasAvailable = false;
        while (ProcText.NextLine(ref text, out var line))
        {
            var rest = line;
            if (!ProcText.NextToken(ref rest, out var key))
            {
                continue;
            }

            var value = ProcText.NextULong(ref rest) * 1024;
            switch (key)
            {
                case var k when k.SequenceEqual("MemTotal:"u8): total = value; break;
                case var k when k.SequenceEqual("MemAvailable:"u8): available = value; hasAvailable = true; break;
                case var k when k.SequenceEqual("MemFree:"u8): free = value; break;
                case var k when k.SequenceEqual("Buffers:"u8): buffers = value; break;
                case var k when k.SequenceEqual("Cached:"u8): cached = value; break;
                case var k when k.SequenceEqual("SReclaimable:"u8): reclaimable = value; break;
                case var k when k.SequenceEqual("SwapTotal:"u8): swapTotal = value; break;
                case var k when k.SequenceEqual("SwapFree:"u8): swapFree = value; break;
                default: break;
            }
        }

        // Kernels before 3.14 have no MemAvailable; free's own fallback is free + buffers + cache.
        if (!hasAvailable)
        {
            available = Math.Min(total, free + buffers + cached + reclaimable);
        }

        return new MemoryReading(total, available, swapTotal, swapFree);
    }
}
