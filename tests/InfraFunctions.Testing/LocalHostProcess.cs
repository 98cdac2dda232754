using System.Diagnostics;
using System.Text;

namespace InfraFunctions.Testing;

/// <summary>LocalHost as its own process, as run.sh starts it: for what only a process shows (exit codes, signals, children).</summary>
public sealed class LocalHostProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private LocalHostProcess(Process process)
    {
        _process = process;
    }

    public int Id => _process.Id;

    public int Port { get; private init; }

    /// <summary>Everything LocalHost printed so far, standard output and error.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static LocalHostProcess Start(string storageConnectionString, IDictionary<string, string?>? settings = null)
    {
        var port = AzuriteServer.FreePort();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(RepoPaths.LocalHostOutput, "InfraFunctions.LocalHost.dll")])
        {
            WorkingDirectory = RepoPaths.LocalHostOutput,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["AzureWebJobsStorage"] = storageConnectionString;
        start.Environment["LocalHost__MasterKey"] = LocalHostServer.MasterKey;
        start.Environment["LocalHost__Urls"] = $"http://127.0.0.1:{port}";
        start.Environment["LocalHost__FunctionAppDirectory"] = RepoPaths.FunctionAppOutput;
        start.Environment["LocalHost__StaticRoot"] = Path.Combine(AppContext.BaseDirectory, "no-dashboard");
        foreach (var (name, value) in settings ?? new Dictionary<string, string?>())
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        var host = new LocalHostProcess(process) { Port = port };
        process.OutputDataReceived += (_, e) => host.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => host.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Completes when LocalHost logs that it is ready; fails if it exits first.</summary>
    public async Task WaitReadyAsync(TimeSpan timeout)
    {
        var exited = _process.WaitForExitAsync();
        if (await Task.WhenAny(_ready.Task, exited, Task.Delay(timeout)) != _ready.Task)
        {
            throw new InvalidOperationException($"LocalHost did not get ready (exited: {_process.HasExited}):{Environment.NewLine}{Output}");
        }
    }

    /// <summary>Waits for LocalHost to exit and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    /// <summary>The ids of LocalHost's child processes, read from /proc.</summary>
    public IReadOnlyList<int> Children() => ProcessTree.Children(_process.Id);

    public void Dispose()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (line.Contains("LocalHost ready", StringComparison.Ordinal))
        {
            _ready.TrySetResult();
        }
    }
}
