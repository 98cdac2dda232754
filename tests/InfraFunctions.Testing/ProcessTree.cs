namespace InfraFunctions.Testing;

/// <summary>Processes by parent, from /proc/&lt;pid&gt;/stat, and whether a process still runs.</summary>
public static class ProcessTree
{
    public static IReadOnlyList<int> Children(int parent) =>
        Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
            .Where(pid => pid > 0 && ParentOf(pid) == parent)
            .ToArray();

    /// <summary>True while the process exists and is not a zombie waiting to be reaped.</summary>
    public static bool IsRunning(int pid)
    {
        var stat = Stat(pid);
        return stat is not null && State(stat) is not 'Z' and not 'X';
    }

    private static int ParentOf(int pid) =>
        Stat(pid) is { } stat && stat[(stat.LastIndexOf(')') + 2)..].Split(' ') is { Length: > 1 } fields && int.TryParse(fields[1], out var ppid) ? ppid : 0;

    private static char State(string stat) => stat[stat.LastIndexOf(')') + 2];

    private static string? Stat(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
