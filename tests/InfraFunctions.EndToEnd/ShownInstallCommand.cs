using System.Diagnostics;
using System.Text.RegularExpressions;

namespace InfraFunctions.EndToEnd;

/// <summary>
/// The one-line install command as the dashboard shows it, run as a user would but without root: the
/// <c>curl ... | sudo bash -s --</c> part becomes a download of the same install.sh, run under <c>bash</c> with the
/// same arguments and <c>DESTDIR</c>, so it installs under a temporary root and leaves systemd alone.
/// </summary>
public static partial class ShownInstallCommand
{
    [GeneratedRegex(@"^curl -fsSL (?<script>\S+/agent/install\.sh) \| sudo bash -s -- (?<args>.+)$")]
    private static partial Regex Form();

    /// <summary>The script's address and the arguments after <c>--</c>; fails the test when the command has another form.</summary>
    public static (Uri Script, string[] Arguments) Parse(string command)
    {
        var match = Form().Match(command.Trim());
        Assert.True(match.Success, $"not the one-line install form: {command}");
        return (new Uri(match.Groups["script"].Value), match.Groups["args"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>Downloads install.sh, runs it under DESTDIR=<paramref name="destdir"/>, and returns its output once it exits 0.</summary>
    public static async Task<string> RunAsync(string command, string destdir, TimeSpan timeout)
    {
        var (script, arguments) = Parse(command);
        using var http = new HttpClient();
        // Beside the root, not in it: the script is what a pipe would have fed bash, not an installed file.
        var path = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(destdir))!, $"install-{Guid.NewGuid():N}.sh");
        await File.WriteAllTextAsync(path, await http.GetStringAsync(script));

        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(path);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DESTDIR"] = destdir;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"install.sh did not finish in {timeout}: {await output}{await error}");
        }

        var text = $"{await output}{await error}";
        Assert.True(process.ExitCode == 0, $"install.sh exited {process.ExitCode}: {text}");
        return text;
    }
}
