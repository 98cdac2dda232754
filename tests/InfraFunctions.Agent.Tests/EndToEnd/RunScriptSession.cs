using System.Globalization;
using InfraFunctions.Agent.Tests.Delivery;
using InfraFunctions.Testing;

namespace InfraFunctions.Agent.Tests.EndToEnd;

/// <summary>
/// <c>./run.sh</c> in a real terminal: a tmux session of its own (its own server, with its socket in the run's directory), on free ports, with its own
/// data directory, running what the test build built (<c>INFRA_SKIP_BUILD=1</c>). Ctrl-C is sent as a key press.
/// </summary>
internal sealed class RunScriptSession : IDisposable
{
    private const string Exited = "RUNSH-EXIT=";
    private readonly TempDirectory local = new();
    private readonly HashSet<int> seen = [];

    private RunScriptSession(int port) => Port = port;

    // The tmux server's socket lives in the run's own directory, so it goes with it.
    private string Socket => Path.Combine(local.Path, "tmux.sock");

    public int Port { get; }

    public string LocalDir => local.Path;

    public int RunShPid { get; private set; }

    public static async Task<RunScriptSession> StartAsync()
    {
        if (!File.Exists("/usr/bin/tmux") && Commands.RunWithExit("sh", ["-c", "command -v tmux"]).Code != 0)
        {
            throw new InvalidOperationException("tmux is not installed: these tests drive ./run.sh in a real terminal through it (apt-get install tmux).");
        }

        var session = new RunScriptSession(AzuriteServer.FreePort());
        var command = string.Create(CultureInfo.InvariantCulture,
            $"cd '{RepoPaths.Root}' && INFRA_PORT={session.Port} INFRA_TABLE_PORT={AzuriteServer.FreePort()} INFRA_LOCAL_DIR='{session.LocalDir}' INFRA_SKIP_BUILD=1 INFRA_CONFIGURATION={RepoPaths.Configuration} ./run.sh; echo {Exited}$?; sleep 3600");
        session.Tmux("new-session", "-d", "-s", "run", "-x", "220", "-y", "80", command);
        var shell = int.Parse(session.Tmux("display-message", "-p", "-t", "run", "#{pane_pid}").Trim(), CultureInfo.InvariantCulture);
        await session.WaitForScreenAsync("Press Ctrl-C to stop.", TimeSpan.FromSeconds(240));
        session.RunShPid = ProcessTree.Children(shell).Single(pid => CommandLine(pid).Contains("run.sh", StringComparison.Ordinal));
        session.Descendants();
        return session;
    }

    /// <summary>The terminal's text, scroll-back included.</summary>
    public string Screen => Tmux("capture-pane", "-p", "-J", "-S", "-2000", "-t", "run");

    public bool RunShExited => Screen.Contains(Exited, StringComparison.Ordinal);

    public void PressCtrlC() => Tmux("send-keys", "-t", "run", "C-c");

    /// <summary>Every process of the run now (children and their children), remembered for the clean-up.</summary>
    public IReadOnlyList<(int Pid, string CommandLine)> Descendants()
    {
        var found = new List<(int, string)>();
        var queue = new Queue<int>([RunShPid]);
        while (queue.Count > 0)
        {
            foreach (var child in ProcessTree.Children(queue.Dequeue()))
            {
                found.Add((child, CommandLine(child)));
                seen.Add(child);
                queue.Enqueue(child);
            }
        }

        return found;
    }

    /// <summary>The processes of this run still running, from all it ever had.</summary>
    public int[] StillRunning() => [.. seen.Append(RunShPid).Where(ProcessTree.IsRunning)];

    public string Secret(string name) =>
        File.ReadAllLines(Path.Combine(LocalDir, "secrets.env")).Last(l => l.StartsWith(name + "=", StringComparison.Ordinal))[(name.Length + 1)..];

    public async Task WaitForScreenAsync(string text, TimeSpan timeout)
    {
        if (!await Eventually.TrueAsync(() => Screen.Contains(text, StringComparison.Ordinal) || RunShExited && !text.StartsWith(Exited, StringComparison.Ordinal), timeout)
            || !Screen.Contains(text, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"run.sh never printed '{text}' within {timeout.TotalSeconds} s.\n{Diagnostics()}");
        }
    }

    public string Diagnostics()
    {
        var logs = Directory.Exists(Path.Combine(LocalDir, "logs"))
            ? string.Join('\n', Directory.GetFiles(Path.Combine(LocalDir, "logs"), "*.log").Select(f => $"--- {f}:\n{string.Join('\n', File.ReadLines(f).TakeLast(30))}"))
            : "";
        return $"--- terminal:\n{Screen}\n{logs}";
    }

    public static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "";
        }
    }

    public void Dispose()
    {
        _ = Commands.RunWithExit("tmux", ["-S", Socket, "kill-server"]);
        foreach (var pid in StillRunning())
        {
            _ = Commands.RunWithExit("kill", ["-KILL", pid.ToString(CultureInfo.InvariantCulture)]);
        }

        local.Dispose();
    }

    private string Tmux(params string[] args)
    {
        var (code, output, error) = Commands.RunWithExit("tmux", ["-S", Socket, .. args]);
        return code == 0 ? output : throw new InvalidOperationException($"tmux {string.Join(' ', args)} exited {code}: {error}");
    }
}
