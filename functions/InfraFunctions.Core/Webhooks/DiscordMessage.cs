namespace InfraFunctions.Core.Webhooks;

/// <summary>
/// A Discord webhook message: <c>content</c> at most 2,000 characters. <c>allowed_mentions</c> with no parse types
/// keeps a host name or message holding <c>@everyone</c> from pinging anyone.
/// </summary>
public sealed record DiscordMessage(string Content, DiscordAllowedMentions AllowedMentions);

public sealed record DiscordAllowedMentions(IReadOnlyList<string> Parse);
