namespace InfraFunctions.Core.Observability;

/// <summary>
/// The latest values of every host with node_exporter-like names (<c>infra_cpu_usage_percent{host="..."}</c>), and
/// each host's status word as a state set (<c>infra_host_status{host="...",status="critical"} 1</c>, 0 for the others),
/// judged by <see cref="HostStatus"/> as everywhere else; then custom series, temperatures, systemd units and checks
/// (<see cref="PrometheusSampleParts"/>). Every host series carries the host's tags as <c>tag_&lt;key&gt;</c> labels
/// (<see cref="PrometheusHostLabels"/>), so a query can select and group by them.
/// </summary>
public static class PrometheusExporter
{
    private const double Gb = 1024d * 1024 * 1024;

    /// <param name="health">Each host's judged health, by host id; a host missing here gets no status or score series.</param>
    /// <param name="tags">Each host's tags in effect, by host id; a host missing here has none.</param>
    public static string Render(
        IReadOnlyList<HostRecord> hosts, IReadOnlyDictionary<string, HostHealth> health, IngestOptions ingest, DateTimeOffset now,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? tags = null)
    {
        var sorted = hosts.OrderBy(h => h.HostId, StringComparer.Ordinal).ToArray();
        var labels = new PrometheusHostLabels(tags);
        var staleness = new Staleness(ingest);
        var text = new PrometheusText();

        void Gauge(string name, string help, Func<HostRecord, double?> read) =>
            text.Family(name, "gauge", help, sorted.Where(h => read(h) is not null).Select(h => (labels.Of(h), read(h)!.Value)));

        void Counter(string name, string help, Func<HostRecord, double> read) =>
            text.Family(name, "counter", help, sorted.Select(h => (labels.Of(h), read(h))));

        Gauge("infra_up", UpHelp(staleness), h => staleness.IsStale(h.LastSeen, h.IntervalSeconds, now) ? 0 : 1);
        text.Family("infra_host_status", "gauge", "1 for the host's status (down, critical, degraded or healthy), 0 for the others.",
            sorted.Where(h => health.ContainsKey(h.HostId)).SelectMany(h => HostStatus.All.Select(status =>
                (labels.Of(h, ("status", status)), health[h.HostId].Status == status ? 1d : 0d))));
        Gauge("infra_health_score", "Health score of the latest sample, 0-100.", h => health.TryGetValue(h.HostId, out var judged) ? judged.Score : null);
        Gauge("infra_last_seen_timestamp_seconds", "When the host last posted, in Unix seconds.", h => h.LastSeen.ToUnixTimeMilliseconds() / 1000.0);
        Gauge("infra_sample_timestamp_seconds", "Time of the latest sample, in Unix seconds.", h => h.Latest.Timestamp.ToUnixTimeMilliseconds() / 1000.0);
        Gauge("infra_cpu_usage_percent", "CPU usage of the latest sample, in percent.", h => h.Latest.Cpu.Percent);
        Gauge("infra_cpu_count", "Logical CPUs.", h => h.Latest.Cpu.Count);
        Gauge("infra_load1", "1-minute load average.", h => h.Latest.Cpu.LoadAvg?.One);
        Gauge("infra_load5", "5-minute load average.", h => h.Latest.Cpu.LoadAvg?.Five);
        Gauge("infra_load15", "15-minute load average.", h => h.Latest.Cpu.LoadAvg?.Fifteen);
        Gauge("infra_memory_usage_percent", "Memory in use, in percent.", h => h.Latest.Memory.Percent);
        Gauge("infra_memory_total_bytes", "Total memory in bytes.", h => h.Latest.Memory.TotalGb * Gb);
        Gauge("infra_memory_available_bytes", "Available memory in bytes.", h => h.Latest.Memory.AvailableGb * Gb);
        Gauge("infra_swap_usage_percent", "Swap in use, in percent.", h => h.Latest.Memory.Swap?.Percent);
        Gauge("infra_disk_usage_percent", "Usage of the main disk, in percent.", h => h.Latest.Disk.Percent);
        text.Family("infra_filesystem_usage_percent", "gauge", "Usage of each mounted filesystem, in percent.",
            sorted.SelectMany(h => (h.Latest.Disks ?? []).Select(d => (labels.Of(h, ("mountpoint", d.Mount), ("device", d.Device), ("fstype", d.FsType)), d.Percent))));
        text.Family("infra_filesystem_size_bytes", "gauge", "Size of each mounted filesystem in bytes.",
            sorted.SelectMany(h => (h.Latest.Disks ?? []).Select(d => (labels.Of(h, ("mountpoint", d.Mount), ("device", d.Device), ("fstype", d.FsType)), d.TotalGb * Gb))));
        Counter("infra_network_transmit_bytes_total", "Bytes sent since boot.", h => h.Latest.Network.BytesSent);
        Counter("infra_network_receive_bytes_total", "Bytes received since boot.", h => h.Latest.Network.BytesRecv);
        Gauge("infra_network_connections", "Open network connections.", h => h.Latest.Network.Connections);
        Counter("infra_agent_dropped_samples_total", "Samples the agent dropped because its queue was full.", h => h.DroppedSamplesTotal);
        PrometheusSampleParts.Render(text, sorted, labels);
        return text.ToString();
    }

    /// <summary>The <c>infra_up</c> help names the configured number of intervals, so a scrape tells what "up" means here.</summary>
    public static string UpHelp(Staleness staleness) =>
        string.Create(CultureInfo.InvariantCulture, $"1 when the host reported within {staleness.AfterIntervals} of its intervals, else 0.");
}
