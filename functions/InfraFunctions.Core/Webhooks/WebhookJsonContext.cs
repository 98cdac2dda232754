using System.Text.Json.Serialization;
using InfraFunctions.Core.Alerts;

namespace InfraFunctions.Core.Webhooks;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(UtcTimestampConverter)])]
[JsonSerializable(typeof(AlertEvent))]
[JsonSerializable(typeof(SlackMessage))]
[JsonSerializable(typeof(TeamsMessageCard))]
[JsonSerializable(typeof(PagerDutyEvent))]
[JsonSerializable(typeof(OpsgenieAlert))]
[JsonSerializable(typeof(OpsgenieClose))]
[JsonSerializable(typeof(DiscordMessage))]
internal sealed partial class WebhookJsonContext : JsonSerializerContext;
