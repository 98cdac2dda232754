namespace InfraFunctions.Core.Webhooks;

/// <summary>Slack incoming webhook: the text is what Slack shows.</summary>
public sealed record SlackMessage(string Text);
