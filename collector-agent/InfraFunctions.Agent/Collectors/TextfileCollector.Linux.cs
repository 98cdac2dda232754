using System.Globalization;
using System.IO.Enumeration;
using InfraFunctions.Agent.Native;
using InfraFunctions.Agent.Parsing;
using InfraFunctions.Contracts;
using Microsoft.Extensions.Logging;

namespace InfraFunctions.Agent.Collectors;

/// <summary>
/// Custom metrics from the <c>*.prom</c> files of the textfile directory, as node_exporter's textfile collector reads
/// them. Writers write <c>name.prom.$$</c> and rename it, so only <c>*.prom</c> is read. Every sample lists the
/// directory and reads again only the files whose size or modification time changed; when none did, the previous
/// result is reused whole. The same series in two files: the later file (by name) wins.
/// </summary>
internal sealed partial class TextfileCollector(string? directory, int maxSeries, int maxLabelValues, ILogger logger)
{
    // Larger buffers are let go after use, so one big file does not stay resident.
    private const int BufferSize = 16 * 1024;
    private const int KeptBufferLimit = 64 * 1024;

    private static readonly EnumerationOptions Listing = new()
    {
        AttributesToSkip = 0,
        IgnoreInaccessible = true,
        RecurseSubdirectories = false,
        ReturnSpecialDirectories = false,
    };

    private readonly Dictionary<string, PromFileState> files = new(StringComparer.Ordinal);
    private readonly List<PromFileEntry> entries = [];
    private byte[] buffer = new byte[BufferSize];
    private TextfileResult last = TextfileResult.Empty;
    private string? directoryError;

    public TextfileResult Collect()
    {
        if (directory is null)
        {
            return TextfileResult.Empty;
        }

        if (List() is { } error)
        {
            if (error != directoryError)
            {
                LogDirectoryUnreadable(logger, directory, error);
                directoryError = error;
                last = new TextfileResult([], [new CollectorError(TextfileResult.Collector, $"textfile_dir '{directory}' cannot be read: {error}")], 0);
            }

            return last;
        }

        var changed = directoryError is not null;
        directoryError = null;
        foreach (var (name, size, modified) in entries)
        {
            if (files.TryGetValue(name, out var state) && !state.Unreadable && state.Size == size && state.Modified == modified)
            {
                continue;
            }

            var fresh = Read(name, size, modified);
            changed |= state is null || !fresh.Unreadable || !state.Unreadable;
            files[name] = fresh;
        }

        if (files.Count != entries.Count)
        {
            RemoveDeleted();
            changed = true;
        }

        if (changed)
        {
            last = Merge();
        }

        return last;
    }

    /// <summary>Lists the <c>*.prom</c> files in name order; returns why the directory cannot be listed, or null.</summary>
    private string? List()
    {
        entries.Clear();
        try
        {
            var lookup = files.GetAlternateLookup<ReadOnlySpan<char>>();
            var listing = new FileSystemEnumerable<PromFileEntry>(
                directory!,
                (ref FileSystemEntry entry) => new PromFileEntry(
                    lookup.TryGetValue(entry.FileName, out var known, out _) ? known : entry.FileName.ToString(),
                    entry.Length,
                    entry.LastWriteTimeUtc.UtcDateTime),
                Listing)
            {
                ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.IsDirectory && entry.FileName.EndsWith(".prom", StringComparison.Ordinal),
            };
            foreach (var entry in listing)
            {
                entries.Add(entry);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return e is DirectoryNotFoundException ? "it does not exist" : e.Message;
        }

        entries.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        return null;
    }

    private PromFileState Read(string name, long size, DateTime modified)
    {
        var path = Path.Combine(directory!, name);
        var length = ProcFile.ReadAll(path, ref buffer);
        if (length < 0)
        {
            var unreadable = !files.TryGetValue(name, out var earlier) || !earlier.Unreadable;
            if (unreadable)
            {
                LogUnreadable(logger, path);
            }

            return new PromFileState(size, modified, PrometheusParseResult.Failed(0, "cannot be read"), Unreadable: true);
        }

        var result = PrometheusTextParser.Parse(buffer.AsSpan(0, length));
        if (buffer.Length > KeptBufferLimit)
        {
            buffer = new byte[BufferSize];
        }

        if (result.Error is not null)
        {
            LogMalformed(logger, path, result.ErrorLine, result.Error);
        }

        return new PromFileState(size, modified, result);
    }

    private void RemoveDeleted()
    {
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            listed.Add(entry.Name);
        }

        foreach (var name in new List<string>(files.Keys))
        {
            if (!listed.Contains(name))
            {
                files.Remove(name);
            }
        }
    }

    private TextfileResult Merge()
    {
        var errors = new List<CollectorError>();
        var merged = new List<ParsedSeries>();
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        long nonFinite = 0, broken = 0;
        string? firstNonFinite = null, firstBroken = null;
        foreach (var (name, _, _) in entries)
        {
            var result = files[name].Result;
            if (result.Error is not null)
            {
                var at = result.ErrorLine > 0 ? string.Create(CultureInfo.InvariantCulture, $"{name}:{result.ErrorLine}") : name;
                errors.Add(new CollectorError(TextfileResult.Collector, $"{at}: {result.Error}"));
                continue;
            }

            nonFinite += result.NonFinite;
            broken += result.BrokenRules;
            firstNonFinite ??= result.FirstNonFinite is { } n ? $"{name}:{n}" : null;
            firstBroken ??= result.FirstBrokenRule is { } b ? $"{name}:{b}" : null;
            foreach (var series in result.Series)
            {
                if (positions.TryGetValue(series.Key, out var position))
                {
                    merged[position] = series;
                }
                else
                {
                    positions[series.Key] = merged.Count;
                    merged.Add(series);
                }
            }
        }

        if (broken > 0)
        {
            errors.Add(new CollectorError(TextfileResult.Collector, string.Create(CultureInfo.InvariantCulture, $"{broken} series dropped: they break the custom metric rules, first {firstBroken}")));
        }

        if (nonFinite > 0)
        {
            errors.Add(new CollectorError(TextfileResult.Collector, string.Create(CultureInfo.InvariantCulture, $"{nonFinite} series dropped: NaN and infinite values cannot be sent, first {firstNonFinite}")));
        }

        var (kept, overLimits) = TextfileLimits.Apply(merged, maxSeries, maxLabelValues, errors);
        return new TextfileResult(kept, errors.Count == 0 ? null : errors, nonFinite + broken + overLimits);
    }
}
