namespace InfraFunctions.Core.Alerts;

/// <summary>
/// Condition tracks in the <c>alertstate</c> table: PartitionKey = host, RowKey = <c>{metric}.{severity}</c>, so the
/// whole state of a host is one partition query and its changes one batch.
/// </summary>
public sealed class AlertTrackStore(TableStore store)
{
    public const string TableName = "alertstate";

    /// <summary>The track of a host's <c>host_down</c> alert, which the stale sweep raises and either ingest or the sweep resolves.</summary>
    public static readonly string HostDownKey = Key(AlertMetrics.HostDown, Severity.Critical);

    public async Task<Dictionary<string, AlertTrack>> ReadAsync(string hostId, CancellationToken cancellationToken = default)
    {
        var table = await store.GetTableAsync(TableName, cancellationToken);
        var tracks = new Dictionary<string, AlertTrack>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.EncodeHostId(hostId)}");
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            tracks[e.RowKey] = ToTrack(e);
        }

        return tracks;
    }

    /// <summary>One track of every host (such as <c>host_down.critical</c>), by host id, in one query.</summary>
    public async Task<Dictionary<string, AlertTrack>> ReadEveryHostAsync(string key, CancellationToken cancellationToken = default)
    {
        var table = await store.GetTableAsync(TableName, cancellationToken);
        var tracks = new Dictionary<string, AlertTrack>(StringComparer.Ordinal);
        await foreach (var e in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey eq {key}"), cancellationToken: cancellationToken))
        {
            tracks[TableKeys.DecodeHostId(e.PartitionKey)] = ToTrack(e);
        }

        return tracks;
    }

    public async Task WriteAsync(string hostId, IReadOnlyDictionary<string, AlertTrack> changed, CancellationToken cancellationToken = default)
    {
        if (changed.Count == 0)
        {
            return;
        }

        var table = await store.GetTableAsync(TableName, cancellationToken);
        var partition = TableKeys.EncodeHostId(hostId);
        var actions = changed.Select(c =>
        {
            var e = new TableEntity(partition, c.Key);
            Set(e, "above_since", c.Value.AboveSince);
            Set(e, "below_since", c.Value.BelowSince);
            Set(e, "last_ts", c.Value.LastTimestamp);
            if (c.Value.OpenAlertId is { } id)
            {
                e["alert_id"] = id;
            }

            if (c.Value.Subject is { } subject)
            {
                e["subject"] = subject;
            }

            WriteRuleState(e, c.Value);

            return new TableTransactionAction(TableTransactionActionType.UpsertReplace, e);
        }).ToArray();
        // At most 100 entities per transaction; a host has a handful of tracks.
        foreach (var chunk in actions.Chunk(100))
        {
            await table.SubmitTransactionAsync(chunk, cancellationToken);
        }
    }

    public static string Key(string metric, string severity) => $"{metric}.{severity}";

    /// <summary>
    /// The track of a metric named after something the host reports (<c>systemd_unit:nginx.service</c>): made a safe
    /// key by <see cref="TableKeys.BoundedKey"/>, so any unit or check name can be one.
    /// </summary>
    public static string ItemKey(string metric, string severity) => Key(TableKeys.BoundedKey(metric, 400), severity);

    private static AlertTrack ToTrack(TableEntity e) => new(
        e.GetDateTimeOffset("above_since"), e.GetDateTimeOffset("below_since"), e.GetString("alert_id"), e.GetDateTimeOffset("last_ts"), e.GetString("subject"),
        e.GetString("rule_id"), e.GetBoolean("no_data") == true, ReadFlips(e.GetString("flips")), e.GetBoolean("flapping") == true, e.GetString("last_alert_id"));

    // The columns of rule evaluation, written only when set, so the other tracks' rows stay as they were.
    private static void WriteRuleState(TableEntity e, AlertTrack track)
    {
        if (track.RuleId is { } rule)
        {
            e["rule_id"] = rule;
        }

        if (track.NoData)
        {
            e["no_data"] = true;
        }

        if (track.Flapping)
        {
            e["flapping"] = true;
        }

        if (track.Flips is { Count: > 0 } flips)
        {
            e["flips"] = string.Join(',', flips.Select(f => f.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)));
        }

        if (track.LastAlertId is { } last)
        {
            e["last_alert_id"] = last;
        }
    }

    private static DateTimeOffset[]? ReadFlips(string? text) =>
        string.IsNullOrEmpty(text)
            ? null
            : text.Split(',').Select(f => DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(f, CultureInfo.InvariantCulture))).ToArray();

    private static void Set(TableEntity e, string name, DateTimeOffset? value)
    {
        if (value is { } v)
        {
            e[name] = v;
        }
    }
}
