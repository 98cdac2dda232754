namespace InfraFunctions.Core.Webhooks;

/// <summary>The three receiver formats: the event as JSON, Slack's <c>{"text"}</c>, and a Teams MessageCard.</summary>
public enum WebhookFormat
{
    Generic,
    Slack,
    Teams,
}
