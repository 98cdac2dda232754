using System.Globalization;

namespace InfraFunctions.LocalHost.SignalR;

/// <summary>
/// The service side of a SignalR connection string: the stand-in serves what
/// <c>Endpoint=http://localhost;Port=7071;AccessKey=...;Version=1.0;</c> names, and signs nothing else.
/// Managed-identity strings (no AccessKey) name a real service, so the stand-in stays off for them.
/// </summary>
public sealed record StandInConnectionString(Uri Endpoint, string AccessKey)
{
    public const int MinimumAccessKeyLength = 32;

    /// <summary>The service root without a trailing slash, e.g. <c>http://localhost:7071</c>.</summary>
    public string BaseUrl => Endpoint.GetLeftPart(UriPartial.Authority);

    /// <summary>The URL a client connects to; a client token's audience is exactly this.</summary>
    public string ClientUrl(string hub) => $"{BaseUrl}/client/?hub={hub}";

    /// <summary>Never prints the key.</summary>
    public override string ToString() => BaseUrl;

    public static StandInConnectionString? Parse(string value)
    {
        var parts = value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .GroupBy(p => p[0].Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Last()[1].Trim(), StringComparer.OrdinalIgnoreCase);
        if (!parts.TryGetValue("Endpoint", out var endpointText) || !Uri.TryCreate(endpointText, UriKind.Absolute, out var endpoint))
        {
            throw new FormatException("AzureSignalRConnectionString: Endpoint=http(s)://... is missing or not an absolute URL.");
        }

        if (parts.TryGetValue("Port", out var portText))
        {
            if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
            {
                throw new FormatException($"AzureSignalRConnectionString: Port={portText} is not a port number.");
            }

            endpoint = new UriBuilder(endpoint) { Port = port }.Uri;
        }

        if (!parts.TryGetValue("AccessKey", out var key))
        {
            return null;
        }

        // HS256 needs a key of at least 256 bits; Azure's keys are 44 characters.
        return key.Length >= MinimumAccessKeyLength
            ? new StandInConnectionString(endpoint, key)
            : throw new FormatException($"AzureSignalRConnectionString: AccessKey must be at least {MinimumAccessKeyLength} characters.");
    }
}
