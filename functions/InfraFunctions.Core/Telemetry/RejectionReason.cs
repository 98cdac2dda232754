using System.Text.RegularExpressions;

namespace InfraFunctions.Core.Telemetry;

/// <summary>
/// A short, low-cardinality reason for a rejected sample, for the <c>reason</c> tag: the first invalid field's path
/// with list indexes removed (<c>disk.mounts[].used_percent</c>), <c>too_old</c> or <c>future</c> for timestamps
/// outside the accepted window, <c>unknown_field</c> for a property the schema lacks. Anything else, or a path that is not a plain field path, is <c>invalid</c>.
/// </summary>
public static partial class RejectionReason
{
    public const string TooOld = "too_old";
    public const string Future = "future";
    public const string Invalid = "invalid";
    public const string UnknownField = "unknown_field";

    private const int MaxLength = 64;

    public static string Of(IReadOnlyList<string> errors)
    {
        if (errors.Count == 0)
        {
            return Invalid;
        }

        var error = errors[0];
        var colon = error.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return Invalid;
        }

        // The name of a property the schema does not have comes from the post: never a tag value.
        if (error.Contains("is not a field of this body", StringComparison.Ordinal))
        {
            return UnknownField;
        }

        var field = Indexes().Replace(error[..colon], "[]");
        if (field == "timestamp")
        {
            return error.Contains("ahead of the server clock", StringComparison.Ordinal) ? Future
                : error.Contains("older than the raw retention", StringComparison.Ordinal) ? TooOld
                : field;
        }

        // Field paths come from the sample schema; an unknown property name from a post would be unbounded.
        return field.Length <= MaxLength && FieldPath().IsMatch(field) ? field : Invalid;
    }

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex Indexes();

    [GeneratedRegex(@"^[a-z][a-z0-9_]*(\[\])?(\.[a-z][a-z0-9_]*(\[\])?)*$")]
    private static partial Regex FieldPath();
}
