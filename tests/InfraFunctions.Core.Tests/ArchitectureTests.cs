using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using InfraFunctions.Testing;

namespace InfraFunctions.Core.Tests;

/// <summary>
/// The layers, read from what the build produced: the domain (Core) and the wire contract know nothing of HTTP or of
/// the function app; only the function app holds the HTTP layer; LocalHost is a host, not a second copy of the app.
/// </summary>
public sealed partial class ArchitectureTests
{
    private static readonly string[] AppNamespaces = ["InfraFunctions.Http", "InfraFunctions.Handlers", "InfraFunctions.Auth", "InfraFunctions.Functions"];

    [Theory]
    [InlineData("InfraFunctions.Core")]
    [InlineData("InfraFunctions.Contracts")]
    public void TheDomainAndTheContractReferenceNeitherAspNetCoreNorTheFunctionsWorker(string project)
    {
        var references = ReferencesOf(Output(project, project));

        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.Azure.Functions", StringComparison.Ordinal));
        Assert.DoesNotContain("InfraFunctions", references);
        Assert.DoesNotContain("InfraFunctions.LocalHost", references);
    }

    [Theory]
    [InlineData("InfraFunctions.Core")]
    [InlineData("InfraFunctions.Contracts")]
    public void TheDomainProjectsDeclareNoAspNetCoreFrameworkPackageOrGlobalUsing(string project)
    {
        var file = XDocument.Load(Path.Combine(RepoPaths.Root, "functions", project, $"{project}.csproj"));
        var declared = file.Descendants().Where(e => e.Name.LocalName is "FrameworkReference" or "PackageReference" or "Using")
            .Select(e => (string?)e.Attribute("Include") ?? string.Empty).ToArray();

        Assert.DoesNotContain(declared, d => d.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.DoesNotContain(declared, d => d.StartsWith("Microsoft.Azure.Functions", StringComparison.Ordinal));
        Assert.DoesNotContain(declared, d => AppNamespaces.Any(a => d == a || d.StartsWith(a + ".", StringComparison.Ordinal)));
    }

    [Fact]
    public void NoDomainFileImportsAspNetCoreOrTheFunctionAppsLayers()
    {
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "functions", "InfraFunctions.Core"), "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            foreach (Match m in UsingDirective().Matches(File.ReadAllText(file)))
            {
                var ns = m.Groups["ns"].Value;
                if (ns.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) || AppNamespaces.Any(a => ns == a || ns.StartsWith(a + ".", StringComparison.Ordinal)))
                {
                    offenders.Add($"{Path.GetRelativePath(RepoPaths.Root, file)}: using {ns}");
                }
            }
        }

        Assert.Empty(offenders);
    }

    [Fact]
    public void TheFunctionAppHoldsTheHttpLayerOnTopOfTheDomain()
    {
        var references = ReferencesOf(Output("InfraFunctions", "InfraFunctions"));

        Assert.Contains("InfraFunctions.Core", references);
        Assert.Contains(references, r => r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    [Fact]
    public void LocalHostLoadsNeitherTheDomainNorTheAppItHosts()
    {
        var references = ReferencesOf(Output("InfraFunctions.LocalHost", "InfraFunctions.LocalHost"));

        Assert.DoesNotContain("InfraFunctions.Core", references);
        Assert.DoesNotContain("InfraFunctions", references);
        Assert.Contains("InfraFunctions.Contracts", references);
    }

    private static string Output(string project, string assembly) =>
        Path.Combine(RepoPaths.Root, "functions", project, "bin", RepoPaths.Configuration, "net10.0", $"{assembly}.dll");

    private static HashSet<string> ReferencesOf(string assemblyPath)
    {
        Assert.True(File.Exists(assemblyPath), $"{assemblyPath} is missing: build the solution first.");
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        return metadata.AssemblyReferences.Select(h => metadata.GetString(metadata.GetAssemblyReference(h).Name)).ToHashSet(StringComparer.Ordinal);
    }

    [GeneratedRegex(@"^\s*(?:global\s+)?using\s+(?:static\s+)?(?:\w+\s*=\s*)?(?<ns>[\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex UsingDirective();
}
