using System.IO.Compression;
using System.Text;

namespace InfraFunctions.Core.Storage;

/// <summary>
/// Cuts a sample until its compressed JSON fits <see cref="SampleEntityMapper.MaxStoredBytes"/>, the limit being on
/// what is stored, not on the JSON: first its processes and containers to the top
/// <see cref="SampleEntityMapper.TrimmedListItems"/>, then none of them, and only then its custom series, keeping the
/// first ones as sent. Series cut here are added to <see cref="Sample.DroppedCustomMetrics"/>, the count the agent
/// keeps of the series it left out, so a reader sees that some are missing; cut processes are not counted, the list
/// being a top-N of the busiest anyway.
/// </summary>
public static class StoredSampleFit
{
    /// <summary>The sample as stored, its JSON, and whether that fits.</summary>
    public sealed record Result(Sample Sample, string Json, bool Fits);

    public static Result Fit(Sample sample, string? postedJson = null)
    {
        var json = postedJson ?? Serialize(sample);
        if (Fits(json))
        {
            return new Result(sample, json, true);
        }

        var top = sample with
        {
            Processes = sample.Processes?.Take(SampleEntityMapper.TrimmedListItems).ToArray(),
            Containers = sample.Containers?.Take(SampleEntityMapper.TrimmedListItems).ToArray(),
        };
        if (Try(top) is { } topFits)
        {
            return topFits;
        }

        var bare = sample with { Processes = null, Containers = null };
        if (Try(bare) is { } bareFits)
        {
            return bareFits;
        }

        var series = sample.CustomMetrics ?? [];
        var keep = series.Count;
        var candidate = bare;
        var candidateJson = Serialize(bare);
        // Each round keeps the share of the series that the size says fits, with a margin; a few rounds at most.
        for (var round = 0; round < 8 && keep > 0; round++)
        {
            var size = CompressedJson.Compress(candidateJson).Length;
            if (size <= SampleEntityMapper.MaxStoredBytes)
            {
                break;
            }

            keep = Math.Min(keep - 1, (int)(keep * (SampleEntityMapper.MaxStoredBytes / (double)size) * 0.95));
            keep = Math.Max(keep, 0);
            candidate = bare with { CustomMetrics = series.Take(keep).ToArray(), DroppedCustomMetrics = Saturating(sample.DroppedCustomMetrics, series.Count - keep) };
            candidateJson = Serialize(candidate);
        }

        return new Result(candidate, candidateJson, Fits(candidateJson));
    }

    /// <summary>Whether the JSON's stored form fits: without compressing it when even Brotli's worst case would.</summary>
    public static bool Fits(string json) =>
        BrotliEncoder.GetMaxCompressedLength(Encoding.UTF8.GetByteCount(json)) <= SampleEntityMapper.MaxStoredBytes
        || CompressedJson.Compress(json).Length <= SampleEntityMapper.MaxStoredBytes;

    private static Result? Try(Sample cut)
    {
        var json = Serialize(cut);
        return Fits(json) ? new Result(cut, json, true) : null;
    }

    private static long Saturating(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;

    private static string Serialize(Sample sample) => JsonSerializer.Serialize(sample, ContractsJsonContext.Default.Sample);
}
