using System.Text.Json;
using InfraFunctions.Contracts;
using InfraFunctions.Core;
using InfraFunctions.Core.Ingest;
using InfraFunctions.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace InfraFunctions.Testing;

/// <summary>The whole core, registered as the app registers it, on a real Azurite, with a fake clock.</summary>
public sealed class CoreHarness : IAsyncDisposable
{
    private CoreHarness(ServiceProvider provider, FakeTimeProvider time)
    {
        Provider = provider;
        Time = time;
    }

    public ServiceProvider Provider { get; }

    public FakeTimeProvider Time { get; }

    public static CoreHarness Create(string connectionString, DateTimeOffset now, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var values = new Dictionary<string, string?> { ["AzureWebJobsStorage"] = connectionString };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var time = new FakeTimeProvider(now);
        var collection = new ServiceCollection();
        collection.AddSingleton<IConfiguration>(configuration);
        collection.AddLogging();
        collection.AddSingleton<TimeProvider>(time);
        services?.Invoke(collection);
        collection.AddInfraFunctions(configuration);
        return new CoreHarness(collection.BuildServiceProvider(), time);
    }

    public T Get<T>()
        where T : notnull => Provider.GetRequiredService<T>();

    /// <summary>Posts samples through the real ingest path, as an agent would, at the fake clock's time.</summary>
    public async Task<IngestReply> IngestAsync(string hostId, IEnumerable<DateTimeOffset> times, Func<int, double>? cpu = null)
    {
        var batch = Samples.Batch(hostId, times, (sample, i) =>
        {
            if (cpu is not null)
            {
                sample["cpu"]!["percent"] = cpu(i);
            }
        });
        var envelope = JsonSerializer.Deserialize(batch.ToJsonString(), ContractsJsonContext.Default.IngestEnvelope)!;
        return await Get<IngestService>().IngestAsync(envelope);
    }

    public ValueTask DisposeAsync() => Provider.DisposeAsync();
}
