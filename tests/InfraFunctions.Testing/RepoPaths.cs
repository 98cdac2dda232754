namespace InfraFunctions.Testing;

/// <summary>Locations in the repository, found from the test's output folder.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    /// <summary>The function app's build output, with functions.metadata and host.json.</summary>
    public static string FunctionAppOutput => Path.Combine(Root, "functions", "InfraFunctions", "bin", Configuration, "net10.0");

    /// <summary>The probe function app's build output: a second app on the same worker, for the host-side protocol tests.</summary>
    public static string ProbeAppOutput => Path.Combine(Root, "tests", "InfraFunctions.LocalHost.TestApp", "bin", Configuration, "net10.0");

    /// <summary>LocalHost's own build output, to run it as a separate process.</summary>
    public static string LocalHostOutput => Path.Combine(Root, "functions", "InfraFunctions.LocalHost", "bin", Configuration, "net10.0");

    public static string TestData(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", name);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "InfraFunctions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"InfraFunctions.sln not found above {AppContext.BaseDirectory}.");
    }
}
