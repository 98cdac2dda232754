using InfraFunctions.Core.Ingest;

namespace InfraFunctions.Core.Alerts;

/// <summary>
/// Alerts from the systemd units and service checks of each accepted sample, in time order, on the same tracks as the
/// threshold alerts (<see cref="AlertRule"/>): "unit failed" (critical) and "watched unit not active" (warning), held
/// for <c>Alerts__DurationSeconds</c>; "check down" (critical) held for <c>Alerts__CheckDownSeconds</c>, timed by the
/// check's own results; "certificate expiring" (warning under <c>Alerts__CertificateWarningDays</c>, critical under
/// <c>Alerts__CertificateCriticalDays</c> or expired). Each resolves when a sample shows it cleared; a sample without the
/// part, or whose collector reported an error, says nothing about it, so a gap never resolves anything.
/// </summary>
public sealed class ServiceAlertEvaluator(AlertTrackStore tracks, AlertPublisher publisher, IOptionsMonitor<AlertOptions> options) : IIngestSubscriber
{
    private const string Systemd = "systemd";
    private const string ChecksCollector = "checks";

    public async Task OnIngestedAsync(IngestedBatch batch, CancellationToken cancellationToken = default)
    {
        if (batch.Samples.All(s => s.Sample.SystemdUnits is null && s.Sample.Checks is null))
        {
            return; // an agent without these collectors: not even a read of the tracks
        }

        var run = new ServiceAlertRun(batch.HostId, await tracks.ReadAsync(batch.HostId, cancellationToken), publisher, cancellationToken);
        var o = options.CurrentValue;
        foreach (var sample in batch.Samples.Select(s => s.Sample).OrderBy(s => s.Timestamp))
        {
            if (sample.SystemdUnits is { } units && !Failed(sample, Systemd))
            {
                await UnitsAsync(run, sample.Timestamp, units, TimeSpan.FromSeconds(o.DurationSeconds));
            }

            if (sample.Checks is { } checks && !Failed(sample, ChecksCollector))
            {
                await ChecksAsync(run, sample.Timestamp, checks, o);
            }
        }

        await tracks.WriteAsync(batch.HostId, run.Changed, cancellationToken);
    }

    private static async Task UnitsAsync(ServiceAlertRun run, DateTimeOffset at, IReadOnlyList<SystemdUnit> units, TimeSpan duration)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var u in units.DistinctBy(u => u.Name, StringComparer.Ordinal))
        {
            var metric = AlertMetrics.SystemdUnitPrefix + u.Name;
            var failed = u.ActiveState == "failed";
            seen.Add(await run.StepAsync(metric, Severity.Critical, u.Name, at, failed, duration, 1, 1, _ => HealthMessages.UnitFailed(u.Name), HealthMessages.UnitNoLongerFailed(u.Name)));
            if (u.Watched)
            {
                var notActive = u.ActiveState is not ("active" or "reloading" or "failed");
                seen.Add(await run.StepAsync(metric, Severity.Warning, u.Name, at, notActive, duration, 1, 1,
                    _ => HealthMessages.WatchedUnitNotActive(u.Name, u.ActiveState, u.SubState), HealthMessages.WatchedUnitActive(u.Name)));
            }
        }

        await run.ClearUnseenAsync(AlertMetrics.SystemdUnitPrefix, seen, at, duration, (subject, warning) => warning ? HealthMessages.WatchedUnitNoLongerReported(subject) : HealthMessages.UnitNoLongerFailed(subject));
    }

    private static async Task ChecksAsync(ServiceAlertRun run, DateTimeOffset at, IReadOnlyList<CheckResult> checks, AlertOptions o)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var downFor = TimeSpan.FromSeconds(o.CheckDownSeconds);
        foreach (var c in checks.DistinctBy(c => c.Name, StringComparer.Ordinal))
        {
            var subject = HealthMessages.CheckSubject(c.Name, c.Target);
            seen.Add(await run.StepAsync(AlertMetrics.CheckPrefix + c.Name, Severity.Critical, subject, c.CheckedAt, !c.Up, downFor, 0, o.CheckDownSeconds,
                track => HealthMessages.CheckDown(subject, c.CheckedAt - (track.AboveSince ?? c.CheckedAt), c.Error), HealthMessages.CheckUp(subject),
                track => (c.CheckedAt - (track.AboveSince ?? c.CheckedAt)).TotalSeconds, clearAfter: TimeSpan.Zero));
            if (c.CertificateDaysLeft is not { } days)
            {
                // Not an HTTPS check, or no handshake this time: nothing is known about the certificate, so its tracks stay.
                seen.Add(AlertTrackStore.ItemKey(AlertMetrics.CertificatePrefix + c.Name, Severity.Warning));
                seen.Add(AlertTrackStore.ItemKey(AlertMetrics.CertificatePrefix + c.Name, Severity.Critical));
                continue;
            }

            foreach (var (severity, limit) in new[] { (Severity.Warning, o.CertificateWarningDays), (Severity.Critical, o.CertificateCriticalDays) })
            {
                seen.Add(await run.StepAsync(AlertMetrics.CertificatePrefix + c.Name, severity, subject, c.CheckedAt, days < limit, TimeSpan.Zero, days, limit,
                    _ => HealthMessages.CertificateExpiring(subject, days), HealthMessages.CertificateRenewed(subject, days)));
            }
        }

        // A check no longer configured resolves its alerts; its certificate track goes with it.
        await run.ClearUnseenAsync(AlertMetrics.CheckPrefix, seen, at, TimeSpan.Zero, (subject, _) => HealthMessages.CheckNoLongerReported(subject));
        await run.ClearUnseenAsync(AlertMetrics.CertificatePrefix, seen, at, TimeSpan.Zero, (subject, _) => HealthMessages.CertificateNoLongerReported(subject));
    }

    private static bool Failed(Sample sample, string collector) =>
        sample.CollectorErrors?.Any(e => string.Equals(e.Collector, collector, StringComparison.Ordinal)) == true;
}
