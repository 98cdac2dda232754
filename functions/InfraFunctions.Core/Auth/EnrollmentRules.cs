using InfraFunctions.Core.Tags;
using InfraFunctions.Core.Validation;

namespace InfraFunctions.Core.Auth;

/// <summary>
/// What an enrollment token may be issued with, and whether a host id matches its <c>host_pattern</c>: a glob where
/// <c>*</c> is any run of characters and <c>?</c> one character, matched against the whole id, case-sensitive.
/// </summary>
public static class EnrollmentRules
{
    public const int MaxNameLength = 128;
    public const int MaxPatternLength = 128;
    public const int MaxHostsLimit = 100_000;
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(366);

    /// <summary>Enrollments a token admits per <see cref="RateWindow"/>, whichever instance answers.</summary>
    public const int RatePerWindow = 10;
    public static readonly TimeSpan RateWindow = TimeSpan.FromMinutes(1);

    public static Dictionary<string, string[]> Check(string? name, string? expiresAt, long? maxHosts, IReadOnlyDictionary<string, string>? tags, string? hostPattern, DateTimeOffset now, out DateTimeOffset expires)
    {
        var errors = TagRules.Check(tags);
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxNameLength)
        {
            errors["name"] = [$"Give the token a name of 1-{MaxNameLength} characters, saying which fleet or rollout uses it."];
        }

        expires = default;
        if (!DateTimeOffset.TryParse(expiresAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            errors["expires_at"] = ["Say when the token stops enrolling hosts, as an ISO-8601 time such as 2026-12-31T00:00:00Z."];
        }
        else if (parsed <= now)
        {
            errors["expires_at"] = [$"expires_at {parsed:O} is not in the future; give a time after {now:O}."];
        }
        else if (parsed - now > MaxLifetime)
        {
            errors["expires_at"] = [$"expires_at is more than a year ahead; give a time before {(now + MaxLifetime):O} and issue a new token when it ends."];
        }
        else
        {
            expires = parsed.ToUniversalTime();
        }

        if (maxHosts is < 1 or > MaxHostsLimit)
        {
            errors["max_hosts"] = [$"max_hosts is the number of distinct hosts the token may enroll: 1-{MaxHostsLimit}, or leave it out for no limit."];
        }

        if (hostPattern is not null && PatternProblem(hostPattern) is { } problem)
        {
            errors["host_pattern"] = [problem];
        }

        return errors;
    }

    public static string? PatternProblem(string pattern)
    {
        if (pattern.Length is 0 or > MaxPatternLength)
        {
            return $"host_pattern is a glob of 1-{MaxPatternLength} characters ('*' any run, '?' one character), such as 'web-*'; this one has {pattern.Length}.";
        }

        // Apart from its wildcards, a pattern is made of what a host id may hold.
        return HostIdRules.Validate(pattern.Replace('*', 'a').Replace('?', 'a')) is { } problem
            ? $"host_pattern may hold only the characters of a host id and '*' or '?': {problem.Replace("host_id", "the pattern", StringComparison.Ordinal)}"
            : null;
    }

    /// <summary>Whether the whole of <paramref name="hostId"/> matches <paramref name="pattern"/> (ordinal, case-sensitive).</summary>
    public static bool Matches(string pattern, string hostId)
    {
        int p = 0, h = 0, star = -1, resume = 0;
        while (h < hostId.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = h;
            }
            else if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == hostId[h]))
            {
                p++;
                h++;
            }
            else if (star >= 0)
            {
                p = star + 1;
                h = ++resume;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
