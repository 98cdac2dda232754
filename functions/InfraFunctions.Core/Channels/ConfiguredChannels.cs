namespace InfraFunctions.Core.Channels;

/// <summary>
/// The channels the app settings name: each URL of <c>Webhooks__GenericUrls</c> (kind <c>webhook</c>),
/// <c>Webhooks__SlackUrls</c> and <c>Webhooks__TeamsUrls</c>, ids <c>config-&lt;kind&gt;-&lt;n&gt;</c> by position, each a
/// default channel and read-only through the API.
/// </summary>
public static class ConfiguredChannels
{
    /// <summary>The app setting a configured channel comes from, for the messages that point there.</summary>
    public static string SettingOf(string kind) => kind switch
    {
        ChannelKinds.Slack => "Webhooks__SlackUrls",
        ChannelKinds.Teams => "Webhooks__TeamsUrls",
        _ => "Webhooks__GenericUrls",
    };

    /// <summary>Every configured channel; a malformed URL is logged (never printed: it may be a secret) and skipped.</summary>
    public static IReadOnlyList<ChannelRecord> Of(WebhookOptions options, ILogger logger)
    {
        var channels = new List<ChannelRecord>();
        foreach (var (urls, kind) in new[] { (options.GenericUrls, ChannelKinds.Webhook), (options.SlackUrls, ChannelKinds.Slack), (options.TeamsUrls, ChannelKinds.Teams) })
        {
            var n = 0;
            foreach (var url in WebhookOptions.Split(urls))
            {
                n++;
                if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
                {
                    logger.LogWarning("URL {Position} in {Setting} is not an absolute http(s) URL; it is skipped", n, SettingOf(kind));
                    continue;
                }

                var id = $"config-{kind}-{n}";
                channels.Add(new ChannelRecord(id, $"{SettingOf(kind)} #{n}", kind, true, ChannelRecord.FromConfiguration, uri.AbsoluteUri, null, null, null, null));
            }
        }

        return channels;
    }
}
