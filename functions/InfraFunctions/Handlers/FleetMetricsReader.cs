using InfraFunctions.Core.Monitor;

namespace InfraFunctions.Handlers;

/// <summary>
/// Every instance's instrument sums for the <c>metrics</c> endpoint, from the workspace's <c>AppMetrics</c>. On Flex
/// Consumption each instance counts only its own requests, so only the exported metrics add up to the whole fleet.
/// </summary>
public sealed class FleetMetricsReader(MonitorClients monitor, IOptionsMonitor<MonitorOptions> options, ILogger<FleetMetricsReader> logger)
{
    public static readonly string NotConfiguredNote =
        $"Fleet-wide figures are off: set {MonitorOptions.WorkspaceSetting} to the Log Analytics workspace of the app's Application Insights "
        + "(the Bicep does in Azure). The ingest counters shown are this instance's only.";

    /// <summary>The fleet's sums over <paramref name="window"/>, or null with the reason; a failure never fails the endpoint.</summary>
    public async Task<(FleetMetrics? Fleet, string? Note)> ReadAsync(TimeSpan window, CancellationToken cancellationToken = default)
    {
        var workspace = options.CurrentValue.WorkspaceId;
        if (string.IsNullOrWhiteSpace(workspace))
        {
            return (null, NotConfiguredNote);
        }

        try
        {
            var result = await monitor.Logs.QueryAsync(workspace, FleetMetricsQuery.Build(), window, cancellationToken);
            var fleet = FleetMetricsQuery.Map(result.Tables.Count == 0 ? null : result.Tables[0]);
            if (result.PartialError is { } partial)
            {
                logger.LogWarning("Log Analytics returned partial fleet metrics: {PartialError}", partial);
                return (fleet, $"Fleet-wide figures may be incomplete: {partial}");
            }

            return (fleet, null);
        }
        catch (Exception ex) when (ex is MonitorServiceException or Azure.RequestFailedException or Azure.Identity.AuthenticationFailedException)
        {
            // The rest of the reply still answers; the note says why the fleet part is missing.
            logger.LogWarning(ex, "Fleet metrics query failed");
            return (null, $"Fleet-wide figures are unavailable: {ex.Message}");
        }
    }
}
