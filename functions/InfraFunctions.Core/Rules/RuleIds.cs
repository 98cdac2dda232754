using System.Security.Cryptography;

namespace InfraFunctions.Core.Rules;

/// <summary>Rule ids: <c>rule-</c> and 12 lowercase hex digits for stored rules, fixed ids for the built-in threshold rules.</summary>
public static class RuleIds
{
    public const string Prefix = "rule-";

    public static IReadOnlyList<string> BuiltInThresholds { get; } = [BuiltInRules.Cpu, BuiltInRules.Memory, BuiltInRules.Disk];

    public static string New() => Prefix + RandomNumberGenerator.GetHexString(12, lowercase: true);

    /// <summary>Whether <paramref name="id"/> has the form of a rule id, so it can be used as a table key as it is.</summary>
    public static bool IsWellFormed(string? id) =>
        id is not null && (BuiltInThresholds.Contains(id, StringComparer.Ordinal)
            || (id.Length == Prefix.Length + 12 && id.StartsWith(Prefix, StringComparison.Ordinal) && id[Prefix.Length..].All(char.IsAsciiHexDigitLower)));
}
