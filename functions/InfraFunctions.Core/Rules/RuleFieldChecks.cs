using InfraFunctions.Core.Tags;
using InfraFunctions.Core.Validation;

namespace InfraFunctions.Core.Rules;

/// <summary>The checks of a rule's name, metric, scope and levels, each adding its problems under the field's JSON path.</summary>
internal static class RuleFieldChecks
{
    public static string? CheckName(string? name, bool required, Dictionary<string, string[]> errors)
    {
        if (name is null && !required)
        {
            return null;
        }

        var trimmed = name?.Trim() ?? string.Empty;
        if (trimmed.Length is 0 or > RuleValidation.MaxNameLength)
        {
            errors["name"] = [$"Give the rule a name of 1-{RuleValidation.MaxNameLength} characters, such as 'Data disk filling up'."];
        }
        else if (trimmed.Any(char.IsControl))
        {
            errors["name"] = ["The name may not contain control characters."];
        }
        else if (TextRules.Check(trimmed, RuleValidation.MaxNameLength * 4) is { } problem)
        {
            errors["name"] = [$"The name {problem}"];
        }

        return trimmed;
    }

    public static string? CheckMetric(string? metric, Dictionary<string, string[]> errors)
    {
        if (!MetricPath.TryParse(metric, out var path, out var problem) || (problem = RuleMetrics.Problem(path)) is not null)
        {
            errors["metric"] = [problem!];
            return null;
        }

        return path.ToString();
    }

    public static RuleScope CheckScope(RuleScopeDraft? scope, Dictionary<string, string[]> errors)
    {
        var tags = scope?.Tags is { Count: > 0 } t ? t : null;
        if (scope?.Host is not null && tags is not null)
        {
            errors["scope"] = ["Give either scope.host (one host) or scope.tags (hosts carrying all of them), not both; neither applies the rule to every host."];
            return RuleScope.All;
        }

        if (scope?.Host is { } host && HostIdRules.Validate(host) is { } hostProblem)
        {
            errors["scope.host"] = [hostProblem.Replace("host_id", "scope.host", StringComparison.Ordinal)];
        }

        foreach (var (field, problems) in TagRules.Check(tags, "scope.tags"))
        {
            errors[field] = problems;
        }

        return new RuleScope(scope?.Host, tags is null ? null : new SortedDictionary<string, string>(tags.ToDictionary(), StringComparer.Ordinal));
    }

    public static void CheckLevels(double? warning, double? critical, string condition, Dictionary<string, string[]> errors)
    {
        if (warning is null && critical is null)
        {
            errors["warning"] = errors["critical"] = ["Give a warning level, a critical level, or both."];
            return;
        }

        foreach (var (field, level) in new[] { ("warning", warning), ("critical", critical) })
        {
            if (level is { } value && !double.IsFinite(value))
            {
                errors[field] = [$"The {field} level must be a finite number."];
            }
        }

        if (errors.ContainsKey("warning") || errors.ContainsKey("critical") || warning is not { } w || critical is not { } c)
        {
            return;
        }

        if (condition == RuleConditions.Above && w >= c)
        {
            errors["warning"] = [$"For a rule that fires above its levels, warning ({w}) must be below critical ({c})."];
        }
        else if (condition == RuleConditions.Below && w <= c)
        {
            errors["warning"] = [$"For a rule that fires below its levels, warning ({w}) must be above critical ({c})."];
        }
    }
}
