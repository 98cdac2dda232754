using System.Text.Json;
using InfraFunctions.Agent.Tests.Delivery;
using InfraFunctions.Contracts;

namespace InfraFunctions.Agent.Tests.Collectors;

public sealed class OnceCustomMetricsAndTemperaturesTests : IDisposable
{
    private readonly TempDirectory directory = new();

    [Fact]
    public async Task OnceShowsCustomMetricsTemperaturesAndTheErrorsOfMalformedFiles()
    {
        File.Copy(TestFiles.Path("textfile/backup-cron.prom"), Path.Combine(directory.Path, "backup-cron.prom"));
        File.Copy(TestFiles.Path("textfile/malformed-timestamp.prom"), Path.Combine(directory.Path, "deploy.prom"));
        var options = new AgentOptions { HostId = "test-host", TextfileDir = directory.Path, SysClassRoot = TestFiles.Path("sensors-laptop") };

        var (json, sample) = await OnceAsync(options);

        Assert.Contains("\"custom_metrics\": [", json, StringComparison.Ordinal);
        Assert.Contains("\"temperatures\": [", json, StringComparison.Ordinal);
        Assert.Contains("\"dropped_custom_metrics\": 0", json, StringComparison.Ordinal);
        Assert.Equal(5, sample.CustomMetrics!.Count);
        Assert.Equal(new Dictionary<string, string> { ["job"] = "nightly", ["target"] = "db-01" }, sample.CustomMetrics[0].Labels);
        Assert.Contains(new Temperature("coretemp/Package id 0", 45, 100, 100), sample.Temperatures!);
        var error = Assert.Single(sample.CollectorErrors!);
        Assert.Equal(("textfile", "deploy.prom:2: expected a timestamp in milliseconds after the value of 'deploy_time_seconds', found 'yesterday'"), (error.Collector, error.Message));
    }

    [Fact]
    public async Task OnceOnAHostWithoutSensorsOrTextfilesShowsEmptyListsAndNoErrors()
    {
        var options = new AgentOptions { HostId = "test-host", SysClassRoot = directory.Path };

        var (json, sample) = await OnceAsync(options);

        Assert.Contains("\"custom_metrics\": []", json, StringComparison.Ordinal);
        Assert.Contains("\"temperatures\": []", json, StringComparison.Ordinal);
        Assert.DoesNotContain("collector_errors", json, StringComparison.Ordinal);
        Assert.Equal((0, 0, 0L), (sample.CustomMetrics!.Count, sample.Temperatures!.Count, sample.DroppedCustomMetrics));
    }

    public void Dispose() => directory.Dispose();

    private static async Task<(string Json, Sample Sample)> OnceAsync(AgentOptions options)
    {
        using var output = new StringWriter();
        Assert.Equal(0, await OnceCommand.RunAsync(options, TimeProvider.System, output));
        var json = output.ToString();
        return (json, Assert.Single(JsonSerializer.Deserialize(json, ContractsJsonContext.Default.SampleBatch)!.Samples));
    }
}
