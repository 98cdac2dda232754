namespace InfraFunctions.Core.Rules;

/// <summary>
/// Every numeric metric of a sample a rule can watch: the host totals, each disk by mount, each process by name (its
/// instances summed), each container by id, each temperature sensor, load averages, and custom series.
/// </summary>
public static class RuleMetrics
{
    public static IReadOnlyList<MetricFamily> Families { get; } =
    [
        Total(MetricNames.CpuPercent, "CPU usage", "%", s => s.Cpu.Percent),
        Total(MetricNames.MemoryPercent, "Memory usage", "%", s => s.Memory.Percent),
        Total(MetricNames.MemoryAvailableGb, "Memory available", "GB", s => s.Memory.AvailableGb),
        Total(MetricNames.SwapPercent, "Swap usage", "%", s => s.Memory.Swap?.Percent),
        Disk(MetricNames.DiskPercent, "Disk usage", "%", d => d.Percent, s => s.Disk.Percent),
        Disk(MetricNames.DiskFreeGb, "Disk free", "GB", d => d.FreeGb, s => s.Disk.FreeGb),
        Disk(MetricNames.DiskReadBytesPerSec, "Disk reads", "B/s", d => d.ReadBytesPerSec, null),
        Disk(MetricNames.DiskWriteBytesPerSec, "Disk writes", "B/s", d => d.WriteBytesPerSec, null),
        Total(MetricNames.Load1m, "Load average, 1 min", string.Empty, s => s.Cpu.LoadAvg?.One),
        Total(MetricNames.Load5m, "Load average, 5 min", string.Empty, s => s.Cpu.LoadAvg?.Five),
        Total(MetricNames.Load15m, "Load average, 15 min", string.Empty, s => s.Cpu.LoadAvg?.Fifteen),
        Total(MetricNames.NetworkConnections, "Network connections", string.Empty, s => s.Network.Connections),
        Total(MetricNames.NetworkSentBytesPerSec, "Network sent", "B/s", s => s.Network.SentBytesPerSec),
        Total(MetricNames.NetworkRecvBytesPerSec, "Network received", "B/s", s => s.Network.RecvBytesPerSec),
        Process(MetricNames.ProcessCpuPercent, "Process CPU (all instances)", "%", ps => ps.Count == 0 ? null : ps.Sum(p => p.CpuPercent)),
        Process(MetricNames.ProcessMemoryMb, "Process memory (all instances)", "MB", ps => ps.Count == 0 ? null : ps.Sum(p => p.MemoryMb)),
        Process(MetricNames.ProcessCount, "Process instances", string.Empty, ps => ps.Count),
        Container(MetricNames.ContainerCpuPercent, "Container CPU", "%", c => c.CpuPercent),
        Container(MetricNames.ContainerMemoryPercent, "Container memory of its limit", "%", c => c.MemoryLimitBytes > 0 ? 100.0 * c.MemoryBytes / c.MemoryLimitBytes : null),
        new(MetricNames.TemperatureCelsius, "Temperature", "°C", "sensor", false,
            (s, sensor) => s.Temperatures?.FirstOrDefault(t => t.Sensor == sensor)?.Celsius,
            s => (s.Temperatures ?? []).Select(t => MetricPath.Of(MetricNames.TemperatureCelsius, ("sensor", t.Sensor)).ToString())),
    ];

    private static readonly Dictionary<string, MetricFamily> ByName = Families.ToDictionary(f => f.Name, StringComparer.Ordinal);

