using System.Text.Json;
using InfraFunctions.Testing;

namespace InfraFunctions.Tests;

public sealed class FunctionAppBuildTests
{
    [Fact]
    public void TheFunctionAppShipsTheRepositorysHostJson()
    {
        var shipped = File.ReadAllText(Path.Combine(RepoPaths.FunctionAppOutput, "host.json"));
        var root = File.ReadAllText(Path.Combine(RepoPaths.Root, "host.json"));

        Assert.Equal(root, shipped);
        Assert.Equal("api", JsonDocument.Parse(shipped).RootElement.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
    }

    [Fact]
    public void TheBuildWritesFunctionsMetadataWithEveryTriggerRouteAndSchedule()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.FunctionAppOutput, "functions.metadata")));
        var triggers = doc.RootElement.EnumerateArray().ToDictionary(
            f => f.GetProperty("name").GetString()!,
            f => f.GetProperty("bindings").EnumerateArray().First(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal)));

        Assert.Equal("v1/ingest/samples", triggers["IngestSamples"].GetProperty("route").GetString());
        Assert.Equal("Anonymous", triggers["IngestSamples"].GetProperty("authLevel").GetString());
        Assert.Equal("Admin", triggers["CreateAgent"].GetProperty("authLevel").GetString());
        Assert.Equal("Admin", triggers["RevokeToken"].GetProperty("authLevel").GetString());
        Assert.Equal("v1/observability/infrastructure/report", triggers["InfrastructureReport"].GetProperty("route").GetString());
        Assert.Equal("%RETENTION_SCHEDULE%", triggers["RetentionCleanup"].GetProperty("schedule").GetString());
        Assert.All(triggers.Values.Where(t => t.GetProperty("type").GetString() == "httpTrigger"),
            t => Assert.False(t.GetProperty("authLevel").GetString() == "Function", "every route is either anonymous with its own token check, or admin"));
    }
}
