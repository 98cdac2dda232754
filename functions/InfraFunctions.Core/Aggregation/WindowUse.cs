namespace InfraFunctions.Core.Aggregation;

/// <summary>Which endpoints accept a time window.</summary>
[Flags]
public enum WindowUse
{
    None = 0,

    /// <summary>The host summary, raw samples or rollups.</summary>
    Summary = 1,

    /// <summary>The observability metrics and traces, and the anomalies up to <see cref="TimeWindows.AnomalyRawLimit"/>.</summary>
    Observability = 2,

    /// <summary>The host page's window picker: every endpoint it asks (summary, traces, metrics, anomalies capped) accepts them.</summary>
    Dashboard = 4,
}
