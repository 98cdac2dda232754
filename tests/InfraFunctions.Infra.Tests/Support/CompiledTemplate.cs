using System.Text.Json.Nodes;

namespace InfraFunctions.Infra.Tests.Support;

/// <summary>infra/main.bicep compiled once by the Bicep CLI, shared by the tests of the "bicep" collection.</summary>
public sealed class CompiledTemplate : IAsyncLifetime
{
    private JsonObject? _json;
    private ProcessResult? _build;

    public ProcessResult Build => _build ?? throw new InvalidOperationException("The template was not built.");

    /// <summary>The compiled ARM JSON as text, for searches across the whole template.</summary>
    public string Text => Build.StandardOutput;

    public Deployment Main => Deployment.FromMainTemplate(_json ?? throw new InvalidOperationException("The template did not compile."));

    /// <summary>The function app's app settings resource: the module deployment holding it, and its properties.</summary>
    public (Deployment Where, JsonObject Settings) FunctionAppSettings()
    {
        var (where, config) = Main.ResourcesOfType("Microsoft.Web/sites/config")
            .Single(c => Deployment.Text(c.Resource, "name").EndsWith("'appsettings')]", StringComparison.Ordinal));
        return (where, config["properties"]!.AsObject());
    }

    /// <summary>One app setting's value as written in the template; fails the test when the app does not set it.</summary>
    public string FunctionAppSetting(string name)
    {
        var (_, settings) = FunctionAppSettings();
        Assert.True(settings.ContainsKey(name), $"The function app does not set {name}.");
        return settings[name]!.GetValue<string>();
    }

    public async Task InitializeAsync()
    {
        _build = await BicepCli.RunAsync("build", RepositoryPaths.MainBicep, "--stdout");
        if (_build.ExitCode == 0)
        {
            _json = JsonNode.Parse(_build.StandardOutput)!.AsObject();
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

[CollectionDefinition(Name)]
public sealed class BicepCollection : ICollectionFixture<CompiledTemplate>
{
    public const string Name = "bicep";
}
