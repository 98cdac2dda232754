using InfraFunctions.Core.Health;

namespace InfraFunctions.Http;

/// <summary>The thresholds in force for a host, with the defaults and the host's own overrides.</summary>
public sealed record ThresholdsResponse(
    string Status,
    string HostId,
    ThresholdSet Thresholds,
    ThresholdSet Defaults,
    ThresholdOverrides Overrides,
    DateTimeOffset? UpdatedAt,
    string? UpdatedBy);
