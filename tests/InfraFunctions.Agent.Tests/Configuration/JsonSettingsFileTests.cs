using InfraFunctions.Agent.Tests.Delivery;

namespace InfraFunctions.Agent.Tests.Configuration;

public sealed class JsonSettingsFileTests : IDisposable
{
    private readonly TempDirectory directory = new();

    [Fact]
    public void NestedObjectsAndArraysBecomeColonSeparatedKeysAsTheJsonProviderNamesThem()
    {
        var path = Write("""
            {
              // comments and trailing commas are accepted, as in the JSON configuration provider
              "endpoint": "https://app.example",
              "top": 10,
              "temperatures": false,
              "watch": ["nginx", "postgres",],
              "systemd": { "watch_units": ["nginx.service"] },
              "checks": [{ "target": "tcp://db:5432", "interval": 30 }],
              "host_id": null
            }
            """);

        var values = JsonSettingsFile.Read(path);

        Assert.Equal("https://app.example", values["endpoint"]);
        Assert.Equal("10", values["top"]);
        Assert.Equal("false", values["temperatures"]);
        Assert.Equal("postgres", values["watch:1"]);
        Assert.Equal("nginx.service", values["systemd:watch_units:0"]);
        Assert.Equal("tcp://db:5432", values["checks:0:target"]);
        Assert.Equal("30", values["CHECKS:0:INTERVAL"]);
        Assert.Null(values["host_id"]);
    }

    [Fact]
    public void AMissingFileHasNoSettings() =>
        Assert.Empty(JsonSettingsFile.Read(Path.Combine(directory.Path, "absent.json")));

    [Theory]
    [InlineData("{ \"top\": ", "cannot be read")]
    [InlineData("[1, 2]", "must hold a JSON object")]
    public void AFileThatIsNotAJsonObjectIsRefusedNamingTheFile(string text, string problem)
    {
        var path = Write(text);

        var error = Assert.Throws<AgentConfigurationException>(() => JsonSettingsFile.Read(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => directory.Dispose();

    private string Write(string text)
    {
        var path = Path.Combine(directory.Path, "agent.json");
        File.WriteAllText(path, text);
        return path;
    }
}
