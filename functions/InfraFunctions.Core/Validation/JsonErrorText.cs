namespace InfraFunctions.Core.Validation;

/// <summary>What went wrong in a JSON body, without System.Text.Json's "Path: ... | LineNumber: ..." tail, which callers state their own way.</summary>
public static class JsonErrorText
{
    private const string Unmapped = "The JSON property '";

    public static string Of(JsonException ex)
    {
        // A field the type does not have (types that refuse unknown fields): name it, not the .NET type.
        if (ex.Message.StartsWith(Unmapped, StringComparison.Ordinal) && ex.Message.IndexOf('\'', Unmapped.Length) is var end and > 0
            && ex.Message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            return $"'{ex.Message[Unmapped.Length..end]}' is not a field of this body";
        }

        var cut = ex.Message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? ex.Message[..cut] : ex.Message;
    }
}
