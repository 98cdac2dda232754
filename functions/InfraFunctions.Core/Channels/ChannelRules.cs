using InfraFunctions.Core.Validation;

namespace InfraFunctions.Core.Channels;

/// <summary>
/// What a channel must have, by field: a name of 1-100 characters, a known kind, an absolute http(s) URL where the
/// kind needs one, a routing key for PagerDuty and an API key for Opsgenie, and no field the kind does not use. On a
/// replace, a secret left out keeps the stored one, as long as the kind stays the same.
/// </summary>
public static class ChannelRules
{
    public const int MaxNameLength = 100;
    public const int MaxUrlLength = 2048;
    public const int MaxKeyLength = 512;

    /// <summary>The problems by JSON field, and the channel's URL and keys in force when there are none.</summary>
    public static Dictionary<string, string[]> Check(
        string? name, string? kind, string? url, string? routingKey, string? apiKey, ChannelRecord? existing, out (string? Url, string? RoutingKey, string? ApiKey) secrets)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        secrets = (null, null, null);
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxNameLength || name.Any(char.IsControl) || TextRules.Check(name, MaxNameLength * 4) is not null)
        {
            errors["name"] = [$"Give the channel a name of 1-{MaxNameLength} characters, such as \"On-call Slack\"."];
        }

        if (!ChannelKinds.IsKnown(kind))
        {
            errors["kind"] = [$"Use one of {string.Join(", ", ChannelKinds.All)}."];
            return errors;
        }

        var k = kind!;
        var keep = existing is not null && existing.Kind == k;
        if (url is not null && UrlProblem(url) is { } urlProblem)
        {
            errors["url"] = [urlProblem];
        }

        var urlInForce = url ?? (keep ? existing!.Url : null);
        if (urlInForce is null && ChannelKinds.RequiresUrl(k))
        {
            errors["url"] = [$"A {k} channel needs its URL: {UrlHelp(k)}"];
        }

        var routing = Key("routing_key", routingKey, ChannelKinds.TakesRoutingKey(k), ChannelKinds.TakesRoutingKey(k), keep ? existing!.RoutingKey : null, k,
            "the integration key of the service's Events API v2 integration", errors);
        var api = Key("api_key", apiKey, ChannelKinds.TakesApiKey(k), ChannelKinds.RequiresApiKey(k), keep ? existing!.ApiKey : null, k,
            k == ChannelKinds.Opsgenie ? "the API key of an Opsgenie API integration" : "an ntfy access token (tk_...)", errors);
        secrets = (urlInForce, routing, api);
        return errors;
    }

    private static string? Key(string field, string? given, bool takes, bool required, string? stored, string kind, string what, Dictionary<string, string[]> errors)
    {
        if (given is not null && !takes)
        {
            errors[field] = [$"A {kind} channel takes no {field}; leave it out."];
            return null;
        }

        if (given is not null && (given.Length is 0 or > MaxKeyLength || given.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c > '~')))
        {
            errors[field] = [$"Give {what}: 1-{MaxKeyLength} printable ASCII characters, no spaces."];
            return null;
        }

        var inForce = given ?? stored;
        if (inForce is null && required)
        {
            errors[field] = [$"A {kind} channel needs {field}: {what}."];
        }

        return takes ? inForce : null;
    }

    private static string? UrlProblem(string url)
    {
        if (url.Length > MaxUrlLength)
        {
            return $"The URL is {url.Length} characters long; the limit is {MaxUrlLength}.";
        }

        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && uri.Host.Length > 0 && !url.Any(char.IsWhiteSpace)
            ? null
            : "Give an absolute http(s) URL, such as https://hooks.slack.com/services/...";
    }

    private static string UrlHelp(string kind) => kind switch
    {
        ChannelKinds.Slack => "the Slack incoming webhook URL (https://hooks.slack.com/services/...).",
        ChannelKinds.Teams => "the Teams incoming webhook or Workflows URL.",
        ChannelKinds.Discord => "the Discord webhook URL (https://discord.com/api/webhooks/...).",
        ChannelKinds.Ntfy => "the topic URL (https://ntfy.sh/<topic>, or your server's).",
        _ => "the receiver's absolute http(s) URL.",
    };
}
