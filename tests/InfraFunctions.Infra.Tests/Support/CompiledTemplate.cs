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
