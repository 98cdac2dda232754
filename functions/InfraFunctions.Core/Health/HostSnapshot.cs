namespace InfraFunctions.Core.Health;

/// <summary>A host's stored row and latest sample, and how <see cref="HostHealth"/> judges it now.</summary>
public sealed record HostSnapshot(HostRecord Host, HostHealth Health)
{
    public static HostSnapshot Of(HostRecord host, ThresholdSet thresholds, Staleness staleness, DateTimeOffset now, bool criticalAlertOpen) =>
        new(host, HostHealth.Of(host, thresholds, staleness, now, criticalAlertOpen));
}
