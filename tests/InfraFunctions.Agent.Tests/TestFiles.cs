namespace InfraFunctions.Agent.Tests;

/// <summary>Captured kernel files under TestData, and the repository's own files.</summary>
internal static class TestFiles
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "TestData", name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path(name));

    public static string Text(string name) => File.ReadAllText(Path(name));

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "InfraFunctions.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("InfraFunctions.sln not found above the test output.");
    }
}
