using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace InfraFunctions.Infra.Tests.Support;

/// <summary>
/// One template of the compiled ARM JSON: the main template, or a module nested in it as a
/// <c>Microsoft.Resources/deployments</c> resource, with the parameter values its caller passes.
/// </summary>
public sealed partial class Deployment
{
    private Deployment(string name, JsonObject template, JsonObject? passedParameters, Deployment? parent)
    {
        Name = name;
        Template = template;
        PassedParameters = passedParameters;
        Parent = parent;
    }

    public string Name { get; }

    public JsonObject Template { get; }

    public JsonObject? PassedParameters { get; }

    public Deployment? Parent { get; }

    public bool IsMain => Parent is null;

    public static Deployment FromMainTemplate(JsonObject template) => new("main", template, null, null);

    /// <summary>Resources declared here, not in nested modules. Handles both the array form and the
    /// symbolic-name object form (languageVersion 2.0).</summary>
    public IEnumerable<JsonObject> OwnResources() => Template["resources"] switch
    {
        JsonArray array => array.OfType<JsonObject>(),
        JsonObject map => map.Select(p => p.Value).OfType<JsonObject>(),
        _ => [],
    };

    public IEnumerable<Deployment> Modules() =>
        OwnResources()
            .Where(r => Text(r, "type") == "Microsoft.Resources/deployments")
            .Select(r => new Deployment(
                Text(r, "name"),
                (JsonObject)r["properties"]!["template"]!,
                r["properties"]!["parameters"] as JsonObject,
                this));

    public Deployment Module(string name) =>
        Modules().SingleOrDefault(m => m.Name == name)
        ?? throw new InvalidOperationException($"Template '{Name}' has no module named '{name}'.");

    /// <summary>Every resource in this template and all nested modules, with the template that declares it.</summary>
    public IEnumerable<(Deployment Where, JsonObject Resource)> AllResources() =>
        OwnResources().Select(r => (this, r)).Concat(Modules().SelectMany(m => m.AllResources()));

    public IEnumerable<(Deployment Where, JsonObject Resource)> ResourcesOfType(string type) =>
        AllResources().Where(x => string.Equals(Text(x.Resource, "type"), type, StringComparison.OrdinalIgnoreCase));

    public (Deployment Where, JsonObject Resource) SingleResourceOfType(string type)
    {
        var found = ResourcesOfType(type).ToList();
        Assert.True(found.Count == 1, $"Expected exactly one {type}, found {found.Count}.");
        return found[0];
    }

    /// <summary>
    /// Follows an expression back to where its value is made: through <c>parameters('x')</c> to the caller's
    /// value, and through a module's <c>outputs.y.value</c> into that module's output. It stops at the main
    /// template's parameters (see <see cref="MainParameterName"/>) or at any other expression.
    /// </summary>
    public (Deployment Where, string Expression) Resolve(string expression)
    {
        var parameter = ParameterReference().Match(expression);
        if (parameter.Success)
        {
            var name = parameter.Groups["name"].Value;
            if (IsMain)
            {
                return (this, expression);
            }

            var passed = PassedParameters?[name]?["value"]
                ?? throw new InvalidOperationException($"Module '{Name}' is not passed parameter '{name}'.");
            return passed is JsonValue value && value.TryGetValue(out string? text)
                ? Parent!.Resolve(text)
                : (Parent!, passed.ToJsonString());
        }

        var output = ModuleOutputReference().Match(expression);
        if (output.Success)
        {
            var module = Module(output.Groups["module"].Value);
            var produced = module.Template["outputs"]?[output.Groups["output"].Value]?["value"]?.GetValue<string>()
                ?? throw new InvalidOperationException($"Module '{module.Name}' has no output '{output.Groups["output"].Value}'.");
            return module.Resolve(produced);
        }

        return (this, expression);
    }

    /// <summary>The main-template parameter an expression resolves to, or null when it resolves elsewhere.</summary>
    public string? MainParameterName(string expression)
    {
        var (where, resolved) = Resolve(expression);
        var match = ParameterReference().Match(resolved);
        return where.IsMain && match.Success ? match.Groups["name"].Value : null;
    }

    public static string Text(JsonNode? node, string property) =>
        node?[property]?.GetValue<string>() ?? string.Empty;

    // "[parameters('x')]", or "[string(parameters('x'))]" for app settings, which are strings.
    [GeneratedRegex(@"^\[(string\()?parameters\('(?<name>\w+)'\)\)?\]$")]
    private static partial Regex ParameterReference();

    // "[reference(extensionResourceId(..., 'Microsoft.Resources/deployments', 'storage'), '...').outputs.name.value]"
    [GeneratedRegex(@"^\[reference\(.*'Microsoft\.Resources/deployments', '(?<module>[\w-]+)'\), '[^']+'\)\.outputs\.(?<output>\w+)\.value\]$")]
    private static partial Regex ModuleOutputReference();
}
