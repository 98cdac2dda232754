using System.Text.Json;
using InfraFunctions.Agent.Collectors;
using InfraFunctions.Agent.Collectors.ServiceChecks;
using InfraFunctions.Agent.Collectors.Systemd;
using InfraFunctions.Contracts;
using Microsoft.Extensions.Logging.Abstractions;

namespace InfraFunctions.Agent;

/// <summary>
/// <c>infra-agent --once</c>: two readings a second apart, printed as the batch the agent would post. systemd is
/// asked once and every check runs once, during that second (a check may take up to its timeout).
/// </summary>
internal static class OnceCommand
{
    private static readonly ContractsJsonContext Indented = new(new JsonSerializerOptions(ContractsJsonContext.Default.Options) { WriteIndented = true });

    public static async Task<int> RunAsync(AgentOptions options, TimeProvider time, TextWriter output, CancellationToken cancellationToken = default)
    {
        using var systemd = new SystemdMonitor(options, time, NullLogger<SystemdMonitor>.Instance);
        using var checks = new CheckRunner(options, time, NullLogger<CheckRunner>.Instance);
        var collector = new SampleCollector(time, options) { Systemd = systemd, CheckResults = checks.Results };
        collector.Collect();
        await Task.WhenAll(
            Task.Delay(TimeSpan.FromSeconds(1), time, cancellationToken),
            systemd.RefreshAsync(cancellationToken),
            checks.RunOnceAsync(cancellationToken));
        var sample = collector.Collect();
        var batch = new SampleBatch(
            SampleBatch.CurrentSchemaVersion, options.HostId, collector.Platform, [sample], 0, options.SampleInterval.TotalSeconds, collector.Live.Current.InForce, options.Tags);
        await output.WriteLineAsync(JsonSerializer.Serialize(batch, Indented.SampleBatch));
        await output.FlushAsync(cancellationToken);
        return 0;
    }
}
