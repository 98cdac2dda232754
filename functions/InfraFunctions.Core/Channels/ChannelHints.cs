namespace InfraFunctions.Core.Channels;

/// <summary>
/// What the API shows of a channel's secrets, enough to tell two apart: a URL's scheme and host and its last four
/// characters (<c>https://hooks.slack.com/…a1b2</c>), a key's last four (<c>…9f3c</c>).
/// </summary>
public static class ChannelHints
{
    public static string? Url(string? url)
    {
        if (string.IsNullOrEmpty(url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null;
        }

        return $"{uri.Scheme}://{uri.Host}/…{Last4(url)}";
    }

    public static string? Key(string? key) => string.IsNullOrEmpty(key) ? null : "…" + Last4(key);

    // A secret of eight characters or fewer shows nothing of itself: four would be half of it.
    private static string Last4(string secret) => secret.Length > 8 ? secret[^4..] : string.Empty;
}
