namespace InfraFunctions.LocalHost.Worker;

/// <summary>Where the function app's build output is.</summary>
public static class FunctionApp
{
    public static string Directory(LocalHostOptions options)
    {
        if (options.FunctionAppDirectory is { Length: > 0 } configured)
        {
            return Path.GetFullPath(configured);
        }

        // LocalHost's own build folder is .../functions/InfraFunctions.LocalHost/bin/{Configuration}/net10.0.
        var own = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = own.Parent?.Name ?? "Debug";
        for (var dir = own; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "functions", "InfraFunctions", "bin", configuration, own.Name);
            if (File.Exists(Path.Combine(candidate, "worker.config.json")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            $"The function app's build output was not found above {AppContext.BaseDirectory}: build functions/InfraFunctions, or set LocalHost__FunctionAppDirectory.");
    }
}
