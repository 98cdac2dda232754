using System.Diagnostics;
using System.Text.Json;

namespace InfraFunctions.LocalHost.Worker;

/// <summary>
/// How the Functions host starts a .NET isolated worker: the executable and worker path of the build's
/// worker.config.json, the four <c>--functions-*</c> arguments, and the app's folder in
/// <c>FUNCTIONS_WORKER_DIRECTORY</c> and <c>FUNCTIONS_APPLICATION_DIRECTORY</c>.
/// </summary>
public sealed record WorkerLaunch(string Directory, string Executable, string WorkerPath)
{
    // setpriv (util-linux) asks the kernel to SIGKILL the worker when LocalHost dies, even by SIGKILL.
    private const string SetPriv = "/usr/bin/setpriv";

    public static WorkerLaunch Read(string directory)
    {
        var config = Path.Combine(directory, "worker.config.json");
        if (!File.Exists(config))
        {
            throw new InvalidOperationException($"worker.config.json not found in {directory}: build functions/InfraFunctions first, or set LocalHost__FunctionAppDirectory to its build output.");
        }

        using var doc = JsonDocument.Parse(File.ReadAllText(config));
        var description = doc.RootElement.GetProperty("description");
        var executable = description.TryGetProperty("defaultExecutablePath", out var e) ? e.GetString() : null;
        var workerPath = description.TryGetProperty("defaultWorkerPath", out var w) ? w.GetString() : null;
        if (string.IsNullOrEmpty(executable) || string.IsNullOrEmpty(workerPath))
        {
            throw new InvalidOperationException($"{config} names no defaultExecutablePath or defaultWorkerPath.");
        }

        return new WorkerLaunch(directory, executable, Path.Combine(directory, workerPath));
    }

    public ProcessStartInfo StartInfo(Uri functionsUri, string workerId, string requestId, IReadOnlyDictionary<string, string> settings)
    {
        var start = new ProcessStartInfo
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var arguments = new List<string>
        {
            WorkerPath,
            "--functions-uri", functionsUri.ToString(),
            "--functions-worker-id", workerId,
            "--functions-request-id", requestId,
            // Without it the worker's gRPC client fails at start.
            "--functions-grpc-max-message-length", int.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (File.Exists(SetPriv))
        {
            start.FileName = SetPriv;
            arguments.InsertRange(0, ["--pdeathsig", "KILL", "--", Executable]);
        }
        else
        {
            start.FileName = Executable;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in settings)
        {
            start.Environment[name] = value;
        }

        start.Environment["FUNCTIONS_WORKER_DIRECTORY"] = Directory;
        start.Environment["FUNCTIONS_APPLICATION_DIRECTORY"] = Directory;
        start.Environment["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated";
        return start;
    }
}
