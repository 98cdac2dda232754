namespace InfraFunctions.Core.Storage;

/// <summary>One page of the fleet in table order; <see cref="After"/> is the host to continue after, null on the last page.</summary>
public sealed record HostSummaryPage(IReadOnlyList<HostSummaryRow> Rows, string? After);
