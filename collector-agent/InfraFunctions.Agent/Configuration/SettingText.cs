using Microsoft.Extensions.Configuration;

namespace InfraFunctions.Agent;

/// <summary>How every setting's text is read, whichever reader checks its meaning.</summary>
internal static class SettingText
{
    /// <summary>The value without surrounding whitespace; null when missing or blank, so the default applies.</summary>
    public static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>A list setting: a comma list from the environment and flags, or a JSON array in the file.</summary>
    public static string[] Items(IConfigurationSection section) =>
        section.Value is { } list ? list.Split(',') : section.GetChildren().Select(c => c.Value ?? "").ToArray();
}
