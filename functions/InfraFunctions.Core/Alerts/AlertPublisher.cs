namespace InfraFunctions.Core.Alerts;

/// <summary>
/// Stores raise and resolve events in <c>alerts</c>, then hands each to every registered <see cref="IAlertNotifier"/>
/// (webhooks, live push) at once; a failing notifier is logged and affects neither the others nor the caller.
/// </summary>
public sealed class AlertPublisher(AlertRepository alerts, IEnumerable<IAlertNotifier> notifiers, ILogger<AlertPublisher> logger)
{
    /// <summary>Raises an alert of a built-in check (its rule follows from the metric).</summary>
    public Task<AlertRecord> RaiseAsync(string hostId, string metric, string severity, double value, double threshold, string message, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        RaiseAsync(AlertOrigin.BuiltIn(metric), hostId, metric, severity, value, threshold, message, at, cancellationToken);

    /// <summary>Raises an alert of <paramref name="origin"/>'s rule, routed to its channels.</summary>
    public Task<AlertRecord> RaiseAsync(AlertOrigin origin, string hostId, string metric, string severity, double value, double threshold, string message, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        RaiseAsync(origin, hostId, metric, severity, value, threshold, message, at, flapping: false, cancellationToken);

    /// <summary>Raises an alert of <paramref name="origin"/>'s rule; one of a flapping track is stored and announced as flapping, so its notification is held.</summary>
    public async Task<AlertRecord> RaiseAsync(AlertOrigin origin, string hostId, string metric, string severity, double value, double threshold, string message, DateTimeOffset at, bool flapping, CancellationToken cancellationToken = default)
    {
        var alert = new AlertRecord(AlertRepository.NewId(at), hostId, metric, severity, AlertStates.Open, value, threshold, message, at)
        {
            RuleId = origin.RuleId,
            RuleName = origin.RuleName,
            Channels = origin.Channels,
            RenotifyMinutes = origin.RenotifyMinutes,
            Flapping = flapping,
        };
        await alerts.AddAsync(alert, cancellationToken);
        logger.LogWarning("Alert {AlertId} raised for host {HostId}: {Message}", alert.Id, hostId, message);
        await NotifyAsync(AlertEvent.Of(alert, AlertKinds.Raised), cancellationToken);
        return alert;
    }

    public Task<AlertRecord?> ResolveAsync(string alertId, double value, string message, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        ResolveAsync(alertId, value, message, at, null, cancellationToken);

    /// <summary>Resolves an alert; <paramref name="flapping"/>, when given, is stored on it and so carried by the resolve event.</summary>
    public async Task<AlertRecord?> ResolveAsync(string alertId, double value, string message, DateTimeOffset at, bool? flapping, CancellationToken cancellationToken = default)
    {
        var wasOpen = false;
        var alert = await alerts.UpdateAsync(alertId, a =>
        {
            wasOpen = a.State == AlertStates.Open;
            return wasOpen ? a with { State = AlertStates.Resolved, ResolvedAt = at, ResolvedValue = value, Flapping = flapping ?? a.Flapping } : a;
        }, cancellationToken);
        if (alert is null || !wasOpen)
        {
            return alert; // already resolved (a concurrent run), or gone: no second event
        }

        logger.LogInformation("Alert {AlertId} resolved for host {HostId}: {Message}", alert.Id, alert.HostId, message);
        await NotifyAsync(AlertEvent.Of(alert, AlertKinds.Resolved, message), cancellationToken);
        return alert;
    }

    /// <summary>Resolves a host's <c>host_down</c> alert because the host is reporting again, seen first by ingest or by the stale sweep.</summary>
    public Task<AlertRecord?> ResolveHostDownAsync(string hostId, string alertId, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        ResolveAsync(alertId, 0, HealthMessages.ReportingAgain(hostId), at, cancellationToken);

    /// <summary>Hands an event about a stored alert (a re-notify, a flapping summary) to every notifier.</summary>
    public Task NotifyAsync(AlertEvent alert, CancellationToken cancellationToken = default) =>
        Task.WhenAll(notifiers.Select(async notifier =>
        {
            try
            {
                await notifier.NotifyAsync(alert, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Alert notifier {Notifier} failed for alert {AlertId}", notifier.GetType().Name, alert.AlertId);
            }
        }));
}
