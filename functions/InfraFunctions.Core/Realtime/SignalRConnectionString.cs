namespace InfraFunctions.Core.Realtime;

/// <summary>
/// A SignalR Service connection string: <c>Endpoint=https://x.service.signalr.net;AccessKey=...;Version=1.0;</c>
/// (optionally <c>Port=</c>, as the local stand-in uses), or <c>Endpoint=...;AuthType=azure.msi;ClientId=...;Version=1.0;</c>.
/// </summary>
public sealed record SignalRConnectionString(Uri Endpoint, string? AccessKey, string? ClientId)
{
    /// <summary>HS256 in Microsoft.IdentityModel needs a key of at least 256 bits; Azure's keys are 44 characters.</summary>
    public const int MinimumAccessKeyLength = 32;

    public bool UsesManagedIdentity => AccessKey is null;

    /// <summary>The service root without a trailing slash, e.g. <c>https://x.service.signalr.net</c> or <c>http://localhost:7071</c>.</summary>
    public string BaseUrl => Endpoint.GetLeftPart(UriPartial.Authority);

    /// <summary>The URL a client connects to; a client token's audience is exactly this.</summary>
    public string ClientUrl(string hub) => $"{BaseUrl}/client/?hub={hub}";

    /// <summary>Never prints the key: this record may reach a log.</summary>
    public override string ToString() => $"{BaseUrl} ({(UsesManagedIdentity ? "managed identity" : "access key")})";

    public static SignalRConnectionString Parse(string value)
    {
        var parts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw Invalid($"'{Redact(part)}' is not a Key=Value pair");
            }

            // AccessKey values are base64 and may end in '=': only the first '=' separates.
            parts[part[..eq].Trim()] = part[(eq + 1)..].Trim();
        }

        if (!parts.TryGetValue("Endpoint", out var endpointText) || !Uri.TryCreate(endpointText, UriKind.Absolute, out var endpoint)
            || endpoint.Scheme is not ("http" or "https"))
        {
            throw Invalid("Endpoint=http(s)://... is missing or not an absolute http(s) URL");
        }

        if (parts.TryGetValue("Port", out var portText))
        {
            if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
            {
                throw Invalid($"Port={portText} is not a port number");
            }

            endpoint = new UriBuilder(endpoint) { Port = port }.Uri;
        }

        if (parts.TryGetValue("AccessKey", out var key))
        {
            return key.Length >= MinimumAccessKeyLength
                ? new SignalRConnectionString(endpoint, key, null)
                : throw Invalid($"AccessKey must be at least {MinimumAccessKeyLength} characters");
        }

        if (parts.TryGetValue("AuthType", out var authType) && authType.Equals("azure.msi", StringComparison.OrdinalIgnoreCase))
        {
            return new SignalRConnectionString(endpoint, null, parts.GetValueOrDefault("ClientId") is { Length: > 0 } id ? id : null);
        }

        throw Invalid("it has neither AccessKey= nor AuthType=azure.msi");
    }

    private static string Redact(string part) => part.Length <= 12 ? part : part[..12] + "...";

    private static FormatException Invalid(string why) =>
        new($"The {AppSettingNames.SignalRConnectionString} setting is not a valid SignalR connection string: {why}. " +
            "Expected 'Endpoint=https://<name>.service.signalr.net;AccessKey=<key>;Version=1.0;' or 'Endpoint=...;AuthType=azure.msi;ClientId=<id>;Version=1.0;'.");
}
