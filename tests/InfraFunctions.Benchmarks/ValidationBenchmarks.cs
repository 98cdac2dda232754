using System.Text.Json;
using BenchmarkDotNet.Attributes;
using InfraFunctions.Core.Health;
using InfraFunctions.Core.Options;
using InfraFunctions.Core.Storage;
using InfraFunctions.Core.Validation;
using InfraFunctions.Testing;

namespace InfraFunctions.Benchmarks;

/// <summary>Cost per sample of what ingest does in memory: parse and validate, score, and map to a table row.</summary>
[MemoryDiagnoser]
public class ValidationBenchmarks
{
    private SampleValidator _validator = null!;
    private JsonElement _sample;

    [GlobalSetup]
    public void Setup()
    {
        _validator = new SampleValidator(TimeProvider.System, Microsoft.Extensions.Options.Options.Create(new IngestOptions()), Microsoft.Extensions.Options.Options.Create(new RetentionOptions()));
        var batch = Samples.Batch("web-1", [DateTimeOffset.UtcNow]);
        _sample = JsonSerializer.SerializeToElement(batch["samples"]![0]);
    }

    [Benchmark(Baseline = true)]
    public object ValidateOnly() => _validator.Validate(_sample);

    [Benchmark]
    public object ValidateScoreAndMap()
    {
        var result = _validator.Validate(_sample);
        var sample = result.Sample!;
        var health = HostHealth.Of(sample, Thresholds);
        return SampleEntityMapper.ToEntity("web-1", sample, health.Score, result.Json);
    }

    private static readonly ThresholdSet Thresholds = ThresholdSet.From(new ThresholdOptions());
}
