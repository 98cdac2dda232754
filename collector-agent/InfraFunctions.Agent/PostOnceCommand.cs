using System.Net;
using InfraFunctions.Agent.Collectors;
using InfraFunctions.Agent.Collectors.ServiceChecks;
using InfraFunctions.Agent.Collectors.Systemd;
using InfraFunctions.Agent.Delivery;
using InfraFunctions.Agent.Settings;
using InfraFunctions.Contracts;
using Microsoft.Extensions.Logging.Abstractions;

namespace InfraFunctions.Agent;

/// <summary>
/// <c>infra-agent --post-once</c>: one sample (two readings a second apart), posted straight to the server, not
/// through the spool; exit 0 once the server stored it. install.sh runs it to prove the key, the endpoint and the
/// network before it starts the service.
/// </summary>
internal static class PostOnceCommand
{
    public static async Task<int> RunAsync(AgentOptions options, IngestClient client, TimeProvider time, TextWriter output, TextWriter errors, CancellationToken cancellationToken = default)
    {
        using var systemd = new SystemdMonitor(options, time, NullLogger<SystemdMonitor>.Instance);
        using var checks = new CheckRunner(options, time, NullLogger<CheckRunner>.Instance);
        var live = new LiveSettings(options);
        var collector = new SampleCollector(time, options) { Systemd = systemd, CheckResults = checks.Results, Live = live };
        collector.Collect();
        await Task.WhenAll(
            Task.Delay(TimeSpan.FromSeconds(1), time, cancellationToken),
            systemd.RefreshAsync(cancellationToken),
            checks.RunOnceAsync(cancellationToken));
        var sample = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(collector.Collect(), ContractsJsonContext.Default.Sample);
        var settings = live.Current;
        var body = BatchBody.Gzip(options.HostId, collector.Platform, settings.SampleInterval.TotalSeconds, 0, [sample], settings.InForceJson, options.Tags);
        var response = await client.PostAsync(body, cancellationToken);
        switch (response)
        {
            case { Status: HttpStatusCode.OK, Reply: { Accepted: > 0 } }:
                await output.WriteLineAsync($"accepted {options.HostId}");
                return 0;
            case { Status: HttpStatusCode.OK, Reply: { Rejected: [var rejected, ..] } }:
                await errors.WriteLineAsync($"infra-agent: the server at {options.Endpoint} rejected the sample: {string.Join("; ", rejected.Errors)}");
                return 1;
            case { Status: null }:
                await errors.WriteLineAsync($"infra-agent: cannot reach {options.Endpoint}: {response.Error}");
                return 1;
            default:
                await errors.WriteLineAsync($"infra-agent: the server at {options.Endpoint} refused the sample: {response.Error}");
                return 1;
        }
    }
}
