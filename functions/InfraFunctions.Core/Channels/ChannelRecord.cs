namespace InfraFunctions.Core.Channels;

/// <summary>
/// A notification channel: where alert events go and how. <see cref="Url"/>, <see cref="RoutingKey"/> and
/// <see cref="ApiKey"/> are secrets (a Slack or Discord webhook URL is enough to post to it): they are stored in their
/// own columns, never returned by the API and never logged; <see cref="ToString"/> leaves them out.
/// </summary>
/// <param name="Id"><c>ch-</c> + 12 hex for channels made through the API; <c>config-&lt;kind&gt;-&lt;n&gt;</c> for configured ones.</param>
/// <param name="IsDefault">It gets the alerts of rules that name no channel, and the built-in checks' alerts.</param>
/// <param name="Source"><see cref="FromApi"/> or <see cref="FromConfiguration"/> (read-only).</param>
public sealed record ChannelRecord(
    string Id,
    string Name,
    string Kind,
    bool IsDefault,
    string Source,
    string? Url,
    string? RoutingKey,
    string? ApiKey,
    DateTimeOffset? UpdatedAt,
    string? UpdatedBy)
{
    public const string FromApi = "api";
    public const string FromConfiguration = "configuration";

    public bool IsConfigured => Source == FromConfiguration;

    /// <summary>The URL requests go to: the channel's own, or its kind's default endpoint.</summary>
    public Uri? Endpoint => Url is { Length: > 0 } url ? new Uri(url, UriKind.Absolute)
        : Kind == ChannelKinds.PagerDuty ? new Uri(ChannelKinds.PagerDutyDefaultUrl)
        : Kind == ChannelKinds.Opsgenie ? new Uri(ChannelKinds.OpsgenieDefaultUrl)
        : null;

    /// <summary>Names the channel without any secret, so a record that reaches a log or a message leaks nothing.</summary>
    public override string ToString() => $"channel {Id} ({Kind})";
}
