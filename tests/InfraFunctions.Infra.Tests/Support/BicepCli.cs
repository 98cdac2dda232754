namespace InfraFunctions.Infra.Tests.Support;

/// <summary>The Bicep CLI from the Azure.Bicep.CommandLine.linux-x64 package that the test project restores.</summary>
public static class BicepCli
{
    public static Task<ProcessResult> RunAsync(params string[] arguments) =>
        ProcessRunner.RunAsync(ExecutablePath(), arguments);

    private static string ExecutablePath()
    {
        var path = RepositoryPaths.BicepExecutable;
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                "The Bicep CLI is missing from the restored Azure.Bicep.CommandLine.linux-x64 package.", path);
        }

        // NuGet extraction does not promise to keep the executable bit.
        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(path);
            if ((mode & UnixFileMode.UserExecute) == 0)
            {
                File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
            }
        }

        return path;
    }
}
