namespace InfraFunctions.Benchmarks.Fleet;

/// <summary>What one run of the fleet harness counted, per unit of traffic, before any price is applied.</summary>
public sealed record FleetMeasurements
{
    public required int Hosts { get; init; }

    /// <summary>The <c>next_post_seconds</c> the server told agents nobody watches.</summary>
    public required int PostIntervalSeconds { get; init; }

    public required long Posts { get; init; }

    public required long SamplesAccepted { get; init; }

    public required double TransactionsPerPost { get; init; }

    public required double BatchOperationsPerPost { get; init; }

    public required IReadOnlyDictionary<string, long> TransactionsByKind { get; init; }

    /// <summary>Round trips of single posts, one at a time, in seconds: an upper bound of each execution's busy time.</summary>
    public required IReadOnlyList<double> PostSeconds { get; init; }

    /// <summary>Mean stored size of a raw sample row, as Table Storage counts it.</summary>
    public required double SampleBytes { get; init; }

    /// <summary>The same samples in the row shape of earlier releases (the sample JSON as a UTF-16 string column).</summary>
    public required double PreviousSampleBytes { get; init; }

    public required double HostRowBytes { get; init; }

    public required double RollupRowBytes { get; init; }

    public required TelemetryCounts IngestTelemetry { get; init; }

    public required double MetricItemsPerExport { get; init; }

    public required double MetricBytesPerExport { get; init; }

    public required IReadOnlyList<TimerMeasurement> Timers { get; init; }

    public required double WatchedHostMessagesPerHour { get; init; }

    public required double WatchedHostMessageUnits { get; init; }

    public required double FleetViewMessagesPerHostHour { get; init; }

    public required double FleetViewMessageUnits { get; init; }
}

/// <summary>Telemetry items and bytes per ingest post, by item type, at the sampling in force.</summary>
public sealed record TelemetryCounts(double ItemsPerPost, double BytesPerPost, IReadOnlyDictionary<string, (long Items, long Bytes)> ByType);

/// <summary>One timer function run once at the measured fleet size, and how often its schedule runs it.</summary>
public sealed record TimerMeasurement(string Name, string Schedule, int RunsPerMonth, double Seconds, long Transactions, long TelemetryBytes, int BucketsPerRun);
