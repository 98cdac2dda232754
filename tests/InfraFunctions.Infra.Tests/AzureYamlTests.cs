using System.Text.Json;
using System.Text.Json.Nodes;
using InfraFunctions.Infra.Tests.Support;
using Json.Schema;

namespace InfraFunctions.Infra.Tests;

public sealed class AzureYamlTests
{
    private static JsonNode AzureYaml() => YamlJson.Load(RepositoryPaths.AzureYaml)
        ?? throw new InvalidOperationException("azure.yaml is empty.");

    private static EvaluationResults Validate(JsonNode document)
    {
        var schema = JsonSchema.FromText(File.ReadAllText(RepositoryPaths.TestData("azure.yaml.schema.json")));
        using var json = JsonDocument.Parse(document.ToJsonString());
        return schema.Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    private static string Describe(EvaluationResults results) => string.Join(
        "\n",
        (results.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}")));

    [Fact]
    public void AzureYamlMatchesTheAzdSchema()
    {
        var results = Validate(AzureYaml());

        Assert.True(results.IsValid, Describe(results));
    }

    [Fact]
    public void SchemaRejectsAServiceWithoutAProject()
    {
        var document = AzureYaml();
        document["services"]!["api"]!.AsObject().Remove("project");

        Assert.False(Validate(document).IsValid);
    }

    [Fact]
    public void SchemaRejectsAnUnknownHook()
    {
        var document = AzureYaml();
        document["hooks"]!["afterprovision"] = new JsonObject { ["run"] = "echo", ["shell"] = "sh" };

        Assert.False(Validate(document).IsValid);
    }

    [Theory]
    [InlineData("api", "./functions/InfraFunctions", "dotnet", "function")]
    [InlineData("web", "./static-web", "js", "staticwebapp")]
    public void ServiceIsDeclaredWithItsProjectLanguageAndHost(string service, string project, string language, string host)
    {
        var declared = AzureYaml()["services"]![service]!;

        Assert.Equal(project, Deployment.Text(declared, "project"));
        Assert.Equal(language, Deployment.Text(declared, "language"));
        Assert.Equal(host, Deployment.Text(declared, "host"));
    }

    [Fact]
    public void EveryServiceProjectExists()
    {
        foreach (var (name, service) in AzureYaml()["services"]!.AsObject())
        {
            var project = Path.GetFullPath(Path.Combine(RepositoryPaths.Root, Deployment.Text(service, "project")));
            Assert.True(Directory.Exists(project), $"Service '{name}': project folder {project} does not exist.");
        }

        Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, "functions", "InfraFunctions", "InfraFunctions.csproj")));
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, "static-web", "package.json")), "static-web has no package.json for azd to build.");
    }

    [Fact]
    public void WebServicePublishesTheAgentIntoItsBuildBeforeItsUploadWithHooksThatExist()
    {
        var predeploy = AzureYaml()["services"]!["web"]!["hooks"]!["predeploy"]!;
        var webProject = Path.Combine(RepositoryPaths.Root, "static-web");

        foreach (var (os, shell) in new[] { ("posix", "sh"), ("windows", "pwsh") })
        {
            Assert.Equal(shell, Deployment.Text(predeploy[os], "shell"));
            // Service hooks run from the service's project folder.
            var script = Path.GetFullPath(Path.Combine(webProject, Deployment.Text(predeploy[os], "run")));
            Assert.True(File.Exists(script), $"{os} predeploy hook {script} does not exist.");
            Assert.StartsWith(RepositoryPaths.Root, script, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void WebServiceDeploysTheBuiltDistFolder()
    {
        Assert.Equal("dist", Deployment.Text(AzureYaml()["services"]!["web"], "dist"));
    }

    [Fact]
    public void EveryHookScriptExistsForBothShells()
    {
        var hooks = AzureYaml()["hooks"]!.AsObject();
        Assert.Contains("postprovision", hooks.Select(h => h.Key));
        Assert.Contains("postdeploy", hooks.Select(h => h.Key));

        foreach (var (name, hook) in hooks)
        {
            foreach (var (os, shell) in new[] { ("posix", "sh"), ("windows", "pwsh") })
            {
                Assert.Equal(shell, Deployment.Text(hook![os], "shell"));
                var script = Path.Combine(RepositoryPaths.Root, Deployment.Text(hook[os], "run"));
                Assert.True(File.Exists(script), $"Hook '{name}' ({os}) runs {script}, which does not exist.");
            }
        }
    }

    [Fact]
    public void InfraPointsAtMainBicep()
    {
        var infra = AzureYaml()["infra"]!;

        Assert.Equal("bicep", Deployment.Text(infra, "provider"));
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, Deployment.Text(infra, "path"), Deployment.Text(infra, "module") + ".bicep")));
    }
}
