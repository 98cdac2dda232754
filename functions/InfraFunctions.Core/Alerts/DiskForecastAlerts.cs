using InfraFunctions.Core.Telemetry;
using InfraFunctions.Core.Anomalies;

namespace InfraFunctions.Core.Alerts;

/// <summary>
/// One <c>disk_forecast</c> warning per host while its root disk is projected full within 14 days, resolved when a
/// later projection no longer says so. Only the hourly sweep raises and resolves; the anomalies endpoint reads.
/// </summary>
public sealed class DiskForecastAlerts(HostRepository hosts, AnomalyService scanner, AlertRepository alerts, AlertPublisher publisher, TimeProvider time)
{
    public const string Metric = "disk_forecast";

    /// <summary>The value a resolve records when the disk is not filling at all (no finite days-to-full), 100 years.</summary>
    private const double NotFillingDays = 36500;

    /// <summary>Raises the warning for a projection that calls for one, unless one is open; returns the open alert's id.</summary>
    private async Task<string> RaiseAsync(string hostId, DiskForecast forecast, CancellationToken cancellationToken = default)
    {
        if (await OpenAsync(hostId, cancellationToken) is { } existing)
        {
            return existing.Id;
        }

        var raised = await publisher.RaiseAsync(hostId, Metric, Severity.Warning, forecast.DaysToFull ?? 0, DiskForecaster.WarnWithinDays, forecast.Message, time.GetUtcNow(), cancellationToken);
        return raised.Id;
    }

    /// <summary>The id of the host's open forecast alert, or null; a read only.</summary>
    public async Task<string?> OpenAlertIdAsync(string hostId, CancellationToken cancellationToken = default) =>
        (await OpenAsync(hostId, cancellationToken))?.Id;

    /// <summary>Projects every host that reported within the forecast's lookback; raises and resolves accordingly.</summary>
    public async Task<DiskForecastReport> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var recent = (await hosts.ListAsync(cancellationToken)).Where(h => now - h.LastSeen < DiskForecaster.Lookback).ToArray();
        List<string> warned = [], raised = [], resolved = [];
        foreach (var host in recent)
        {
            using var span = InfraTelemetry.Start(InfraTelemetry.ForecastHost);
            span?.SetTag("infra.host_id", host.HostId);
            // Too little history gives no projection, and then nothing changes either way.
            if (await scanner.ForecastDiskAsync(host.HostId, cancellationToken) is not { } forecast)
            {
                continue;
            }

            var open = await OpenAsync(host.HostId, cancellationToken);
            if (forecast.Warning)
            {
                warned.Add(host.HostId);
                if (open is null)
                {
                    await RaiseAsync(host.HostId, forecast, cancellationToken);
                    raised.Add(host.HostId);
                }
            }
            else if (open is not null)
            {
                await publisher.ResolveAsync(open.Id, forecast.DaysToFull ?? NotFillingDays, forecast.Message, now, cancellationToken);
                resolved.Add(host.HostId);
            }
        }

        return new DiskForecastReport(now, recent.Length, warned, raised, resolved);
    }

    private async Task<AlertRecord?> OpenAsync(string hostId, CancellationToken cancellationToken) =>
        (await alerts.ListAsync(hostId, AlertStates.Open, null, cancellationToken)).FirstOrDefault(a => a.Metric == Metric);
}
