using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using InfraFunctions.Infra.Tests.Support;

namespace InfraFunctions.Infra.Tests;

[Collection(BicepCollection.Name)]
public sealed partial class BicepCompilationTests(CompiledTemplate compiled)
{
    // Resource types that take tags; role assignments and child resources do not.
    private static readonly string[] TaggedTypes =
    [
        "Microsoft.Resources/resourceGroups",
        "Microsoft.ManagedIdentity/userAssignedIdentities",
        "Microsoft.OperationalInsights/workspaces",
        "Microsoft.Insights/components",
        "Microsoft.Storage/storageAccounts",
        "Microsoft.Web/serverfarms",
        "Microsoft.Web/sites",
        "Microsoft.Web/staticSites",
        "Microsoft.SignalRService/signalR",
    ];

    [Fact]
    public void MainTemplateBuildsWithoutErrorsOrWarnings()
    {
        Assert.True(compiled.Build.ExitCode == 0, compiled.Build.Describe());
        Assert.True(string.IsNullOrWhiteSpace(compiled.Build.StandardError), compiled.Build.Describe());
    }

    [Fact]
    public async Task MainTemplateLintsWithoutErrorsOrWarnings()
    {
        var lint = await BicepCli.RunAsync("lint", RepositoryPaths.MainBicep);

        Assert.True(lint.ExitCode == 0, lint.Describe());
        Assert.DoesNotMatch(DiagnosticLine(), lint.StandardOutput + lint.StandardError);
    }

    [Fact]
    public void TemplateNeverReadsKeysOrSecretsThroughListFunctions()
    {
        Assert.DoesNotContain("listKeys", compiled.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(ListFunctionCall(), compiled.Text);
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Infra, "*.bicep", SearchOption.AllDirectories))
        {
            var source = File.ReadAllText(file);
            Assert.DoesNotContain("listKeys", source, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotMatch(ListFunctionCall(), source);
        }
    }

    [Fact]
    public void TemplateUsesLocalModulesOnly()
    {
        // Registry modules (br/public:avm/...) and template specs cannot be restored offline, so the templates use local modules only.
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Infra, "*.bicep", SearchOption.AllDirectories))
        {
            Assert.All(File.ReadAllLines(file), line => Assert.DoesNotMatch(@"^\s*module\s+\w+\s+'(br|ts)[:/]", line));
        }
    }

    [Fact]
    public void TemplateTargetsTheSubscriptionAndCreatesTheResourceGroup()
    {
        Assert.Contains("subscriptionDeploymentTemplate.json", Deployment.Text(compiled.Main.Template, "$schema"), StringComparison.Ordinal);

        var group = Assert.Single(compiled.Main.OwnResources(), r => Deployment.Text(r, "type") == "Microsoft.Resources/resourceGroups");
        Assert.Equal("[parameters('location')]", Deployment.Text(group, "location"));
        Assert.All(compiled.Main.Modules(), m => Assert.NotEmpty(m.OwnResources()));
    }

    [Fact]
    public void ResourceNamesComeFromAbbreviationsAndTheResourceToken()
    {
        var abbreviations = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Infra, "abbreviations.json")))!.AsObject();
        Assert.Equal(
            "[toLower(uniqueString(subscription().id, parameters('environmentName'), parameters('location')))]",
            Deployment.Text(compiled.Main.Template["variables"], "resourceToken"));

        foreach (var module in compiled.Main.Modules())
        {
            var name = module.PassedParameters?["name"]?["value"]?.GetValue<string>();
            if (name is null)
            {
                continue;
            }

            var (_, resolved) = compiled.Main.Resolve(name);
            Assert.Matches(@"variables\('abbrs'\)\.\w+, variables\('resourceToken'\)|^\[variables\('functionAppName'\)\]$", resolved);
        }

        Assert.Contains("variables('abbrs').webSitesFunctions", Deployment.Text(compiled.Main.Template["variables"], "functionAppName"), StringComparison.Ordinal);
        Assert.All(
            Regex.Matches(compiled.Text, @"variables\('abbrs'\)\.(\w+)").Select(m => m.Groups[1].Value),
            key => Assert.True(abbreviations.ContainsKey(key), $"abbreviations.json has no '{key}'."));
    }

    [Fact]
    public void EveryTaggableResourceCarriesTheAzdEnvironmentName()
    {
        Assert.Equal("[parameters('environmentName')]", Deployment.Text(compiled.Main.Template["variables"]!["tags"], "azd-env-name"));

        var tagged = compiled.Main.AllResources()
            .Where(x => TaggedTypes.Contains(Deployment.Text(x.Resource, "type"), StringComparer.OrdinalIgnoreCase))
            .ToList();
        Assert.Equal(TaggedTypes.Length, tagged.Select(x => Deployment.Text(x.Resource, "type")).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(tagged, x => Assert.True(
            TagChain(x.Where, Deployment.Text(x.Resource, "tags")).Any(e => e.Contains("variables('tags')", StringComparison.Ordinal)),
            $"{Deployment.Text(x.Resource, "type")} in '{x.Where.Name}' does not carry the azd-env-name tags."));
    }

    [Theory]
    [InlineData("Microsoft.Web/sites", "api")]
    [InlineData("Microsoft.Web/staticSites", "web")]
    public void EachServiceCarriesItsAzdServiceName(string type, string service)
    {
        var (where, resource) = compiled.Main.SingleResourceOfType(type);

        Assert.Contains(
            TagChain(where, Deployment.Text(resource, "tags")),
            e => e.Contains($"createObject('azd-service-name', '{service}')", StringComparison.Ordinal));
    }

    [Fact]
    public void OutputsAreUpperSnakeAndNameTheUrlsAndTheResources()
    {
        var outputs = compiled.Main.Template["outputs"]!.AsObject().Select(o => o.Key).ToList();

        Assert.All(outputs, o => Assert.Matches("^[A-Z][A-Z0-9_]*$", o));
        Assert.Contains("API_BASE_URL", outputs);
        Assert.Contains("DASHBOARD_URL", outputs);
        Assert.Contains("AZURE_FUNCTION_APP_NAME", outputs);
        Assert.Contains("AZURE_STORAGE_ACCOUNT_NAME", outputs);
        Assert.Contains("AZURE_RESOURCE_GROUP", outputs);
    }

    [Fact]
    public void EveryParameterIsDescribed()
    {
        foreach (var deployment in new[] { compiled.Main }.Concat(compiled.Main.Modules()))
        {
            foreach (var (name, parameter) in deployment.Template["parameters"]?.AsObject() ?? [])
            {
                Assert.False(
                    string.IsNullOrWhiteSpace(Deployment.Text(parameter!["metadata"], "description")),
                    $"Parameter '{name}' of '{deployment.Name}' has no @description.");
            }
        }
    }

    // The tags expression of a resource, then what each parameters('tags') it names is passed, up to main.
    private static List<string> TagChain(Deployment where, string expression)
    {
        var chain = new List<string> { expression };
        while (!where.IsMain && expression.Contains("parameters('tags')", StringComparison.Ordinal))
        {
            expression = where.PassedParameters!["tags"]!["value"]!.GetValue<string>();
            where = where.Parent!;
            chain.Add(expression);
        }

        return chain;
    }

    [GeneratedRegex(@"\) : (Warning|Error) ")]
    private static partial Regex DiagnosticLine();

    // listKeys, listSecrets, listConnectionStrings, listAccountSas ... all read secrets at deployment.
    [GeneratedRegex(@"\blist[A-Z]\w*\(")]
    private static partial Regex ListFunctionCall();
}
