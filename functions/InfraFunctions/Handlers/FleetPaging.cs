using System.Buffers.Text;
using System.Globalization;
using System.Text;
using InfraFunctions.Core.Validation;

namespace InfraFunctions.Handlers;

/// <summary>
/// Reads <c>?limit=</c> (1-1000 hosts, 500 when absent) and <c>?page_token=</c> of the fleet list. The token is opaque
/// to callers: the host a page ended with, so the next page starts after it whatever was added or removed meanwhile.
/// A token that does not decode is refused, never passed on to the table.
/// </summary>
public static class FleetPaging
{
    public const int DefaultLimit = 500;
    public const int MaxLimit = HostRepository.MaxPageSize;
    private const string Version = "h1:";
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The page size and the host to start after (null: the first page), or the field errors.</summary>
    public static (int Limit, string? After, Dictionary<string, string[]> Errors) Parse(HttpRequest request)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var limit = DefaultLimit;
        string? limitText = request.Query["limit"];
        if (limitText is not null && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
        {
            errors["limit"] = [$"limit '{limitText}' is not a whole number from 1 to {MaxLimit}; leave it out for {DefaultLimit} hosts a page."];
        }

        string? token = request.Query["page_token"];
        string? after = null;
        if (token is not null && (after = Decode(token)) is null)
        {
            errors["page_token"] = ["page_token is not one this API gave; pass the next_page_token of the previous reply as it is, or leave it out for the first page."];
        }

        return (limit, after, errors);
    }

    public static string? Encode(string? after) =>
        after is null ? null : Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Version + after));

    private static string? Decode(string token)
    {
        if (token.Length is 0 or > 1024 || !Base64Url.IsValid(token))
        {
            return null;
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(Base64Url.DecodeFromChars(token));
        }
        catch (DecoderFallbackException)
        {
            return null;
        }

        return text.StartsWith(Version, StringComparison.Ordinal) && HostIdRules.Validate(text[Version.Length..]) is null ? text[Version.Length..] : null;
    }
}
