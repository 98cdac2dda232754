using System.Text.Json;
using InfraFunctions.Agent.Collectors;
using InfraFunctions.Contracts;

namespace InfraFunctions.Agent;

/// <summary><c>infra-agent --once</c>: two readings a second apart, printed as the batch the agent would post.</summary>
internal static class OnceCommand
{
    private static readonly ContractsJsonContext Indented = new(new JsonSerializerOptions(ContractsJsonContext.Default.Options) { WriteIndented = true });

    public static async Task<int> RunAsync(AgentOptions options, TimeProvider time, TextWriter output, CancellationToken cancellationToken = default)
    {
        var collector = new SampleCollector(time, options);
        collector.Collect();
        await Task.Delay(TimeSpan.FromSeconds(1), time, cancellationToken);
        var sample = collector.Collect();
        var batch = new SampleBatch(SampleBatch.CurrentSchemaVersion, options.HostId, collector.Platform, [sample], 0, options.SampleInterval.TotalSeconds);
        await output.WriteLineAsync(JsonSerializer.Serialize(batch, Indented.SampleBatch));
        await output.FlushAsync(cancellationToken);
        return 0;
    }
}
