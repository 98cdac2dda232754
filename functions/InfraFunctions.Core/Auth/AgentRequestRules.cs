using InfraFunctions.Core.Validation;

namespace InfraFunctions.Core.Auth;

/// <summary>
/// What an agent key may be issued for: host ids that ingest can store (the one <see cref="HostIdRules"/>), few enough
/// that the key's row fits in Table Storage, and a name of 1-128 characters.
/// </summary>
public static class AgentRequestRules
{
    public const int MaxHostIds = 100;
    public const int MaxNameLength = 128;

    public static Dictionary<string, string[]> Check(IReadOnlyList<string?> hostIds, string? name)
    {
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < hostIds.Count && i < MaxHostIds; i++)
        {
            if (HostIdRules.Validate(hostIds[i]) is { } problem)
            {
                errors[$"host_ids[{i}]"] = [problem];
            }
        }

        if (hostIds.Count == 0)
        {
            errors["host_ids"] = ["List the host ids this key may report for, usually the host's name: {\"host_ids\": [\"web-1\"]}."];
        }
        else if (hostIds.Count > MaxHostIds)
        {
            errors["host_ids"] = [$"host_ids has {hostIds.Count} ids; the limit is {MaxHostIds} per key. Issue several keys."];
        }
        else if (errors.Count == 0 && StoredLength(hostIds) is var stored and > SampleEntityMapper.MaxJsonChars)
        {
            errors["host_ids"] = [$"host_ids take {stored} characters as stored; the limit is {SampleEntityMapper.MaxJsonChars}. Issue several keys, each for fewer hosts."];
        }

        if (name is not null && !string.IsNullOrWhiteSpace(name) && name.Trim().Length > MaxNameLength)
        {
            errors["name"] = [$"Give the key a name of 1-{MaxNameLength} characters (this one has {name.Trim().Length}), or leave it out to name it after its hosts."];
        }

        return errors;
    }

    /// <summary>The hosts' ids joined, or the first one and a count when that would be longer than a name may be.</summary>
    public static string DefaultName(IReadOnlyList<string> hostIds)
    {
        var joined = string.Join(",", hostIds);
        return joined.Length <= MaxNameLength || hostIds.Count == 1 ? joined : $"{hostIds[0]} and {hostIds.Count - 1} more";
    }

    private static int StoredLength(IReadOnlyList<string?> hostIds) =>
        JsonSerializer.Serialize(hostIds.Select(h => h!).ToArray(), StorageJsonContext.Default.IReadOnlyListString).Length;
}
