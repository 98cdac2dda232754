using System.Collections.Concurrent;
using InfraFunctions.Core.AgentSettings;

namespace InfraFunctions.Core.Storage;

/// <summary>The <c>hosts</c> table: one row per host, so the fleet is one query and "latest" one point read.</summary>
public sealed partial class HostRepository(TableStore store, TimeProvider time)
{
    private const string Partition = "host";

    /// <summary>The latest sample's stored JSON, Brotli-compressed (<see cref="CompressedJson"/>).</summary>
    public const string LatestColumn = "latest_jz";

    /// <summary>The latest sample's JSON as a string, in rows written before it was compressed; rewritten compressed on the next post.</summary>
    public const string OldLatestColumn = "latest";
    private static readonly string[] SummaryColumns = ["RowKey", "host_id", "hostname", "os", "first_seen", "last_seen", "latest_ts", "interval", "cpu", "mem", "disk", "platform"];
    private const string SettingsColumn = "settings_in_force";
    private const string SettingsAtColumn = "settings_at";
    private const string SettingsProblemColumn = "settings_problem";

    // What this instance last wrote to each host's row, with the row's ETag: the next post for the host replaces the
    // row on that ETag without reading it first. Another writer changes the ETag, and the replace then fails and reads.
    private readonly ConcurrentDictionary<string, WrittenRow> _written = new(StringComparer.Ordinal);

    private const int MaxRemembered = 50_000;

    private sealed record WrittenRow(ETag ETag, DateTimeOffset FirstSeen, long Dropped, DateTimeOffset LatestTs);

    /// <summary>
    /// Records a post: refreshes last seen and platform, and moves "latest" forward only, never back. A host's next
    /// post to the same instance is one conditional write; otherwise, or when someone else wrote since, a read and a write.
    /// The settings in force are the batch's: a batch without them (an older agent) leaves none on the row.
    /// </summary>
    public async Task RecordAsync(string hostId, PlatformInfo platform, Sample newest, int intervalSeconds, double sampleIntervalSeconds, long dropped, string? newestJson = null, ReportedSettings? settings = null, CancellationToken cancellationToken = default)
    {
        var table = await store.GetTableAsync(TableNames.Hosts, cancellationToken);
        var key = TableKeys.EncodeHostId(hostId);
        for (var attempt = 0; ; attempt++)
        {
            var now = time.GetUtcNow();
            TableEntity entity;
            ETag? etag;
            if (attempt == 0 && _written.TryGetValue(key, out var known) && newest.Timestamp >= known.LatestTs)
            {
                entity = new TableEntity(Partition, key) { ["first_seen"] = known.FirstSeen, ["dropped"] = known.Dropped, ["latest_ts"] = known.LatestTs };
                etag = known.ETag;
            }
            else
            {
                var existing = await table.GetEntityIfExistsAsync<TableEntity>(Partition, key, cancellationToken: cancellationToken);
                entity = existing.HasValue ? existing.Value! : new TableEntity(Partition, key) { ["first_seen"] = now, ["dropped"] = 0L };
                etag = existing.HasValue ? entity.ETag : null;
            }

            var storedLatest = entity.GetDateTimeOffset("latest_ts");
            entity["host_id"] = hostId;
            entity["hostname"] = platform.Hostname;
            entity["os"] = platform.Os;
            entity["platform"] = JsonSerializer.Serialize(platform, ContractsJsonContext.Default.PlatformInfo);
            entity["last_seen"] = now;
            entity["interval"] = intervalSeconds;
            entity["sample_interval"] = sampleIntervalSeconds;
            // Saturates rather than wrapping: the total only ever grows.
            var total = entity.GetInt64("dropped") ?? 0;
            entity["dropped"] = dropped > long.MaxValue - total ? long.MaxValue : total + dropped;
            WriteSettings(entity, settings, now);
            if (storedLatest is null || newest.Timestamp >= storedLatest)
            {
                entity["latest_ts"] = newest.Timestamp;
                // Compressed, as in the sample row: the cut that fits a sample row fits this property too, and the row
                // stays far inside the entity limit whatever the sample carries.
                entity[LatestColumn] = CompressedJson.Compress(SampleEntityMapper.Json(newest, newestJson));
                entity.Remove(OldLatestColumn);
                entity["cpu"] = newest.Cpu.Percent;
                entity["mem"] = newest.Memory.Percent;
                entity["disk"] = newest.Disk.Percent;
            }

            try
            {
                var response = etag is { } match
                    ? await table.UpdateEntityAsync(entity, match, TableUpdateMode.Replace, cancellationToken)
                    : await table.AddEntityAsync(entity, cancellationToken);
                Remember(key, response.Headers.ETag, entity);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 409 or 412 && attempt < 5)
            {
                // Another post for this host won the race, or the row went: read again and reapply.
                _written.TryRemove(key, out _);
            }
        }
    }

