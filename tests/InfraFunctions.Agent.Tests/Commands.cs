using System.Diagnostics;

namespace InfraFunctions.Agent.Tests;

/// <summary>Runs an independent command (free, df, ps, nproc) for a reading to compare with.</summary>
internal static class Commands
{
    public static string Run(string file, params string[] args)
    {
        var (code, output, error) = RunWithExit(file, args);
        Assert.True(code == 0, $"{file} {string.Join(' ', args)} exited {code}: {error}");
        return output;
    }

    public static (int Code, string Output, string Error) RunWithExit(string file, IEnumerable<string> args, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error.Result);
    }

    public static string[] Fields(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
