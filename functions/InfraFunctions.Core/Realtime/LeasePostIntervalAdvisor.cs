using InfraFunctions.Core.Ingest;

namespace InfraFunctions.Core.Realtime;

/// <summary>Tells a watched host's agent to post every 2 s (SignalR__StreamPostIntervalSeconds), every other agent the normal interval.</summary>
public sealed class LeasePostIntervalAdvisor(SignalRAccess access, StreamLeases leases, IOptionsMonitor<SignalROptions> signalR, IOptionsMonitor<IngestOptions> ingest)
    : IPostIntervalAdvisor
{
    public async Task<int> NextPostSecondsAsync(string hostId, CancellationToken cancellationToken = default) =>
        access.IsConfigured && await leases.IsWatchedAsync(hostId, cancellationToken)
            ? signalR.CurrentValue.StreamPostIntervalSeconds
            : ingest.CurrentValue.PostIntervalSeconds;
}
