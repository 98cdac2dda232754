namespace InfraFunctions.Core.Options;

/// <summary>Azure Monitor sources for the traces and metrics endpoints (DESIGN §9). Unset locally.</summary>
public sealed class MonitorOptions
{
    public const string SectionName = "Monitor";

    /// <summary>The Log Analytics workspace id (its customer id, a GUID) that Application Insights writes to.</summary>
    public string? WorkspaceId { get; set; }

    /// <summary>The function app's own ARM resource id, for its platform metrics.</summary>
    public string? FunctionAppResourceId { get; set; }

    /// <summary>The managed identity's client id used for the Monitor APIs.</summary>
    public string? ClientId { get; set; }
}
