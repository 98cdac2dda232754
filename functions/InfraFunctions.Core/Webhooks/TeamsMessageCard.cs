using System.Text.Json.Serialization;

namespace InfraFunctions.Core.Webhooks;

/// <summary>Teams incoming webhook, legacy MessageCard format (what Office 365 connectors and Workflows accept).</summary>
public sealed record TeamsMessageCard(
    [property: JsonPropertyName("@type")] string Type,
    [property: JsonPropertyName("@context")] string Context,
    [property: JsonPropertyName("summary")] string Summary,
    [property: JsonPropertyName("themeColor")] string ThemeColor,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("text")] string Text);
