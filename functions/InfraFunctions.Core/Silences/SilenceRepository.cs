namespace InfraFunctions.Core.Silences;

/// <summary>
/// Silences in the <c>silences</c> table (partition <c>silence</c>, row key the id). Every alert event asks which are
/// in force, so each instance keeps the list for <see cref="CacheFor"/>; its own writes are seen at once.
/// </summary>
public sealed class SilenceRepository(TableStore store, TimeProvider time)
{
    public const int MaxSilences = 1000;
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    private const string Partition = "silence";
    private readonly Lock _gate = new();
    private (IReadOnlyList<Silence> List, DateTimeOffset Until)? _cached;

    public static string NewId() => "sil-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Every stored silence, newest first (cached for up to <see cref="CacheFor"/>).</summary>
    public async Task<IReadOnlyList<Silence>> ListAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (_cached is { } cached && cached.Until > now)
            {
                return cached.List;
            }
        }

        var table = await store.GetTableAsync(TableNames.Silences, cancellationToken);
        var list = new List<Silence>();
        await foreach (var e in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken: cancellationToken))
        {
            list.Add(ToSilence(e));
        }

        var sorted = list.OrderByDescending(s => s.CreatedAt).ThenBy(s => s.Id, StringComparer.Ordinal).ToArray();
        lock (_gate)
        {
            _cached = (sorted, now + CacheFor);
        }

        return sorted;
    }

    public async Task AddAsync(Silence silence, CancellationToken cancellationToken = default)
    {
        var table = await store.GetTableAsync(TableNames.Silences, cancellationToken);
        await table.AddEntityAsync(ToEntity(silence), cancellationToken);
        Forget();
    }

    /// <summary>Deletes a silence; false when there was none of that id.</summary>
    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        var table = await store.GetTableAsync(TableNames.Silences, cancellationToken);
        try
        {
            // The client answers a missing row with its 404 response rather than an exception.
            var response = await table.DeleteEntityAsync(Partition, TableKeys.BoundedKey(id, 64), ETag.All, cancellationToken);
            return response.Status != 404;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return false;
        }
        finally
        {
            Forget();
        }
    }

    private void Forget()
    {
        lock (_gate)
        {
            _cached = null;
        }
    }

    private static TableEntity ToEntity(Silence s)
    {
        var entity = new TableEntity(Partition, s.Id)
        {
            ["host"] = s.Matchers.Host,
            ["tags"] = s.Matchers.Tags is { Count: > 0 } tags ? JsonSerializer.Serialize(new SortedDictionary<string, string>(tags.ToDictionary(), StringComparer.Ordinal), SilenceJsonContext.Default.SortedDictionaryStringString) : null,
            ["rule_id"] = s.Matchers.RuleId,
            ["starts_at"] = s.StartsAt,
            ["ends_at"] = s.EndsAt,
            ["cron"] = s.Cron,
            ["duration_minutes"] = s.DurationMinutes,
            ["time_zone"] = s.TimeZone,
            ["comment"] = s.Comment,
            ["created_by"] = s.CreatedBy,
            ["created_at"] = s.CreatedAt,
        };
        // Table Storage has no null: an unset property is simply absent.
        foreach (var key in entity.Keys.Where(k => entity[k] is null).ToArray())
        {
            entity.Remove(key);
        }

        return entity;
    }

    private static Silence ToSilence(TableEntity e) => new(
        e.RowKey,
        new SilenceMatchers(
            e.GetString("host"),
            e.GetString("tags") is { Length: > 0 } json ? JsonSerializer.Deserialize(json, SilenceJsonContext.Default.SortedDictionaryStringString) : null,
            e.GetString("rule_id")),
        e.GetDateTimeOffset("starts_at") ?? default,
        e.GetDateTimeOffset("ends_at"),
        e.GetString("cron"),
        e.GetInt32("duration_minutes"),
        e.GetString("time_zone"),
        e.GetString("comment") ?? string.Empty,
        e.GetString("created_by") ?? string.Empty,
        e.GetDateTimeOffset("created_at") ?? default);
}
