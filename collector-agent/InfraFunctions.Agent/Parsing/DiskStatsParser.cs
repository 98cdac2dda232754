namespace InfraFunctions.Agent.Parsing;

/// <summary>Bytes read and written by one block device since boot.</summary>
internal readonly record struct DiskIo(ulong ReadBytes, ulong WriteBytes);

/// <summary>Parses <c>/proc/diskstats</c>.</summary>
internal static class DiskStatsParser
{
    // diskstats counts in 512-byte sectors whatever the device's own sector size (Documentation/admin-guide/iostats.rst).
    private const ulong SectorBytes = 512;

    /// <summary>Finds the line of <paramref name="device"/> (such as <c>sda1</c>).</summary>
    public static bool TryFind(ReadOnlySpan<byte> text, ReadOnlySpan<byte> device, out DiskIo io)
    {
        while (ProcText.NextLine(ref text, out var line))
        {
            // major minor name reads merged sectors_read ms writes merged sectors_written ...
            ProcText.NextToken(ref line, out _);
            ProcText.NextToken(ref line, out _);
            if (!ProcText.NextToken(ref line, out var name) || !name.SequenceEqual(device))
            {
                continue;
            }

            ProcText.NextToken(ref line, out _);
            ProcText.NextToken(ref line, out _);
            var sectorsRead = ProcText.NextULong(ref line);
            ProcText.NextToken(ref line, out _);
            ProcText.NextToken(ref line, out _);
            ProcText.NextToken(ref line, out _);
            var sectorsWritten = ProcText.NextULong(ref line);
            io = new DiskIo(sectorsRead * SectorBytes, sectorsWritten * SectorBytes);
            return true;
        }

        io = default;
        return false;
    }
}
