using System.Reflection;

namespace InfraFunctions.Core.AgentSettings;

/// <summary>
/// Versions of the product (one for the function app and the agent), compared by their numeric prefix: <c>0.2.0</c>,
/// <c>0.2.0-beta+abc</c> and <c>0.2</c> are the same version. A version without a numeric prefix is never older.
/// </summary>
public static class ProductVersion
{
    /// <summary>The informational version of <paramref name="assembly"/> (the one in Directory.Build.props), without build metadata.</summary>
    public static string Of(Assembly assembly)
    {
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "0.0.0";
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? informational : informational[..plus];
    }

    /// <summary>Whether <paramref name="version"/> is numerically older than <paramref name="current"/>; false when either has no numeric prefix.</summary>
    public static bool IsOlder(string? version, string current) =>
        Parse(version) is { } v && Parse(current) is { } c && v < c;

    /// <summary>The leading <c>1.2.3.4</c> of <paramref name="text"/>, missing parts as 0; null without one.</summary>
    public static Version? Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var start = text.StartsWith('v') || text.StartsWith('V') ? 1 : 0;
        var end = start;
        while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] == '.'))
        {
            end++;
        }

        var parts = text[start..end].TrimEnd('.').Split('.');
        if (parts.Length is 0 or > 4 || parts.Any(p => p.Length == 0))
        {
            return null;
        }

        var numbers = new int[4];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return null;
            }
        }

        return new Version(numbers[0], numbers[1], numbers[2], numbers[3]);
    }
}