    private static void WriteSettings(TableEntity entity, ReportedSettings? settings, DateTimeOffset now)
    {
        entity.Remove(SettingsColumn);
        entity.Remove(SettingsProblemColumn);
        entity.Remove(SettingsAtColumn);
        if (settings is null)
        {
            return;
        }

        entity[SettingsAtColumn] = now;
        if (settings.InForce is { } inForce)
        {
            // Bytes, not a string: a binary property holds 64 KiB of UTF-8, and EnvelopeRules keeps the list well inside it.
            entity[SettingsColumn] = JsonSerializer.SerializeToUtf8Bytes(inForce, AgentSettingsJsonContext.Default.IReadOnlyListSettingInForce);
        }

        if (settings.Problem is { } problem)
        {
            entity[SettingsProblemColumn] = problem;
        }
    }

    private void Remember(string key, ETag? etag, TableEntity entity)
    {
        if (etag is not { } written || entity.GetDateTimeOffset("first_seen") is not { } firstSeen || entity.GetDateTimeOffset("latest_ts") is not { } latest)
        {
            _written.TryRemove(key, out _);
            return;
        }

        if (_written.Count >= MaxRemembered)
        {
            _written.Clear();
        }

        _written[key] = new WrittenRow(written, firstSeen, entity.GetInt64("dropped") ?? 0, latest);
    }

    public async Task<HostRecord?> GetAsync(string hostId, CancellationToken cancellationToken = default)
    {
        var table = await store.GetTableAsync(TableNames.Hosts, cancellationToken);
        var result = await table.GetEntityIfExistsAsync<TableEntity>(Partition, TableKeys.EncodeHostId(hostId), cancellationToken: cancellationToken);
        if (!result.HasValue)
        {
            return null;
        }

        return ToRecord(result.Value!);
    }

    /// <summary>Every host with its latest sample (the whole rows, JSON included): for exports of the latest values.</summary>
    public async Task<IReadOnlyList<HostRecord>> ListRecordsAsync(CancellationToken cancellationToken = default)
    {
        var table = await store.GetTableAsync(TableNames.Hosts, cancellationToken);
        var rows = new List<HostRecord>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition}");
        await foreach (var e in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            rows.Add(ToRecord(e));
        }

        return rows;
    }

    private static HostRecord ToRecord(TableEntity e)
    {
        return new HostRecord(
            e.GetString("host_id") ?? TableKeys.DecodeHostId(e.RowKey),
            JsonSerializer.Deserialize(e.GetString("platform")!, ContractsJsonContext.Default.PlatformInfo)!,
            e.GetDateTimeOffset("first_seen") ?? default,
            e.GetDateTimeOffset("last_seen") ?? default,
            e.GetInt32("interval") ?? 30,
            e.GetDouble("sample_interval") ?? 5,
            e.GetInt64("dropped") ?? 0,
            Latest(e),
            e.GetBinary(SettingsColumn) is { Length: > 0 } settings ? JsonSerializer.Deserialize(settings, AgentSettingsJsonContext.Default.IReadOnlyListSettingInForce) : null,
            e.GetDateTimeOffset(SettingsAtColumn),
            e.GetString(SettingsProblemColumn));
    }

    private static Sample Latest(TableEntity e) =>
        e.GetBinary(LatestColumn) is { Length: > 0 } compressed
            ? JsonSerializer.Deserialize(CompressedJson.Decompress(compressed), ContractsJsonContext.Default.Sample)!
            : JsonSerializer.Deserialize(e.GetString(OldLatestColumn)!, ContractsJsonContext.Default.Sample)!;
}
