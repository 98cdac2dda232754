namespace InfraFunctions.Agent.Parsing;

/// <summary>Recognises container cgroups (v2) by name and parses their counters.</summary>
internal static class CgroupParser
{
    private static readonly (string Prefix, string Runtime)[] Scopes =
    [
        ("docker-", "docker"),
        ("cri-containerd-", "containerd"),
        ("libpod-", "podman"),
        ("crio-", "cri-o"),
    ];

    /// <summary>
    /// Matches the systemd driver's <c>docker-ID.scope</c>, <c>cri-containerd-ID.scope</c>, <c>libpod-ID.scope</c>
    /// and <c>crio-ID.scope</c>, and the cgroupfs driver's <c>docker/ID</c> and <c>libpod_parent/libpod-ID</c>.
    /// The id is the short 12-character form that docker and podman show.
    /// </summary>
    public static bool TryParseContainer(string name, string parentName, out string runtime, out string id)
    {
        runtime = id = "";
        var stem = name.EndsWith(".scope", StringComparison.Ordinal) ? name[..^6] : name;
        foreach (var (prefix, scopeRuntime) in Scopes)
        {
            if (stem.StartsWith(prefix, StringComparison.Ordinal) && IsContainerId(stem.AsSpan(prefix.Length)))
            {
                runtime = scopeRuntime;
                id = stem.Substring(prefix.Length, 12);
                return true;
            }
        }

        if (parentName == "docker" && IsContainerId(name))
        {
            runtime = "docker";
            id = name[..12];
            return true;
        }

        return false;
    }

    /// <summary>The <c>usage_usec</c> line of <c>cpu.stat</c>.</summary>
    public static ulong ParseUsageMicroseconds(ReadOnlySpan<byte> cpuStat)
    {
        while (ProcText.NextLine(ref cpuStat, out var line))
        {
            if (ProcText.NextToken(ref line, out var key) && key.SequenceEqual("usage_usec"u8))
            {
                return ProcText.NextULong(ref line);
            }
        }

        return 0;
    }

    /// <summary><c>memory.max</c>: a byte count, or <c>max</c> for no limit (reported as 0).</summary>
    public static long ParseMemoryMax(ReadOnlySpan<byte> text) =>
        ProcText.NextToken(ref text, out var token) && !token.SequenceEqual("max"u8) ? ProcText.ParseLong(token) : 0;

    /// <summary><c>memory.current</c>: one byte count.</summary>
    public static long ParseMemoryCurrent(ReadOnlySpan<byte> text) =>
        ProcText.NextToken(ref text, out var token) ? ProcText.ParseLong(token) : 0;

    private static bool IsContainerId(ReadOnlySpan<char> text)
    {
        if (text.Length != 64)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigitLower(c))
            {
                return false;
            }
        }

        return true;
    }
}
