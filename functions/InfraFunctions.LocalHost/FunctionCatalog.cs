using System.Reflection;
using System.Text.Json;

namespace InfraFunctions.LocalHost;

/// <summary>One function as the build's functions.metadata declares it.</summary>
public sealed record FunctionDescriptor(
    string Name,
    string EntryPoint,
    string TriggerType,
    string? Route,
    IReadOnlyList<string> Methods,
    string AuthLevel,
    string? Schedule,
    MethodInfo Method);

/// <summary>Reads functions.metadata and host.json, and finds each function's method in the function app assembly.</summary>
public sealed class FunctionCatalog
{
    public FunctionCatalog(string directory)
    {
        var metadataPath = Path.Combine(directory, "functions.metadata");
        if (!File.Exists(metadataPath))
        {
            throw new FileNotFoundException($"functions.metadata not found in {directory}; build functions/InfraFunctions first.", metadataPath);
        }

        RoutePrefix = ReadRoutePrefix(Path.Combine(directory, "host.json"));
        using var doc = JsonDocument.Parse(File.ReadAllText(metadataPath));
        Functions = doc.RootElement.EnumerateArray().Select(Describe).ToArray();
    }

    public string RoutePrefix { get; }

    public IReadOnlyList<FunctionDescriptor> Functions { get; }

    public IEnumerable<FunctionDescriptor> Http => Functions.Where(f => f.TriggerType == "httpTrigger");

    public IEnumerable<FunctionDescriptor> Timers => Functions.Where(f => f.TriggerType == "timerTrigger");

    public string Template(FunctionDescriptor f) =>
        string.IsNullOrEmpty(RoutePrefix) ? f.Route ?? f.Name : $"{RoutePrefix}/{f.Route ?? f.Name}";

    private static FunctionDescriptor Describe(JsonElement f)
    {
        var name = f.GetProperty("name").GetString()!;
        var entryPoint = f.GetProperty("entryPoint").GetString()!;
        var trigger = f.GetProperty("bindings").EnumerateArray()
            .First(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));
        var methods = trigger.TryGetProperty("methods", out var m) ? m.EnumerateArray().Select(x => x.GetString()!.ToUpperInvariant()).ToArray() : [];
        return new FunctionDescriptor(
            name,
            entryPoint,
            trigger.GetProperty("type").GetString()!,
            trigger.TryGetProperty("route", out var r) ? r.GetString() : null,
            methods,
            trigger.TryGetProperty("authLevel", out var a) ? a.GetString()! : "Function",
            trigger.TryGetProperty("schedule", out var s) ? s.GetString() : null,
            FindMethod(entryPoint));
    }

    private static MethodInfo FindMethod(string entryPoint)
    {
        var dot = entryPoint.LastIndexOf('.');
        var typeName = entryPoint[..dot];
        var assembly = typeof(InfraFunctions.Functions.IngestFunctions).Assembly;
        var type = assembly.GetType(typeName, throwOnError: true)!;
        return type.GetMethod(entryPoint[(dot + 1)..], BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            ?? throw new InvalidOperationException($"Entry point {entryPoint} not found in {assembly.GetName().Name}.");
    }

    private static string ReadRoutePrefix(string hostJsonPath)
    {
        if (!File.Exists(hostJsonPath))
        {
            return "api";
        }

        using var doc = JsonDocument.Parse(File.ReadAllText(hostJsonPath));
        return doc.RootElement.TryGetProperty("extensions", out var ext)
            && ext.TryGetProperty("http", out var http)
            && http.TryGetProperty("routePrefix", out var prefix)
                ? prefix.GetString() ?? "api"
                : "api";
    }
}
