using System.Text;
using InfraFunctions.Agent.Native;
using InfraFunctions.Agent.Parsing;

namespace InfraFunctions.Agent.Collectors;

/// <summary>Small sysfs attribute files read at discovery; a missing or unreadable one is null.</summary>
internal static class SysfsFiles
{
    public static string? Text(string path, ref byte[] buffer)
    {
        var length = ProcFile.ReadAll(path, ref buffer);
        var text = length > 0 ? buffer.AsSpan(0, length).Trim(" \t\r\n"u8) : default;
        return text.IsEmpty ? null : Encoding.UTF8.GetString(text);
    }

    public static double? Millidegrees(string path, ref byte[] buffer)
    {
        var length = ProcFile.ReadAll(path, ref buffer);
        return length > 0 && HwmonParser.TryParseMillidegrees(buffer.AsSpan(0, length), out var celsius) ? celsius : null;
    }

    /// <summary>The NUL-terminated UTF-8 path that <see cref="ProcFile.ReadOnce"/> takes.</summary>
    public static byte[] NativePath(string path) => Encoding.UTF8.GetBytes(path + "\0");

    /// <summary>Entries of <paramref name="directory"/> named <c>{prefix}N{suffix}</c>, by N; none when it cannot be listed.</summary>
    public static List<NumberedEntry> Numbered(string directory, string prefix, string suffix)
    {
        var found = new List<NumberedEntry>();
        try
        {
            foreach (var path in Directory.EnumerateFileSystemEntries(directory, prefix + "*"))
            {
                var index = HwmonParser.Index(Path.GetFileName(path), prefix, suffix);
                if (index >= 0)
                {
                    found.Add(new NumberedEntry(index, path));
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // No such class on this host, or not listable by this user: no sensors.
        }

        found.Sort(static (a, b) => a.Index.CompareTo(b.Index));
        return found;
    }
}
