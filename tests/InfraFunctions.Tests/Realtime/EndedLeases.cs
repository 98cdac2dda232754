using InfraFunctions.Core.Realtime;
using InfraFunctions.Testing;

namespace InfraFunctions.Tests.Realtime;

/// <summary>
/// Rewrites a connection's lease in the streams table the app reads as one that ended a minute ago, as it reads once
/// its dashboard stopped renewing it, so a test sees the app act on an ended lease without waiting one out on the
/// real clock. How long a lease lives, on a fake clock, is tested in InfraFunctions.Core.Tests (StreamLeasesTests).
/// </summary>
internal static class EndedLeases
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(60);

    public static async Task EndAsync(string storageConnectionString, string connectionId, params string[] hosts)
    {
        var takenAt = DateTimeOffset.UtcNow - Lease - TimeSpan.FromMinutes(1);
        var settings = new Dictionary<string, string?> { ["SignalR:LeaseSeconds"] = Lease.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        await using var core = CoreHarness.Create(storageConnectionString, takenAt, settings);
        var leases = core.Get<StreamLeases>();
        var owner = await leases.OwnerOfAsync(connectionId);
        var (expiresAt, _) = await leases.StartAsync(connectionId, hosts, owner);
        Assert.True(expiresAt < DateTimeOffset.UtcNow);
    }
}
