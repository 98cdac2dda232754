using System.Security.Cryptography;
using System.Text;

namespace InfraFunctions.Core.Auth;

/// <summary>
/// Secrets look like <c>{prefix}_{id}.{random}</c>: the id finds the stored row with one point read,
/// and only a SHA-256 hash of the whole secret is stored. The secrets carry 256 random bits, so a fast hash is enough.
/// </summary>
public static class Secrets
{
    public const string AgentPrefix = "ifa";
    public const string TokenPrefix = "ift";
    public const string EnrollmentPrefix = "ife";

    public static (string Id, string Secret) Create(string prefix)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        return (id, CreateFor(prefix, id));
    }

    /// <summary>A new secret for an existing id: the same row, a new random part (a rotated key).</summary>
    public static string CreateFor(string prefix, string id) => $"{prefix}_{id}.{Base64Url(RandomNumberGenerator.GetBytes(32))}";

    public static string? ParseId(string prefix, string? secret)
    {
        if (secret is null || !secret.StartsWith(prefix + "_", StringComparison.Ordinal))
        {
            return null;
        }

        var dot = secret.IndexOf('.', StringComparison.Ordinal);
        var id = dot > prefix.Length + 1 ? secret[(prefix.Length + 1)..dot] : null;
        return IsValidId(id) ? id : null;
    }

    public static bool IsValidId(string? id) => id is { Length: 16 } && id.All(char.IsAsciiHexDigitLower);

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    public static bool Matches(string secret, byte[]? storedHash) =>
        storedHash is { Length: 32 } && CryptographicOperations.FixedTimeEquals(Hash(secret), storedHash);

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
