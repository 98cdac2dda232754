using System.Globalization;

namespace InfraFunctions.Core.Validation;

/// <summary>A host id is 1-128 printable characters: no control characters and no broken surrogate pairs.</summary>
public static class HostIdRules
{
    public const int MaxLength = 128;

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

        return null;
    }
}
