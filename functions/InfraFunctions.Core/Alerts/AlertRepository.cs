namespace InfraFunctions.Core.Alerts;

/// <summary>
/// The <c>alerts</c> table. PartitionKey = the month raised (<c>yyyyMM</c>), RowKey = the alert id, which starts with
/// the raise time, so "since" is a key range and an id alone finds its row.
/// </summary>
public sealed class AlertRepository(TableStore store)
{
    public const int MaxListed = 1000;

    public static string NewId(DateTimeOffset raisedAt) =>
        $"{TableKeys.TimeRowKey(raisedAt)}-{Guid.NewGuid():N}"[..28];

    public async Task AddAsync(AlertRecord alert, CancellationToken cancellationToken = default)
    {
        var table = await store.GetTableAsync(TableNames.Alerts, cancellationToken);
        await table.UpsertEntityAsync(ToEntity(alert), TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<AlertRecord?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        if (PartitionOf(id) is not { } partition)
        {
            return null;
        }

        var table = await store.GetTableAsync(TableNames.Alerts, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(partition, id, cancellationToken: cancellationToken);
        return row.HasValue ? ToRecord(row.Value!) : null;
    }

    /// <summary>Applies a change to a stored alert, retrying when another writer got there first.</summary>
    public async Task<AlertRecord?> UpdateAsync(string id, Func<AlertRecord, AlertRecord> change, CancellationToken cancellationToken = default)
    {
        if (PartitionOf(id) is not { } partition)
        {
            return null;
        }

        var table = await store.GetTableAsync(TableNames.Alerts, cancellationToken);
        for (var attempt = 0; ; attempt++)
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(partition, id, cancellationToken: cancellationToken);
            if (!row.HasValue)
            {
                return null;
            }

            var updated = change(ToRecord(row.Value!));
            try
            {
                await table.UpdateEntityAsync(ToEntity(updated), row.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
                return updated;
            }
            catch (RequestFailedException ex) when (ex.Status == 412 && attempt < 5)
            {
                // changed meanwhile: read again and reapply
            }
        }
    }

    /// <summary>Alerts raised at or after <paramref name="since"/> (all, when null), newest first.</summary>
    public async Task<IReadOnlyList<AlertRecord>> ListAsync(string? hostId, string? state, DateTimeOffset? since, CancellationToken cancellationToken = default)
    {
        var table = await store.GetTableAsync(TableNames.Alerts, cancellationToken);
        var clauses = new List<string>();
        if (since is { } s)
        {
            clauses.Add(TableClient.CreateQueryFilter($"PartitionKey ge {Partition(s)} and RowKey ge {TableKeys.TimeRowKey(s)}"));
        }

        if (hostId is not null)
        {
            clauses.Add(TableClient.CreateQueryFilter($"host_id eq {hostId}"));
        }

        if (state is not null)
        {
            clauses.Add(TableClient.CreateQueryFilter($"state eq {state}"));
        }

        var filter = clauses.Count == 0 ? null : string.Join(" and ", clauses.Select(c => $"({c})"));
        var alerts = new List<AlertRecord>();
        await foreach (var e in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            alerts.Add(ToRecord(e));
        }

        return alerts.OrderByDescending(a => a.RaisedAt).ThenByDescending(a => a.Id, StringComparer.Ordinal).Take(MaxListed).ToArray();
    }

    /// <summary>Every alert whose notification is held for <paramref name="heldFor"/> (<c>silenced</c>, <c>flapping</c>), open or resolved.</summary>
    public async Task<IReadOnlyList<AlertRecord>> ListHeldAsync(string heldFor, CancellationToken cancellationToken = default)
    {
        var table = await store.GetTableAsync(TableNames.Alerts, cancellationToken);
        var alerts = new List<AlertRecord>();
        await foreach (var e in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"held_for eq {heldFor}"), maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            alerts.Add(ToRecord(e));
        }

        return alerts;
    }

    private static string Partition(DateTimeOffset t) => t.UtcDateTime.ToString("yyyyMM", CultureInfo.InvariantCulture);

    private static string? PartitionOf(string id) =>
        id.Length > 19 && long.TryParse(id.AsSpan(0, 19), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks <= DateTime.MaxValue.Ticks
            ? Partition(new DateTimeOffset(ticks, TimeSpan.Zero))
            : null;

    private static TableEntity ToEntity(AlertRecord a)
    {
        var entity = Columns(a);
        // Table Storage has no null: an unset property is simply absent.
        foreach (var key in entity.Keys.Where(k => entity[k] is null).ToArray())
        {
            entity.Remove(key);
        }

        return entity;
    }

    private static TableEntity Columns(AlertRecord a) => new(Partition(a.RaisedAt), a.Id)
    {
        ["host_id"] = a.HostId,
        ["metric"] = a.Metric,
        ["severity"] = a.Severity,
        ["state"] = a.State,
        ["value"] = a.Value,
        ["threshold"] = a.Threshold,
        ["message"] = a.Message,
        ["raised_at"] = a.RaisedAt,
        ["resolved_at"] = a.ResolvedAt,
        ["resolved_value"] = a.ResolvedValue,
        ["acknowledged_at"] = a.AcknowledgedAt,
        ["acknowledged_by"] = a.AcknowledgedBy,
        ["rule_id"] = a.RuleId,
        ["rule_name"] = a.RuleName,
        ["channels"] = a.Channels is { Count: > 0 } channels ? string.Join(',', channels) : null,
        ["renotify_minutes"] = a.RenotifyMinutes == 0 ? null : a.RenotifyMinutes,
        ["no_data"] = a.NoData ? true : null,
        ["flapping"] = a.Flapping ? true : null,
        ["held_for"] = a.HeldFor,
        ["notified_at"] = a.NotifiedAt,
        ["silence_id"] = a.SilenceId,
    };

    private static AlertRecord ToRecord(TableEntity e) => new(
        e.RowKey,
        e.GetString("host_id") ?? string.Empty,
        e.GetString("metric") ?? string.Empty,
        e.GetString("severity") ?? string.Empty,
        e.GetString("state") ?? AlertStates.Open,
        e.GetDouble("value") ?? 0,
        e.GetDouble("threshold") ?? 0,
        e.GetString("message") ?? string.Empty,
        e.GetDateTimeOffset("raised_at") ?? default,
        e.GetDateTimeOffset("resolved_at"),
        e.GetDouble("resolved_value"),
        e.GetDateTimeOffset("acknowledged_at"),
        e.GetString("acknowledged_by"),
        e.GetString("rule_id") ?? Rules.BuiltInRules.IdFor(e.GetString("metric") ?? string.Empty),
        e.GetString("rule_name"),
        e.GetString("channels") is { Length: > 0 } channels ? channels.Split(',') : [],
        e.GetInt32("renotify_minutes") ?? 0,
        e.GetBoolean("no_data") ?? false,
        e.GetBoolean("flapping") ?? false,
        e.GetString("held_for"),
        e.GetDateTimeOffset("notified_at"),
        e.GetString("silence_id"));
}
