namespace InfraFunctions.Core.Validation;

/// <summary>
/// A host id is 1-128 printable characters: no control characters and no broken surrogate pairs. It is also a table
/// key (percent-encoded by <see cref="TableKeys.EncodeHostId"/>), so its encoded form must leave room for the longest
/// key it is part of within Table Storage's key limit. The admin API, ingest and every query use this one rule, so a
/// key is never issued for an id that ingest cannot store.
/// </summary>
public static class HostIdRules
{
    public const int MaxLength = 128;

    /// <summary>
    /// UTF-16 code units of the encoded id. The longest key an id is part of adds 20 characters (a time prefix and a
    /// separator, in the late-sample jobs); the rest is margin.
    /// </summary>
    public const int MaxKeyLength = TableLimits.MaxKeyChars - 32;

    public static string? Validate(string? hostId)
    {
        if (string.IsNullOrWhiteSpace(hostId))
        {
            return "host_id is required: 1-128 printable characters, usually the hostname.";
        }

        var length = new StringInfo(hostId).LengthInTextElements;
        if (length > MaxLength)
        {
            return $"host_id is {length} characters long; the limit is {MaxLength}.";
        }

        for (var i = 0; i < hostId.Length; i++)
        {
            var c = hostId[i];
            if (char.IsControl(c))
            {
                return $"host_id contains a control character (U+{(int)c:X4}) at position {i}; only printable characters are allowed.";
            }

            if (char.IsHighSurrogate(c) && (i + 1 >= hostId.Length || !char.IsLowSurrogate(hostId[i + 1])))
            {
                return $"host_id contains a broken surrogate pair at position {i}.";
            }

            if (char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(hostId[i - 1])))
            {
                return $"host_id contains a broken surrogate pair at position {i}.";
            }
        }

        var keyLength = TableKeys.EncodeHostId(hostId).Length;
        if (keyLength > MaxKeyLength)
        {
            return $"host_id takes {keyLength} UTF-16 code units as a table key; the limit is {MaxKeyLength}. "
                + "Characters outside the Basic Multilingual Plane count 2, combining marks count each, and / \\ # ? % count 3: use a shorter id.";
        }

        return null;
    }
}
