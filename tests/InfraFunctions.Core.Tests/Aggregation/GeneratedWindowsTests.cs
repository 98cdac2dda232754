using InfraFunctions.Core.Aggregation;
using InfraFunctions.Testing;

namespace InfraFunctions.Core.Tests.Aggregation;

/// <summary>The dashboard's window list is generated from the API's registry, so the two cannot drift apart.</summary>
public sealed class GeneratedWindowsTests
{
    private const string Regenerate = "UPDATE_GENERATED=1 dotnet test tests/InfraFunctions.Core.Tests --filter FullyQualifiedName~GeneratedWindowsTests";

    private static readonly string GeneratedFile = Path.Combine(RepoPaths.Root, "static-web", "src", "lib", "windows.generated.ts");

    [Fact]
    public void TheDashboardsCommittedWindowListIsTheOneGeneratedFromTheApisRegistry()
    {
        var expected = Render();
        if (Environment.GetEnvironmentVariable("UPDATE_GENERATED") == "1")
        {
            File.WriteAllText(GeneratedFile, expected);
        }

        var committed = File.Exists(GeneratedFile) ? File.ReadAllText(GeneratedFile).ReplaceLineEndings("\n") : string.Empty;
        Assert.True(committed == expected, $"{GeneratedFile} is not what TimeWindows generates; regenerate it with `{Regenerate}` and commit it.");
    }

    [Fact]
    public void TheHostPageOffersOnlyWindowsThatItsSummaryTracesAndMetricsAccept()
    {
        Assert.Equal(["5m", "15m", "1h", "6h", "24h", "7d", "30d"], TimeWindows.Dashboard.Names);
        Assert.All(TimeWindows.Dashboard.Names, name =>
            Assert.True(TimeWindows.Summary.TryParse(name, out _, out _) && TimeWindows.Observability.TryParse(name, out _, out _), name));
    }

    [Fact]
    public void SummariesReachAYearObservabilityHasTwelveHoursAndAnomaliesStopAtADay()
    {
        Assert.Equal(["5m", "15m", "1h", "6h", "24h", "7d", "30d", "90d", "365d"], TimeWindows.Summary.Names);
        Assert.Equal(["5m", "15m", "1h", "6h", "12h", "24h", "7d", "30d"], TimeWindows.Observability.Names);
        Assert.Equal(["5m", "15m", "1h", "6h", "12h", "24h"], TimeWindows.Anomalies.Names);
        Assert.True(TimeWindows.Anomalies.TryParse(null, out var name, out var span) && name == "24h" && span == TimeSpan.FromHours(24));
    }

    private static string Render() =>
        $"""
        // Generated from TimeWindows.Dashboard in functions/InfraFunctions.Core/Aggregation/TimeWindows.cs: do not edit.
        // Regenerate with: {Regenerate}

        /** The windows the host page offers: the summary, traces and metrics accept each; anomalies stop at {TimeWindows.AnomalyRawLimit.TotalHours:0}h. */
        export const TIME_WINDOWS = [{string.Join(", ", TimeWindows.Dashboard.Names.Select(n => $"'{n}'"))}] as const;

        """;
}
