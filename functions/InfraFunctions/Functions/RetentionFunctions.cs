using InfraFunctions.Core.Realtime;
using InfraFunctions.Core.Retention;

namespace InfraFunctions.Functions;

public sealed class RetentionFunctions(RetentionService retention, StreamLeases leases, SignalRAccess access, SignalRRestClient signalR)
{
    /// <summary>Leases that ended more than this long ago are deleted; nothing reads them any more.</summary>
    private static readonly TimeSpan LeaseGrace = TimeSpan.FromHours(1);

    [Function(nameof(RetentionCleanup))]
    public async Task<RetentionReport> RetentionCleanup(
        [TimerTrigger("%" + Core.AppSettingNames.RetentionSchedule + "%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var report = await retention.RunAsync(cancellationToken);
        Func<string, CancellationToken, Task>? leaveGroups = access.IsConfigured ? signalR.RemoveFromAllGroupsAsync : null;
        return report with { ExpiredStreamLeases = await leases.PurgeExpiredAsync(LeaseGrace, leaveGroups, cancellationToken) };
    }
}
