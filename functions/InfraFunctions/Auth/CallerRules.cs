using System.Reflection;

namespace InfraFunctions.Auth;

/// <summary>
/// Every HTTP function's caller rule, read once from the function methods' attributes. Functions at function or
/// admin level have none here: the Functions host checks their keys before the worker sees the request. An
/// anonymous-level function that declares nothing is a startup error, so no route is ever open by omission.
/// </summary>
public sealed class CallerRules
{
    private readonly Dictionary<string, CallerRule> _rules;

    private CallerRules(Dictionary<string, CallerRule> rules) => _rules = rules;

    public IReadOnlyDictionary<string, CallerRule> All => _rules;

    /// <summary>The rule for a function by its name, or null when the host's key check is all it needs (or it is not HTTP).</summary>
    public CallerRule? For(string functionName) => _rules.GetValueOrDefault(functionName);

    public static CallerRules From(Assembly assembly)
    {
        var rules = new Dictionary<string, CallerRule>(StringComparer.Ordinal);
        var undeclared = new List<string>();
        foreach (var method in assembly.GetTypes().SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)))
        {
            if (method.GetCustomAttribute<FunctionAttribute>() is not { } function
                || method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).OfType<HttpTriggerAttribute>().FirstOrDefault() is not { } trigger)
            {
                continue;
            }

            var role = method.GetCustomAttribute<RequireRoleAttribute>();
            var agent = method.GetCustomAttribute<RequireAgentKeyAttribute>();
            var enrollment = method.GetCustomAttribute<RequireEnrollmentTokenAttribute>();
            if (trigger.AuthLevel != AuthorizationLevel.Anonymous)
            {
                continue;
            }

            if (new object?[] { role, agent, enrollment }.Count(a => a is not null) != 1)
            {
                undeclared.Add(function.Name);
                continue;
            }

            rules[function.Name] = role is not null ? new CallerRule(CallerKind.Token, role.Role, role.AdmitWhenStorageIsDown)
                : agent is not null ? new CallerRule(CallerKind.AgentKey, null, false)
                : new CallerRule(CallerKind.EnrollmentToken, null, false);
        }

        return undeclared.Count == 0
            ? new CallerRules(rules)
            : throw new InvalidOperationException(
                $"Anonymous HTTP functions must declare exactly one of [RequireRole], [RequireAgentKey] or [RequireEnrollmentToken]: {string.Join(", ", undeclared)}.");
    }
}
