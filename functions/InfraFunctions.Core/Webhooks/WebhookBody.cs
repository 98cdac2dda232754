using InfraFunctions.Core.Alerts;
using InfraFunctions.Core.Channels;

namespace InfraFunctions.Core.Webhooks;

/// <summary>The texts and the bodies of the webhook, Slack and Teams channels, and the lines the other kinds reuse.</summary>
public static class WebhookBody
{
    public static byte[] Of(AlertEvent alert, string kind) => kind switch
    {
        ChannelKinds.Slack => JsonSerializer.SerializeToUtf8Bytes(new SlackMessage(Line(alert)), WebhookJsonContext.Default.SlackMessage),
        ChannelKinds.Teams => JsonSerializer.SerializeToUtf8Bytes(
            new TeamsMessageCard("MessageCard", "https://schema.org/extensions", Title(alert), Color(alert), Title(alert), Details(alert)),
            WebhookJsonContext.Default.TeamsMessageCard),
        _ => JsonSerializer.SerializeToUtf8Bytes(alert, WebhookJsonContext.Default.AlertEvent),
    };

    public static string Title(AlertEvent a) => $"[{Label(a)}] {a.HostId}: {a.Message}";

    /// <summary>The title and the details on one line.</summary>
    public static string Line(AlertEvent a) => $"{Title(a)} ({Details(a)})";

    public static string Details(AlertEvent a) => a.Kind == AlertKinds.Test
        ? $"a test message, alert {a.AlertId}"
        : string.Create(CultureInfo.InvariantCulture,
            $"metric {a.Metric}, value {a.Value:0.0}, threshold {a.Threshold:0.0}, raised {a.RaisedAt:yyyy-MM-dd HH:mm:ss}Z{(a.ResolvedAt is { } r ? $", resolved {r:yyyy-MM-dd HH:mm:ss}Z" : string.Empty)}{(a.RuleName is { Length: > 0 } rule ? $", rule {rule}" : string.Empty)}, alert {a.AlertId}");

    private static string Label(AlertEvent a) => a.Kind switch
    {
        AlertKinds.Resolved => "RESOLVED",
        AlertKinds.Test => "TEST",
        AlertKinds.Flapping => "FLAPPING",
        _ => a.Severity.ToUpperInvariant(),
    };

    private static string Color(AlertEvent a) =>
        a.Kind is AlertKinds.Resolved or AlertKinds.Test ? "2EB67D" : a.Severity == Severity.Critical ? "E01E5A" : "ECB22E";
}
