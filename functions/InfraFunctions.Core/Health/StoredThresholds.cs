namespace InfraFunctions.Core.Health;

/// <summary>A host's stored overrides and who last changed them.</summary>
public sealed record StoredThresholds(ThresholdOverrides Overrides, DateTimeOffset UpdatedAt, string UpdatedBy);
