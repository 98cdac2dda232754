using System.Globalization;
using System.Text;

namespace InfraFunctions.Agent;

/// <summary>
/// The agent key kept in its own file (<c>key_file</c>): read only when it is mode 600 or stricter, as ssh reads a
/// private key, and written so that it is never readable by anyone else, not even for a moment.
/// </summary>
internal static class KeyFile
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>The key in <paramref name="path"/>, or null when there is no such file or it is empty.</summary>
    /// <exception cref="AgentConfigurationException">The file is open to group or others, cannot be read, or holds something that is not a key.</exception>
    public static string? Read(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var mode = OperatingSystem.IsWindows() ? OwnerOnly : File.GetUnixFileMode(path);
        if ((mode & ~OwnerOnly) != 0)
        {
            var octal = Convert.ToString((int)mode & 0x1FF, 8).PadLeft(3, '0');
            throw new AgentConfigurationException(string.Create(CultureInfo.InvariantCulture,
                $"Key file '{path}' (from 'key_file') must be mode 600 or stricter, but is mode {octal}: whoever else can read or run it could post samples as this agent. Run: chmod 600 '{path}'."));
        }

        string text;
        try
        {
            text = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AgentConfigurationException($"Key file '{path}' (from 'key_file') cannot be read: {e.Message}");
        }

        var key = SettingText.Trimmed(text);
        if (key is not null && key.Any(char.IsWhiteSpace))
        {
            throw new AgentConfigurationException($"Key file '{path}' (from 'key_file') must hold only the agent key, on one line.");
        }

        return key;
    }

    /// <summary>
    /// Replaces <paramref name="path"/> with <paramref name="key"/>: written to a new file created mode 600 in the same
    /// directory, flushed to disk, then renamed over the old one, so a crash leaves the old key or the new, never half.
    /// </summary>
    public static void Write(string path, string key)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (!Directory.Exists(directory))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(directory);
            }
            else
            {
                Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        File.Delete(temporary);
        try
        {
            using (var stream = new FileStream(temporary, options))
            {
                stream.Write(Encoding.UTF8.GetBytes(key + "\n"));
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}
