namespace InfraFunctions.Core.Channels;

/// <summary>The kinds of notification channel, and which of the URL, routing key and API key each takes.</summary>
public static class ChannelKinds
{
    public const string Webhook = "webhook";
    public const string Slack = "slack";
    public const string Teams = "teams";
    public const string PagerDuty = "pagerduty";
    public const string Opsgenie = "opsgenie";
    public const string Discord = "discord";
    public const string Ntfy = "ntfy";

    /// <summary>Where PagerDuty's Events API v2 takes events when the channel names no URL.</summary>
    public const string PagerDutyDefaultUrl = "https://events.pagerduty.com/v2/enqueue";

    /// <summary>Opsgenie's API base when the channel names none (EU accounts use <c>https://api.eu.opsgenie.com</c>).</summary>
    public const string OpsgenieDefaultUrl = "https://api.opsgenie.com";

    public static readonly IReadOnlyList<string> All = [Webhook, Slack, Teams, PagerDuty, Opsgenie, Discord, Ntfy];

    public static bool IsKnown(string? kind) => kind is not null && All.Contains(kind, StringComparer.Ordinal);

    /// <summary>PagerDuty and Opsgenie have a default endpoint; every other kind is its URL.</summary>
    public static bool RequiresUrl(string kind) => kind is not (PagerDuty or Opsgenie);

    public static bool TakesRoutingKey(string kind) => kind == PagerDuty;

    public static bool TakesApiKey(string kind) => kind is Opsgenie or Ntfy;

    public static bool RequiresApiKey(string kind) => kind == Opsgenie;
}
