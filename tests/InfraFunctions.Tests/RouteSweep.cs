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

    /// <summary>The role its function declares with [RequireRole], or null (admin level, an agent key, an enrollment token).</summary>
    public string? Role => Declared.Value.Roles.GetValueOrDefault(Function);

    /// <summary>Whether its function declares [RequireAgentKey]: an agent's own route.</summary>
    public bool TakesAgentKey => Declared.Value.AgentKey.Contains(Function);

    private static readonly Lazy<(IReadOnlyDictionary<string, string> Roles, IReadOnlySet<string> AgentKey)> Declared = new(ReadFunctionRoles);

    // Read from the built app's attributes, in a throwaway load context: the declarations the middleware enforces.
    private static (IReadOnlyDictionary<string, string> Roles, IReadOnlySet<string> AgentKey) ReadFunctionRoles()
    {
        var folder = RepoPaths.FunctionAppOutput;
        var context = new System.Runtime.Loader.AssemblyLoadContext("swept-app", isCollectible: true);
        context.Resolving += (ctx, name) => File.Exists(System.IO.Path.Combine(folder, name.Name + ".dll")) ? ctx.LoadFromAssemblyPath(System.IO.Path.Combine(folder, name.Name + ".dll")) : null;
        try
        {
            var roles = new Dictionary<string, string>(StringComparer.Ordinal);
            var agentKey = new HashSet<string>(StringComparer.Ordinal);
            var app = context.LoadFromAssemblyPath(System.IO.Path.Combine(folder, "InfraFunctions.dll"));
            foreach (var method in app.GetTypes().SelectMany(t => t.GetMethods()))
            {
                var attributes = method.GetCustomAttributesData();
                if (attributes.FirstOrDefault(a => a.AttributeType.Name == "FunctionAttribute")?.ConstructorArguments[0].Value is string name
                    && attributes.FirstOrDefault(a => a.AttributeType.Name == "RequireRoleAttribute")?.ConstructorArguments[0].Value is string role)
                {
                    roles[name] = role;
                }

                if (attributes.FirstOrDefault(a => a.AttributeType.Name == "FunctionAttribute")?.ConstructorArguments[0].Value is string agentFunction
                    && attributes.Any(a => a.AttributeType.Name == "RequireAgentKeyAttribute"))
                {
                    agentKey.Add(agentFunction);
                }
            }

            return (roles, agentKey);
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>The route under /api with each route value filled in.</summary>
    public string Path(string routeValue = "not-a-real-id") =>
        "api/" + Regex.Replace(Route, @"\{[^}]+\}", Uri.EscapeDataString(routeValue));

    public HttpRequestMessage Request(string query, string? body = null) => new(new HttpMethod(Method), Path() + query)
    {
        Content = body is null || Method is "GET" or "DELETE" ? null : new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
    };

    public override string ToString() => $"{Method} /{Path()} ({Function})";
}
