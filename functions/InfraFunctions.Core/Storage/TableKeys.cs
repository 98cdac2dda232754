using System.Text;

namespace InfraFunctions.Core.Storage;

/// <summary>
/// Builds table names and keys. Table Storage forbids <c>/ \ # ?</c> and control characters in keys,
/// so host ids are percent-encoded: those characters and <c>%</c> itself become <c>%XX</c> of their UTF-8 bytes.
/// Every other character is kept, so keys stay readable and the mapping is one-to-one.
/// </summary>
public static class TableKeys
{
    public const string SamplesTablePrefix = "samples";

    public static string EncodeHostId(string hostId)
    {
        if (!NeedsEncoding(hostId))
        {
            return hostId;
        }

        var sb = new StringBuilder(hostId.Length + 8);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < hostId.Length; i++)
        {
            var c = hostId[i];
            if (!IsForbidden(c))
            {
                sb.Append(c);
                continue;
            }

            var count = Encoding.UTF8.GetBytes(hostId.AsSpan(i, 1), utf8);
            for (var b = 0; b < count; b++)
            {
                sb.Append('%').Append(utf8[b].ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }

    public static string DecodeHostId(string key)
    {
        if (!key.Contains('%', StringComparison.Ordinal))
        {
            return key;
        }

        var bytes = new List<byte>(key.Length);
        var sb = new StringBuilder(key.Length);
        for (var i = 0; i < key.Length; i++)
        {
            if (key[i] == '%' && i + 2 < key.Length && byte.TryParse(key.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var b))
            {
                bytes.Add(b);
                i += 2;
                continue;
            }

            FlushBytes(bytes, sb);
            sb.Append(key[i]);
        }

        FlushBytes(bytes, sb);
        return sb.ToString();
    }

    /// <summary>
    /// Any text as a key part of at most <paramref name="maxChars"/>: percent-encoded as host ids are, and when that is
    /// too long, its start and a SHA-256 of the whole, so distinct texts keep distinct keys.
    /// </summary>
    public static string BoundedKey(string value, int maxChars)
    {
        var encoded = EncodeHostId(value);
        if (encoded.Length <= maxChars)
        {
            return encoded;
        }

        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(value)));
        var head = encoded[..(maxChars - hash.Length - 1)];
        // Do not end the head inside a %XX escape or a surrogate pair.
        var cut = head.LastIndexOf('%');
        if (cut >= 0 && cut > head.Length - 3)
        {
            head = head[..cut];
        }

        if (head.Length > 0 && char.IsHighSurrogate(head[^1]))
        {
            head = head[..^1];
        }

        return head + "~" + hash;
    }

    /// <summary>Fixed-width UTC ticks, so keys sort by time and a retried sample maps to the same row.</summary>
    public static string TimeRowKey(DateTimeOffset timestamp) =>
        timestamp.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);

    public static DateTimeOffset FromTimeRowKey(string rowKey) =>
        new(long.Parse(rowKey, CultureInfo.InvariantCulture), TimeSpan.Zero);

    /// <summary>One raw-sample table per UTC day: retention drops whole tables.</summary>
    public static string SamplesTable(DateTimeOffset timestamp) =>
        SamplesTablePrefix + timestamp.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public static DateOnly? SamplesTableDay(string tableName) =>
        tableName.StartsWith(SamplesTablePrefix, StringComparison.Ordinal)
        && DateOnly.TryParseExact(tableName.AsSpan(SamplesTablePrefix.Length), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : null;

    private static bool NeedsEncoding(string value)
    {
        foreach (var c in value)
        {
            if (IsForbidden(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsForbidden(char c) =>
        c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c);

    private static void FlushBytes(List<byte> bytes, StringBuilder sb)
    {
        if (bytes.Count == 0)
        {
            return;
        }

        sb.Append(Encoding.UTF8.GetString(bytes.ToArray()));
        bytes.Clear();
    }
}
