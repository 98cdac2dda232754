using System.Text.Json;
using InfraFunctions.LocalHost.Rpc;

namespace InfraFunctions.LocalHost.Worker;

/// <summary>The functions of the worker's FunctionMetadataResponse, with host.json's route prefix.</summary>
public sealed class FunctionIndex
{
    private FunctionIndex(IReadOnlyList<FunctionInfo> functions, string routePrefix)
    {
        Functions = functions;
        RoutePrefix = routePrefix;
    }

    public IReadOnlyList<FunctionInfo> Functions { get; }

    public string RoutePrefix { get; }

    public IEnumerable<FunctionInfo> Http => Functions.Where(f => f.TriggerType.Equals("httpTrigger", StringComparison.OrdinalIgnoreCase));

    public IEnumerable<FunctionInfo> Timers => Functions.Where(f => f.TriggerType.Equals("timerTrigger", StringComparison.OrdinalIgnoreCase));

    public FunctionInfo? Find(string name) => Functions.FirstOrDefault(f => f.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The route template the Functions host serves a function at: <c>{routePrefix}/{route ?? name}</c>.</summary>
    public string Template(FunctionInfo function)
    {
        var route = function.Route ?? function.Name;
        return RoutePrefix.Length == 0 ? route : $"{RoutePrefix}/{route}";
    }

    public static FunctionIndex From(IEnumerable<RpcFunctionMetadata> metadata, string appDirectory) =>
        new(metadata.Select(Describe).ToArray(), ReadRoutePrefix(Path.Combine(appDirectory, "host.json")));

    public static FunctionInfo Describe(RpcFunctionMetadata metadata)
    {
        foreach (var raw in metadata.RawBindings)
        {
            using var doc = JsonDocument.Parse(raw);
            var binding = doc.RootElement;
            var type = Text(binding, "type") ?? string.Empty;
            if (!type.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var methods = Property(binding, "methods") is { ValueKind: JsonValueKind.Array } m
                ? m.EnumerateArray().Select(x => x.GetString()!.ToUpperInvariant()).ToArray()
                : [];
            return new FunctionInfo(
                metadata.FunctionId,
                metadata.Name,
                type,
                Text(binding, "name") ?? string.Empty,
                Text(binding, "route"),
                methods,
                Text(binding, "authLevel") ?? "Function",
                Text(binding, "schedule"));
        }

        throw new InvalidOperationException($"The worker indexed function {metadata.Name} without a trigger binding.");
    }

    private static JsonElement? Property(JsonElement element, string name)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }

    private static string? Text(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    private static string ReadRoutePrefix(string hostJsonPath)
    {
        if (!File.Exists(hostJsonPath))
        {
            return "api";
        }

        using var doc = JsonDocument.Parse(File.ReadAllText(hostJsonPath), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        return doc.RootElement.TryGetProperty("extensions", out var ext)
            && ext.TryGetProperty("http", out var http)
            && http.TryGetProperty("routePrefix", out var prefix)
                ? prefix.GetString() ?? "api"
                : "api";
    }
}
