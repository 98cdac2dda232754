namespace InfraFunctions.Core.AgentSettings;

/// <summary>
/// The settings in force an agent reported with a batch, as the host's row keeps them: the list when it was within
/// bounds, or no list and the reason it was dropped.
/// </summary>
public sealed record ReportedSettings(IReadOnlyList<SettingInForce>? InForce, string? Problem)
{
    /// <summary>The batch's list, checked by <see cref="Validation.EnvelopeRules.SettingsProblem"/>; null when the agent sent none.</summary>
    public static ReportedSettings? From(IReadOnlyList<SettingInForce>? settings) =>
        settings is null
            ? null
            : Validation.EnvelopeRules.SettingsProblem(settings) is { } problem ? new ReportedSettings(null, problem) : new ReportedSettings(settings, null);
}
