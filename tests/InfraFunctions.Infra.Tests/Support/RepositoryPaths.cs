using System.Reflection;

namespace InfraFunctions.Infra.Tests.Support;

/// <summary>Paths fixed at build time: the repository, the restored Bicep CLI and the build configuration.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = Metadata("RepositoryRoot");

    public static string Infra => Path.Combine(Root, "infra");

    public static string MainBicep => Path.Combine(Infra, "main.bicep");

    public static string AzureYaml => Path.Combine(Root, "azure.yaml");

    public static string BicepExecutable => Path.Combine(Metadata("BicepPackageRoot"), "tools", "bicep");

    /// <summary>The function app's build output, written by the project reference before these tests run.</summary>
    public static string FunctionsMetadata =>
        Path.Combine(Root, "functions", "InfraFunctions", "bin", Metadata("Configuration"), "net10.0", "functions.metadata");

    public static string TestData(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", name);

    private static string Metadata(string key)
    {
        var value = typeof(RepositoryPaths).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == key)?.Value;
        if (string.IsNullOrEmpty(value))
        {
            throw new InvalidOperationException(
                $"Assembly metadata '{key}' is empty: the test project's build did not set it (is the Bicep package restored?).");
        }

        return value;
    }
}
