using System.Text.Json;
using System.Text.RegularExpressions;
using InfraFunctions.Testing;

namespace InfraFunctions.Tests;

/// <summary>One HTTP route of the function app, as its build's functions.metadata declares it.</summary>
public sealed record SweptRoute(string Function, string Method, string Route, string AuthLevel)
{
    /// <summary>Every method of every HTTP function, read from the build output: the list the host itself loads.</summary>
    public static IReadOnlyList<SweptRoute> All()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(System.IO.Path.Combine(RepoPaths.FunctionAppOutput, "functions.metadata")));
        return doc.RootElement.EnumerateArray()
            .SelectMany(f => f.GetProperty("bindings").EnumerateArray()
                .Where(b => b.GetProperty("type").GetString() == "httpTrigger")
                .SelectMany(b => b.GetProperty("methods").EnumerateArray().Select(m => new SweptRoute(
                    f.GetProperty("name").GetString()!, m.GetString()!.ToUpperInvariant(), b.GetProperty("route").GetString()!, b.GetProperty("authLevel").GetString()!))))
            .OrderBy(r => r.Function, StringComparer.Ordinal).ThenBy(r => r.Method, StringComparer.Ordinal)
            .ToArray();
    }

    public bool IsAdmin => AuthLevel == "Admin";

    /// <summary>The route under /api with each route value filled in.</summary>
    public string Path(string routeValue = "not-a-real-id") =>
        "api/" + Regex.Replace(Route, @"\{[^}]+\}", Uri.EscapeDataString(routeValue));

    public HttpRequestMessage Request(string query, string? body = null) => new(new HttpMethod(Method), Path() + query)
    {
        Content = body is null || Method is "GET" or "DELETE" ? null : new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
    };

    public override string ToString() => $"{Method} /{Path()} ({Function})";
}
