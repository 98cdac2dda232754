using System.Text.Json;

namespace InfraFunctions.Core.Api;

/// <summary>What went wrong in a JSON body, without System.Text.Json's "Path: ... | LineNumber: ..." tail, which callers state their own way.</summary>
public static class JsonErrorText
{
    public static string Of(JsonException ex)
    {
        var cut = ex.Message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? ex.Message[..cut] : ex.Message;
    }
}
