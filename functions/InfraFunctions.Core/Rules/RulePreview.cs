using InfraFunctions.Core.Tags;

namespace InfraFunctions.Core.Rules;

/// <summary>
/// What a rule would do now: every host in its scope (by the hosts' tags now), each with its value from its latest
/// sample and the level that value breaches, ignoring how long it has held. Hosts that would fire come first.
/// </summary>
public sealed class RulePreview(HostRepository hosts, HostTagRepository tags, IOptionsMonitor<IngestOptions> ingest, TimeProvider time)
{
    public async Task<IReadOnlyList<PreviewHost>> RunAsync(RuleDefinition rule, CancellationToken cancellationToken = default)
    {
        if (!MetricPath.TryParse(rule.Metric, out var path, out _))
        {
            return [];
        }

        IReadOnlyList<HostRecord> records;
        if (rule.Scope.Host is { } only)
        {
            records = await hosts.GetAsync(only, cancellationToken) is { } record ? [record] : [];
        }
        else
        {
            records = await hosts.ListRecordsAsync(cancellationToken);
        }

        var tagged = rule.Scope.Tags is null ? new Dictionary<string, HostTags>() : await tags.ListAsync(cancellationToken);
        var staleness = new Staleness(ingest.CurrentValue);
        var now = time.GetUtcNow();
        return records
            .Where(r => rule.Scope.Matches(r.HostId, tagged.GetValueOrDefault(r.HostId) ?? HostTags.None))
            .Select(r =>
            {
                var value = RuleMetrics.Read(path, r.Latest);
                return new PreviewHost(r.HostId, r.Platform.Hostname, value, value is { } v ? WouldFire(rule, v) : null, staleness.IsStale(r.LastSeen, r.IntervalSeconds, now));
            })
            .OrderBy(h => h.WouldFire switch { Severity.Critical => 0, Severity.Warning => 1, _ => 2 })
            .ThenBy(h => h.HostId, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>The highest level <paramref name="value"/> breaches, or null.</summary>
    public static string? WouldFire(RuleDefinition rule, double value) =>
        rule.Critical is { } critical && rule.Breaches(value, critical) ? Severity.Critical
        : rule.Warning is { } warning && rule.Breaches(value, warning) ? Severity.Warning
        : null;
}
