namespace InfraFunctions.Core.AgentSettings;

/// <summary>
/// The settings in force an agent reported with a batch, as the host's row keeps them: the list when it was within
/// bounds, or no list and the reason it was dropped.
/// </summary>
public sealed record ReportedSettings(IReadOnlyList<SettingInForce>? InForce, string? Problem)
{
    /// <summary>
    /// Most bytes the list may take as stored JSON, inside a binary property's 64 KiB: JSON escapes some characters
    /// to six bytes, so text within <see cref="Validation.EnvelopeRules.MaxSettingsTotalBytes"/> can still grow past it.
    /// </summary>
    public const int MaxStoredBytes = 48 * 1024;

    /// <summary>The batch's list, checked by <see cref="Validation.EnvelopeRules.SettingsProblem"/> and for its stored size; null when the agent sent none.</summary>
    public static ReportedSettings? From(IReadOnlyList<SettingInForce>? settings)
    {
        if (settings is null)
        {
            return null;
        }

        if (Validation.EnvelopeRules.SettingsProblem(settings) is { } problem)
        {
            return new ReportedSettings(null, problem);
        }

        var stored = JsonSerializer.SerializeToUtf8Bytes(settings, AgentSettingsJsonContext.Default.IReadOnlyListSettingInForce).Length;
        return stored > MaxStoredBytes
            ? new ReportedSettings(null, $"settings: {stored} bytes as stored JSON; the limit is {MaxStoredBytes}.")
            : new ReportedSettings(settings, null);
    }
}
