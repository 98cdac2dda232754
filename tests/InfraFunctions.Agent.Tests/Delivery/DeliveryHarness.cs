using System.Text.Json;
using InfraFunctions.Agent.Collectors;
using InfraFunctions.Agent.Delivery;
using InfraFunctions.Contracts;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace InfraFunctions.Agent.Tests.Delivery;

/// <summary>A spool, a quarantine and a sender wired as the agent wires them, pointed at a given endpoint.</summary>
internal sealed class DeliveryHarness : IDisposable
{
    public const string Key = "agent-key-123";
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory directory = new();
    private readonly HttpClient http = IngestClient.CreateHttpClient(Key);

    public DeliveryHarness(Uri endpoint, long queueLimitBytes = 1024 * 1024, IReadOnlyDictionary<string, string>? tags = null)
    {
        Options = new AgentOptions { Endpoint = endpoint, Key = Key, HostId = "host-a", SpoolDir = directory.Path, Watch = [] };
        Options = tags is null ? Options : Options with { Tags = tags };
        Spool = Spool.Open(directory.Path, queueLimitBytes, NullLogger.Instance);
        Quarantine = new Quarantine(Path.Combine(directory.Path, "quarantine.jsonl"), Time);
        Collector = new SampleCollector(Time, Options);
        Service = new DeliveryService(
            Spool, Quarantine, new IngestClient(http, endpoint, Time), Collector, Options,
            new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), new Random(3)), Time, NullLogger<DeliveryService>.Instance);
    }

    public SchedulingTimeProvider Time { get; } = new(Start);

    public AgentOptions Options { get; }

    public Spool Spool { get; }

    public SampleCollector Collector { get; }

    public Quarantine Quarantine { get; }

    public DeliveryService Service { get; }

    /// <summary>Queues samples whose timestamps are Start + i seconds.</summary>
    public void Enqueue(int from, int count)
    {
        for (var i = from; i < from + count; i++)
        {
            Spool.Append(JsonSerializer.SerializeToUtf8Bytes(SampleAt(i), ContractsJsonContext.Default.Sample));
        }
    }

    public static Sample SampleAt(int second) => new(
        Start.AddSeconds(second),
        new CpuMetrics(12.5, 2, 2400),
        new MemoryMetrics(16, 4, 12, 25),
        new DiskMetrics(100, 40, 60, 40),
        new NetworkMetrics(1000, 2000, 7));

    public static int[] Seconds(SampleBatch batch) => batch.Samples.Select(s => (int)(s.Timestamp - Start).TotalSeconds).ToArray();

    public void Dispose()
    {
        Service.Dispose();
        Spool.Dispose();
        http.Dispose();
        directory.Dispose();
    }
}
