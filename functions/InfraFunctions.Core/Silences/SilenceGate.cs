using InfraFunctions.Core.Alerts;

namespace InfraFunctions.Core.Silences;

/// <summary>
/// Decides whether channels get an alert event now. Held: any event while an active silence matches the alert
/// (<c>silenced</c>, sent once by <see cref="AlertNotificationSweep"/> when the silence ends), and the raises of a
/// flapping alert (<c>flapping</c>, which its one summary stands for). A resolve of an alert channels
/// were never sent goes nowhere: the receiver never heard of it. Each decision is recorded on the stored alert.
/// </summary>
public sealed class SilenceGate(AlertRepository alerts, SilenceFinder silences, TimeProvider time, ILogger<SilenceGate> logger) : IAlertNotificationGate
{
    public const string Silenced = "silenced";
    public const string FlappingHold = "flapping";
    public const string NeverSent = "never_sent";

    public async Task<NotificationDecision> DecideAsync(AlertEvent alert, CancellationToken cancellationToken = default)
    {
        if (alert.Kind == AlertKinds.Test)
        {
            return NotificationDecision.Now;
        }

        var now = time.GetUtcNow();
        var decision = await DecideNowAsync(alert, now, cancellationToken);
        var resolve = alert.Kind == AlertKinds.Resolved;
        await alerts.UpdateAsync(alert.AlertId, a => decision switch
        {
            { Send: true } when resolve => a with { HeldFor = null, SilenceId = null },
            { Send: true } => a with { HeldFor = null, SilenceId = null, NotifiedAt = now },
            { HeldFor: NeverSent } => a with { HeldFor = null, SilenceId = null },
            _ => a with { HeldFor = decision.HeldFor, SilenceId = decision.SilenceId },
        }, cancellationToken);
        if (!decision.Send)
        {
            logger.LogInformation("Alert {AlertId} ({Kind}) is not sent to channels now: {HeldFor} {SilenceId}", alert.AlertId, alert.Kind, decision.HeldFor, decision.SilenceId);
        }

        return decision;
    }

    private async Task<NotificationDecision> DecideNowAsync(AlertEvent alert, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (alert.Kind == AlertKinds.Resolved && (await alerts.GetAsync(alert.AlertId, cancellationToken))?.NotifiedAt is null)
        {
            return new NotificationDecision(false, NeverSent);
        }

        if (await silences.HoldingAsync(alert.HostId, alert.RuleId, now, cancellationToken) is { } silence)
        {
            return new NotificationDecision(false, Silenced, silence.Id);
        }

        // A flapping alert's raises are held behind its summary; a resolve reaching this point is of an alert channels
        // were sent (its summary, or its raise before it flapped), and goes, so no receiver keeps an incident open.
        return alert.Flapping && alert.Kind == AlertKinds.Raised ? new NotificationDecision(false, FlappingHold) : NotificationDecision.Now;
    }
}
