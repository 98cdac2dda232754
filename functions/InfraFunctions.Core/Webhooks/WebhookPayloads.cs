using System.Text.Json.Serialization;
using InfraFunctions.Contracts;
using InfraFunctions.Core.Alerts;

namespace InfraFunctions.Core.Webhooks;

/// <summary>Slack incoming webhook: the text is what Slack shows.</summary>
public sealed record SlackMessage(string Text);

/// <summary>Teams incoming webhook, legacy MessageCard format (what Office 365 connectors and Workflows accept).</summary>
public sealed record TeamsMessageCard(
    [property: JsonPropertyName("@type")] string Type,
    [property: JsonPropertyName("@context")] string Context,
    [property: JsonPropertyName("summary")] string Summary,
    [property: JsonPropertyName("themeColor")] string ThemeColor,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("text")] string Text);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(UtcTimestampConverter)])]
[JsonSerializable(typeof(AlertEvent))]
[JsonSerializable(typeof(SlackMessage))]
[JsonSerializable(typeof(TeamsMessageCard))]
internal sealed partial class WebhookJsonContext : JsonSerializerContext;
