using System.Collections.Concurrent;
using System.Diagnostics;

namespace InfraFunctions.LocalHost.Worker;

/// <summary>One running worker process: its output goes to the log, and the last lines are kept for a start-up error.</summary>
public sealed class WorkerProcess : IDisposable
{
    private const int KeptLines = 60;
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _tail = new();
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WorkerProcess(Process process, ILogger logger)
    {
        _process = process;
        process.EnableRaisingEvents = true;
        process.OutputDataReceived += (_, e) => Keep(e.Data, logger, LogLevel.Information);
        process.ErrorDataReceived += (_, e) => Keep(e.Data, logger, LogLevel.Warning);
        process.Exited += (_, _) => _exited.TrySetResult(SafeExitCode(process));
    }

    public int Id => _process.Id;

    /// <summary>Completes with the exit code when the process ends.</summary>
    public Task<int> Exited => _exited.Task;

    /// <summary>The last lines the worker printed, without stack frames, for an error that must show what the worker said.</summary>
    public string Tail => string.Join(Environment.NewLine, _tail.Where(line =>
        !line.TrimStart().StartsWith("at ", StringComparison.Ordinal) && !line.StartsWith("--- End of", StringComparison.Ordinal)));

    public static WorkerProcess Start(ProcessStartInfo start, ILogger logger)
    {
        var process = Spawner.Start(start);
        var worker = new WorkerProcess(process, logger);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (process.HasExited)
        {
            worker._exited.TrySetResult(SafeExitCode(process));
        }

        return worker;
    }

    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    /// <summary>Waits for the process to end, at most <paramref name="grace"/>, then kills it.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (await Task.WhenAny(Exited, Task.Delay(grace)) != Exited)
        {
            Kill();
        }

        await Exited.WaitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>Kills the process if it still runs and waits for it, so <see cref="Exited"/> always completes.</summary>
    public void Dispose()
    {
        Kill();
        try
        {
            if (_process.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                _exited.TrySetResult(SafeExitCode(_process));
            }
        }
        catch (InvalidOperationException)
        {
            _exited.TrySetResult(-1);
        }

        _process.Dispose();
    }

    private static int SafeExitCode(Process process)
    {
        try
        {
            process.WaitForExit();
            return process.ExitCode;
        }
        catch (InvalidOperationException)
        {
            return -1;
        }
    }

    private void Keep(string? line, ILogger logger, LogLevel level)
    {
        if (line is null)
        {
            return;
        }

        _tail.Enqueue(line);
        while (_tail.Count > KeptLines && _tail.TryDequeue(out _))
        {
        }

        logger.Log(level, "worker: {Line}", line);
    }

    /// <summary>
    /// Starts processes from one thread that lives as long as LocalHost. The kernel's parent-death signal
    /// (setpriv --pdeathsig) fires when the thread that forked the child ends, not the process, so forking from a
    /// pool thread that later retires would kill a healthy worker.
    /// </summary>
    private static class Spawner
    {
        private static readonly BlockingCollection<(ProcessStartInfo Start, TaskCompletionSource<Process> Result)> Requests = [];

        static Spawner()
        {
            var thread = new Thread(Run) { IsBackground = true, Name = "worker-spawner" };
            thread.Start();
        }

        public static Process Start(ProcessStartInfo start)
        {
            var result = new TaskCompletionSource<Process>(TaskCreationOptions.RunContinuationsAsynchronously);
            Requests.Add((start, result));
            return result.Task.GetAwaiter().GetResult();
        }

        private static void Run()
        {
            foreach (var (start, result) in Requests.GetConsumingEnumerable())
            {
                try
                {
                    result.SetResult(Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start."));
                }
                catch (Exception ex)
                {
                    result.SetException(ex);
                }
            }
        }
    }
}
