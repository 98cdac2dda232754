using InfraFunctions.Contracts;
using Microsoft.Extensions.Configuration;
using Names = InfraFunctions.Agent.AgentSettingNames;

namespace InfraFunctions.Agent;

/// <summary>
/// Reads <c>tags</c>: an object of <c>"key": "value"</c> in the file; <c>INFRA_AGENT_TAGS</c> (<c>env=prod,role=db</c>)
/// and <c>--tag env=prod</c> (repeatable) replace it. Each tag is checked with <see cref="TagSyntax"/>, the server's
/// own rules, so a tag the server would ignore stops the agent at start instead, naming the tag.
/// </summary>
internal static class TagSettingsReader
{
    private const string Where = "'tags' (an object in the configuration file, INFRA_AGENT_TAGS as env=prod,role=db, or --tag env=prod)";

    public static IReadOnlyDictionary<string, string> Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(Names.Tags);
        var tags = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (SettingText.Trimmed(section.Value) is { } list)
        {
            foreach (var item in list.Split(','))
            {
                if (string.IsNullOrWhiteSpace(item))
                {
                    continue;
                }

                var eq = item.IndexOf('=', StringComparison.Ordinal);
                if (eq < 0)
                {
                    throw Invalid($"has '{item.Trim()}', which is not key=value");
                }

                Add(tags, item[..eq].Trim(), item[(eq + 1)..].Trim());
            }
        }
        else
        {
            foreach (var child in section.GetChildren())
            {
                if (child.Value is not { } value)
                {
                    throw Invalid($"gives tag '{child.Key}' no text value; give \"{child.Key}\": \"...\"");
                }

                Add(tags, child.Key, value);
            }
        }

        var (badKey, problem) = TagSyntax.Problems(tags).FirstOrDefault();
        if (problem is not null)
        {
            throw Invalid(badKey is null ? $"has {problem.TrimEnd('.')}" : $"has a bad tag '{badKey}': {problem.TrimEnd('.')}");
        }

        return tags;
    }

    private static void Add(SortedDictionary<string, string> tags, string key, string value)
    {
        if (tags.TryGetValue(key, out var earlier) && earlier != value)
        {
            throw Invalid($"gives tag '{key}' twice ('{earlier}' and '{value}'); a host has one value per key");
        }

        tags[key] = value;
    }

    private static AgentConfigurationException Invalid(string problem) => new($"Invalid configuration: {Where} {problem}.");
}
