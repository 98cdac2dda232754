namespace InfraFunctions.Core.Health;

/// <summary>The <c>threshold_check</c> block: status word, messages, and the thresholds applied.</summary>
public sealed record ThresholdCheck(
    string Status,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> Critical,
    ThresholdSet Thresholds);
