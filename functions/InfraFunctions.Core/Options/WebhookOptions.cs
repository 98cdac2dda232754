using System.ComponentModel.DataAnnotations;

namespace InfraFunctions.Core.Options;

/// <summary>
/// Where alert events are sent. Each list is URLs separated by spaces, commas or semicolons; empty sends nothing.
/// App settings: <c>Webhooks__GenericUrls</c>, <c>Webhooks__SlackUrls</c>, <c>Webhooks__TeamsUrls</c>.
/// </summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>Receivers of the plain JSON event.</summary>
    public string GenericUrls { get; set; } = string.Empty;

    /// <summary>Slack incoming webhooks (<c>{"text": ...}</c>).</summary>
    public string SlackUrls { get; set; } = string.Empty;

    /// <summary>Teams incoming webhooks (MessageCard).</summary>
    public string TeamsUrls { get; set; } = string.Empty;

    /// <summary>Tries per delivery, the first included.</summary>
    [Range(1, 20)] public int MaxAttempts { get; set; } = 6;

    /// <summary>Wait before the first retry; each further retry doubles it, up to five minutes.</summary>
    [Range(1, 600_000)] public int RetryDelayMilliseconds { get; set; } = 2000;

    /// <summary>Per-request timeout.</summary>
    [Range(1, 300)] public int TimeoutSeconds { get; set; } = 10;

    public static IReadOnlyList<string> Split(string? urls) =>
        (urls ?? string.Empty).Split([' ', ',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
