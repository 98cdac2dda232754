using InfraFunctions.Core.Alerts;

namespace InfraFunctions.Core.Silences;

/// <summary>
/// Each minute: sends once every held open alert whose silence has ended (as <c>raised</c>; flapping ones wait for
/// their summary to settle), every held resolve of an alert channels were sent (as <c>resolved</c>), and sends again
/// (<c>renotify</c>) each open, unacknowledged, unheld alert whose rule's <c>renotify_minutes</c> have passed since it
/// was last sent. Each send is claimed first by a write guarded by the alert row's ETag, so when several instances
/// run the sweep at once only one of them sends. Silences over for <see cref="KeepEnded"/> are deleted.
/// </summary>
public sealed class AlertNotificationSweep(AlertRepository alerts, SilenceFinder silences, SilenceRepository silenceStore, IAlertChannelSender sender, TimeProvider time, ILogger<AlertNotificationSweep> logger)
{
    public static readonly TimeSpan KeepEnded = TimeSpan.FromDays(7);

    public async Task<AlertNotifyReport> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var active = await silences.ActiveAsync(now, cancellationToken);
        var open = await alerts.ListAsync(null, AlertStates.Open, null, cancellationToken);
        var heldResolves = (await alerts.ListHeldAsync(SilenceGate.Silenced, cancellationToken)).Where(a => a.State == AlertStates.Resolved).ToArray();
        List<string> sent = [], resolves = [], renotified = [];
        var stillHeld = 0;
        foreach (var alert in open.Concat(heldResolves))
        {
            if (alert.HeldFor == SilenceGate.Silenced)
            {
                if (alert.Flapping || await silences.HoldingAsync(active, alert.HostId, alert.RuleId, cancellationToken) is not null)
                {
                    stillHeld++;
                }
                else if (await ClaimAsync(alert.Id, a => a.HeldFor == SilenceGate.Silenced, a => a with { HeldFor = null, SilenceId = null, NotifiedAt = a.State == AlertStates.Open ? now : a.NotifiedAt }, cancellationToken) is { } claimed)
                {
                    await SendHeldAsync(claimed, sent, resolves, cancellationToken);
                }
            }
            else if (alert is { HeldFor: null, RenotifyMinutes: > 0, NotifiedAt: { } last, AcknowledgedAt: null, Flapping: false }
                && alert.State == AlertStates.Open
                && now - last >= TimeSpan.FromMinutes(alert.RenotifyMinutes)
                && await silences.HoldingAsync(active, alert.HostId, alert.RuleId, cancellationToken) is null
                && await ClaimAsync(alert.Id, a => a.State == AlertStates.Open && a.HeldFor is null && a.NotifiedAt == last, a => a with { NotifiedAt = now }, cancellationToken) is { } due)
            {
                await sender.SendAsync(AlertEvent.Of(due, AlertKinds.Renotify, $"Still open: {due.Message}"), cancellationToken);
                renotified.Add(due.Id);
            }
        }

        var forgotten = 0;
        foreach (var ended in (await silenceStore.ListAsync(cancellationToken)).Where(s => s.IsOver(now - KeepEnded)))
        {
            forgotten += await silenceStore.DeleteAsync(ended.Id, cancellationToken) ? 1 : 0;
        }

        return new AlertNotifyReport(now, open.Count + heldResolves.Length, sent, resolves, renotified, stillHeld, forgotten);
    }

    private async Task SendHeldAsync(AlertRecord alert, List<string> sent, List<string> resolves, CancellationToken cancellationToken)
    {
        if (alert.State == AlertStates.Open)
        {
            await sender.SendAsync(AlertEvent.Of(alert, AlertKinds.Raised), cancellationToken);
            sent.Add(alert.Id);
        }
        else if (alert.NotifiedAt is not null)
        {
            await sender.SendAsync(AlertEvent.Of(alert, AlertKinds.Resolved, $"Resolved while silenced: {alert.Message}"), cancellationToken);
            resolves.Add(alert.Id);
        }

        logger.LogInformation("Alert {AlertId} ({State}) was held by a silence that has ended", alert.Id, alert.State);
    }

    /// <summary>The alert as changed, when this run's write made the change; null when another run got there first.</summary>
    private async Task<AlertRecord?> ClaimAsync(string id, Func<AlertRecord, bool> due, Func<AlertRecord, AlertRecord> change, CancellationToken cancellationToken)
    {
        var claimed = false;
        var updated = await alerts.UpdateAsync(id, a =>
        {
            claimed = due(a);
            return claimed ? change(a) : a;
        }, cancellationToken);
        return claimed ? updated : null;
    }
}
