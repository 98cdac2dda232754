using System.Globalization;
using System.Runtime.InteropServices;

namespace InfraFunctions.Agent.Native;

/// <summary>
/// Keeps the agent's resident set to what its steady loop uses. Start-up touches much more than sampling does:
/// configuration, the first TLS handshake, and the kernel's fault-around, which maps 16 pages of the binary for each
/// one touched. Once the agent is running, <see cref="Trim"/> compacts the heap and returns its free pages, and
/// gives back the clean, never-written pages of the binary and its libraries (the kernel would reclaim exactly those first under
/// memory pressure); the few the loop needs fault back in one by one.
/// </summary>
internal static unsafe partial class ResidentSet
{
    private const int MallocArenaMax = -8;
    private const int AdviseRandom = 1;
    private const int AdviseDontNeed = 4;

    /// <summary>
    /// One malloc arena for the whole process. glibc gives each thread that allocates its own arena (up to 8 per
    /// core), each holding on to its pages; the agent's native allocations are few and small.
    /// </summary>
    public static void UseOneMallocArena() => _ = MallOpt(MallocArenaMax, 1);

    private static readonly Lock Gate = new();
    private static (nint Start, nint Length)[] cleanMappings = [];

    /// <summary>Returns start-up memory: a compacting collection that decommits free heap, then clean file pages.</summary>
    public static void Trim()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        try
        {
            var found = FindCleanFileMappings();
            lock (Gate)
            {
                cleanMappings = found;
            }
        }
        catch (IOException)
        {
            // /proc unreadable (a hardened mount): the agent only stays a little larger.
        }

        ReleaseFilePages();
    }

    /// <summary>
    /// After a post: a compacting collection, so that the minute's garbage never spreads over fresh heap pages, and the
    /// clean file pages found by the last <see cref="Trim"/> given back (a few system calls, no scan). A post brings in
    /// the HTTP, TLS and compression code for a moment each minute; this returns it until the next one.
    /// </summary>
    public static void AfterPost()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        ReleaseFilePages();
    }

    private static void ReleaseFilePages()
    {
        lock (Gate)
        {
            foreach (var (start, length) in cleanMappings)
            {
                _ = MAdvise(start, length, AdviseDontNeed);
            }
        }
    }

    private static (nint, nint)[] FindCleanFileMappings()
    {
        var found = new List<(nint, nint)>();
        // smaps lists each mapping's header line, then its counters; only read-only file mappings (the binary, libc)
        // with no anonymous (copied-on-write) pages are released: their contents come back unchanged from the file.
        (nint Start, nint Length, bool Candidate)? current = null;
        foreach (var line in File.ReadLines("/proc/self/smaps"))
        {
            if (Header(line) is { } header)
            {
                current = header;
            }
            else if (current is { Candidate: true } mapping && line.StartsWith("Anonymous:", StringComparison.Ordinal))
            {
                if (long.Parse(line.AsSpan(10).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture) == 0)
                {
                    // Without fault-around, a page faults back alone instead of with its 15 neighbours.
                    _ = MAdvise(mapping.Start, mapping.Length, AdviseRandom);
                    found.Add((mapping.Start, mapping.Length));
                }

                current = null;
            }
        }

        return [.. found];
    }

    // "5557...-5557... r-xp 0000e000 fe:00 11665612   /usr/local/bin/infra-agent"
    private static (nint, nint, bool)? Header(string line)
    {
        var dash = line.IndexOf('-', StringComparison.Ordinal);
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        if (dash <= 0 || space <= dash || !long.TryParse(line.AsSpan(0, dash), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var start)
            || !long.TryParse(line.AsSpan(dash + 1, space - dash - 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var end))
        {
            return null;
        }

        var perms = line.AsSpan(space + 1, 4);
        var candidate = perms[1] == '-' && line.Contains(" /", StringComparison.Ordinal);
        return ((nint)start, (nint)(end - start), candidate);
    }

    [LibraryImport("libc", EntryPoint = "mallopt")]
    private static partial int MallOpt(int parameter, int value);

    [LibraryImport("libc", EntryPoint = "madvise")]
    private static partial int MAdvise(nint address, nint length, int advice);
}