    /// <summary>What is wrong with <paramref name="path"/> as a rule's metric: an unknown name, or a missing or unexpected label; null when it is fine.</summary>
    public static string? Problem(MetricPath path)
    {
        if (path.Name.StartsWith(MetricNames.CustomPrefix, StringComparison.Ordinal))
        {
            return path.Name.Length > MetricNames.CustomPrefix.Length ? null : "Name the custom series after 'custom.', such as custom.queue_depth.";
        }

        if (!ByName.TryGetValue(path.Name, out var family))
        {
            return $"Unknown metric '{path.Name}'. GET /api/v1/observability/rules/metrics lists the metrics hosts report.";
        }

        var extra = path.Labels.Select(l => l.Key).Where(k => k != family.LabelKey).ToArray();
        if (extra.Length > 0)
        {
            return family.LabelKey is null
                ? $"{family.Name} takes no labels; remove {{{string.Join(",", extra)}}}."
                : $"{family.Name} takes only the label '{family.LabelKey}', not '{string.Join("', '", extra)}'.";
        }

        return family.LabelKey is { } key && !family.LabelOptional && path.Label(key) is null
            ? $"{family.Name} needs the label '{key}', such as {family.Name}{{{key}=...}}."
            : null;
    }

    /// <summary>The value of <paramref name="path"/> in <paramref name="sample"/>, or null when the sample does not carry it.</summary>
    public static double? Read(MetricPath path, Sample sample)
    {
        if (path.Name.StartsWith(MetricNames.CustomPrefix, StringComparison.Ordinal))
        {
            var name = path.Name[MetricNames.CustomPrefix.Length..];
            return sample.CustomMetrics?.FirstOrDefault(m => m.Name == name && SameLabels(m.Labels, path.Labels))?.Value;
        }

        return ByName.TryGetValue(path.Name, out var family) ? family.Read(sample, family.LabelKey is { } key ? path.Label(key) : null) : null;
    }

    /// <summary>Every series <paramref name="sample"/> carries, in text form, for the metric picker.</summary>
    public static IEnumerable<string> SeriesOf(Sample sample) =>
        Families.SelectMany(f => f.Series(sample)).Concat((sample.CustomMetrics ?? []).Select(m =>
            MetricPath.Of(MetricNames.CustomPrefix + m.Name, (m.Labels ?? new Dictionary<string, string>()).Select(l => (l.Key, l.Value)).ToArray()).ToString()));

    private static bool SameLabels(IReadOnlyDictionary<string, string>? labels, IReadOnlyList<KeyValuePair<string, string>> wanted) =>
        (labels?.Count ?? 0) == wanted.Count && wanted.All(w => labels!.TryGetValue(w.Key, out var v) && v == w.Value);

    private static MetricFamily Total(string name, string title, string unit, Func<Sample, double?> read) =>
        new(name, title, unit, null, false, (s, _) => read(s), s => read(s) is null ? [] : [name]);

    private static MetricFamily Disk(string name, string title, string unit, Func<DiskMount, double> read, Func<Sample, double>? root) =>
        new(name, title, unit, "mount", root is not null,
            (s, mount) => mount is null ? root?.Invoke(s) : s.Disks?.FirstOrDefault(d => d.Mount == mount) is { } d ? read(d) : null,
            s => (root is null ? [] : new[] { name }).Concat((s.Disks ?? []).Select(d => MetricPath.Of(name, ("mount", d.Mount)).ToString())));

    private static MetricFamily Process(string name, string title, string unit, Func<IReadOnlyList<ProcessInfo>, double?> read) =>
        new(name, title, unit, "name", false,
            (s, process) => s.Processes is null ? null : read(s.Processes.Where(p => p.Name == process).ToArray()),
            s => (s.Processes ?? []).Select(p => p.Name).Distinct(StringComparer.Ordinal).Select(n => MetricPath.Of(name, ("name", n)).ToString()));

    private static MetricFamily Container(string name, string title, string unit, Func<ContainerInfo, double?> read) =>
        new(name, title, unit, "id", false,
            (s, id) => s.Containers?.FirstOrDefault(c => c.Id == id) is { } c ? read(c) : null,
            s => (s.Containers ?? []).Where(c => read(c) is not null).Select(c => MetricPath.Of(name, ("id", c.Id)).ToString()));
}
