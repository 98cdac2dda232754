using InfraFunctions.Agent.Collectors;
using InfraFunctions.Agent.Tests.Delivery;
using Microsoft.Extensions.Logging;

namespace InfraFunctions.Agent.Tests.Collectors;

public sealed class TextfileCollectorTests : IDisposable
{
    private readonly TempDirectory directory = new();
    private readonly RecordingLogger logger = new();

    [Fact]
    public void OnlyPromFilesAreReadInNameOrder()
    {
        Write("b.prom", "from_b 2\n");
        Write("a.prom", "from_a 1\n");
        Write("c.prom.tmp", "half_written 3\n");
        Write("d.prom.4711", "half_written 4\n");
        Write("notes.txt", "not_metrics 5\n");
        Directory.CreateDirectory(Path.Combine(directory.Path, "old.prom"));

        var result = Collector().Collect();

        Assert.Equal(["from_a", "from_b"], result.Metrics.Select(m => m.Name));
        Assert.Equal((null, 0L), (result.Errors, result.Dropped));
    }

    [Fact]
    public void AMalformedFileIsSkippedWithAWarningAndAnErrorNamingFileAndLineUntilItIsFixed()
    {
        Copy("backup-cron.prom");
        Copy("malformed-escape.prom");
        var collector = Collector();

        var broken = collector.Collect();

        Assert.Equal(5, broken.Metrics.Count);
        Assert.DoesNotContain(broken.Metrics, m => m.Name == "app_jobs_total");
        var error = Assert.Single(broken.Errors!);
        Assert.Equal(("textfile", "malformed-escape.prom:4: invalid escape '\\t' in the value of label 'job'"), (error.Collector, error.Message));
        var warning = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains($"{Path.Combine(directory.Path, "malformed-escape.prom")} is malformed at line 4", warning.Message, StringComparison.Ordinal);

        Assert.Equal(broken.Errors, collector.Collect().Errors);
        Assert.Single(logger.Entries);

        Write("malformed-escape.prom", "app_jobs_total{job=\"tab\\\\there\"} 3\n");
        var fixedResult = collector.Collect();
        Assert.Null(fixedResult.Errors);
        Assert.Equal("tab\\there", fixedResult.Metrics.Single(m => m.Name == "app_jobs_total").Labels!["job"]);
    }

    [Fact]
    public void UnchangedFilesAreNotReadAgainAndChangedRenamedOrDeletedOnesAre()
    {
        Write("app.prom", "app_queue_depth 4\n");
        Write("cron.prom", "cron_last_run 100\n");
        var collector = Collector();
        var first = collector.Collect();

        Assert.Same(first, collector.Collect());

        Write("app.prom.tmp", "app_queue_depth 12\n");
        File.Move(Path.Combine(directory.Path, "app.prom.tmp"), Path.Combine(directory.Path, "app.prom"), overwrite: true);
        var renamed = collector.Collect();
        Assert.Equal([("app_queue_depth", 12.0), ("cron_last_run", 100)], renamed.Metrics.Select(m => (m.Name, m.Value)));
        Assert.Same(first.Metrics[1], renamed.Metrics[1]);

        File.Delete(Path.Combine(directory.Path, "cron.prom"));
        Assert.Equal(["app_queue_depth"], collector.Collect().Metrics.Select(m => m.Name));
    }

    [Fact]
    public void TheSameSeriesInTwoFilesTakesTheLaterFilesValue()
    {
        Write("10-defaults.prom", "# TYPE app_enabled gauge\napp_enabled{feature=\"search\"} 0\napp_enabled{feature=\"mail\"} 1\n");
        Write("20-override.prom", "app_enabled{feature=\"search\"} 1\n");

        var result = Collector().Collect();

        Assert.Equal([("search", 1.0, (string?)null), ("mail", 1, "gauge")], result.Metrics.Select(m => (m.Labels!["feature"], m.Value, m.Type)));
        Assert.Null(result.Errors);
    }

    [Fact]
    public void SeriesPastTheSeriesLimitAreDroppedCountedAndNamedInOneError()
    {
        Write("a.prom", string.Concat(Enumerable.Range(0, 4).Select(i => $"job_a{{n=\"{i}\"}} {i}\n")));
        Write("b.prom", string.Concat(Enumerable.Range(0, 4).Select(i => $"job_b{{n=\"{i}\"}} {i}\n")));

        var result = Collector(maxSeries: 5).Collect();

        Assert.Equal(["job_a", "job_a", "job_a", "job_a", "job_b"], result.Metrics.Select(m => m.Name));
        Assert.Equal(3, result.Dropped);
        Assert.Equal("3 series dropped: past custom_metrics_max_series (5 series per sample)", Assert.Single(result.Errors!).Message);
    }

    [Fact]
    public void SeriesGivingOneLabelTooManyValuesWithinAMetricAreDroppedCountedAndNamed()
    {
        Write("disk.prom", string.Concat(Enumerable.Range(0, 6).Select(i => $"dir_bytes{{path=\"/srv/{i}\",host=\"h\"}} {i}\nfiles{{path=\"/srv/{i}\"}} {i}\n")));

        var result = Collector(maxLabelValues: 4).Collect();

        Assert.Equal(["/srv/0", "/srv/1", "/srv/2", "/srv/3"], result.Metrics.Where(m => m.Name == "dir_bytes").Select(m => m.Labels!["path"]));
        Assert.Equal(4, result.Metrics.Count(m => m.Name == "files"));
        Assert.Equal(4, result.Dropped);
        Assert.Equal(
            "4 series dropped: past custom_metrics_max_label_values (4 distinct values of one label within one metric), first label 'path' of 'dir_bytes'",
            Assert.Single(result.Errors!).Message);
    }

    [Fact]
    public void NonFiniteValuesAndRuleBreakersAreDroppedCountedAndExplained()
    {
        Write("app.prom", "ok 1\nratio NaN\nlimit +Inf\ninfra_cpu_percent 3\n");

        var result = Collector().Collect();

        Assert.Equal(["ok"], result.Metrics.Select(m => m.Name));
        Assert.Equal(3, result.Dropped);
        Assert.Equal(
            ["1 series dropped: they break the custom metric rules, first app.prom:4: metric name 'infra_cpu_percent' starts with the reserved 'infra_'",
             "2 series dropped: NaN and infinite values cannot be sent, first app.prom:2: ratio"],
            result.Errors!.Select(e => e.Message));
    }

    [Fact]
    public void AMissingDirectoryIsReportedUntilItAppears()
    {
        var missing = Path.Combine(directory.Path, "textfile");
        var collector = new TextfileCollector(missing, 200, 50, logger);

        var error = Assert.Single(collector.Collect().Errors!);
        Assert.Equal($"textfile_dir '{missing}' cannot be read: it does not exist", error.Message);
        Assert.Single(logger.Entries);

        Directory.CreateDirectory(missing);
        File.WriteAllText(Path.Combine(missing, "a.prom"), "up 1\n");
        var result = collector.Collect();
        Assert.Equal((null, "up"), (result.Errors, result.Metrics.Single().Name));
    }

    [Fact]
    public void WithoutATextfileDirectoryThereAreNoCustomMetrics() =>
        Assert.Same(TextfileResult.Empty, new TextfileCollector(null, 200, 50, logger).Collect());

    public void Dispose() => directory.Dispose();

    private TextfileCollector Collector(int maxSeries = 200, int maxLabelValues = 50) => new(directory.Path, maxSeries, maxLabelValues, logger);

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(directory.Path, name), text);

    private void Copy(string name) => File.Copy(TestFiles.Path("textfile/" + name), Path.Combine(directory.Path, name));
}
