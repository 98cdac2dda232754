using System.Text;
using InfraFunctions.Agent.Parsing;
using InfraFunctions.Contracts;

namespace InfraFunctions.Agent.Tests.Parsing;

public sealed class PrometheusTextParserTests
{
    [Fact]
    public void TheFormatsOwnExampleGivesEveryFiniteSeriesWithItsFamilysType()
    {
        var result = PrometheusTextParser.Parse(TestFiles.Bytes("textfile/exposition-example.prom"));

        Assert.Null(result.Error);
        var series = result.Series.Select(s => s.Metric).ToList();
        Assert.Equal(19, series.Count);
        Assert.Equal((1, "14: something_weird"), (result.NonFinite, result.FirstNonFinite));
        var badRequests = series.Single(m => m.Name == "http_requests_total" && m.Labels!["code"] == "400");
        Assert.Equal((3.0, "counter", "post"), (badRequests.Value, badRequests.Type, badRequests.Labels!["method"]));
        Assert.Equal([("0.05", 24054.0), ("0.1", 33444), ("0.2", 100392), ("0.5", 129389), ("1", 133988), ("+Inf", 144320)],
            series.Where(m => m.Name == "http_request_duration_seconds_bucket").Select(m => (m.Labels!["le"], m.Value)));
        Assert.All(series.Where(m => m.Name.StartsWith("http_request_duration_seconds", StringComparison.Ordinal)), m => Assert.Equal("histogram", m.Type));
        Assert.Equal(new CustomMetric("http_request_duration_seconds_sum", 53423, null, "histogram"), series.Single(m => m.Name == "http_request_duration_seconds_sum"));
        Assert.Equal(["summary"], series.Where(m => m.Name.StartsWith("rpc_", StringComparison.Ordinal)).Select(m => m.Type).Distinct());
        Assert.Equal(1.7560473e+07, series.Single(m => m.Name == "rpc_duration_seconds_sum").Value);
        Assert.Equal(("0.99", 76656.0), series.Where(m => m.Name == "rpc_duration_seconds").Select(m => (m.Labels!["quantile"], m.Value)).Last());
        Assert.Equal(new CustomMetric("metric_without_timestamp_and_labels", 12.47), series.Single(m => m.Name == "metric_without_timestamp_and_labels"));
    }

    [Fact]
    public void LabelValuesAreUnescapedAndTimestampsIgnored()
    {
        var series = PrometheusTextParser.Parse(TestFiles.Bytes("textfile/exposition-example.prom")).Series.Select(s => s.Metric).ToList();

        var access = series.Single(m => m.Name == "msdos_file_access_time_seconds");
        Assert.Equal(@"C:\DIR\FILE.TXT", access.Labels!["path"]);
        Assert.Equal("Cannot find file:\n\"FILE.TXT\"", access.Labels["error"]);
        Assert.Equal(1.458255915e9, access.Value);
        Assert.Equal(1027, series.Single(m => m.Name == "http_requests_total" && m.Labels!["code"] == "200").Value);
    }

    [Fact]
    public void BlanksTrailingCommasEmptyLabelSetsAnyCaseTypesAndCarriageReturnsAreAccepted()
    {
        var cron = PrometheusTextParser.Parse(TestFiles.Bytes("textfile/backup-cron.prom"));
        var windows = PrometheusTextParser.Parse(TestFiles.Bytes("textfile/windows-line-ends.prom"));

        Assert.Null(cron.Error);
        Assert.Equal(
            [("backup_last_success_timestamp_seconds", 1.7010432e+09, "gauge"), ("backup_size_bytes", 5.36870912e+08, "gauge"),
             ("apt_upgrades_pending", 3, "gauge"), ("apt_upgrades_pending", 1, "gauge"), ("node_reboot_required", 0, null)],
            cron.Series.Select(s => (s.Metric.Name, s.Metric.Value, s.Metric.Type)));
        Assert.Equal(new Dictionary<string, string> { ["arch"] = "all", ["origin"] = "Debian:bookworm/stable" }, cron.Series[3].Metric.Labels);
        Assert.Null(cron.Series[4].Metric.Labels);
        Assert.Equal(("app_queue_depth", 4.0, "mail"), windows.Series.Select(s => (s.Metric.Name, s.Metric.Value, s.Metric.Labels!["queue"])).Single());
    }

    [Theory]
    [InlineData("a 1\nb nan\nc -Inf\nd +inf\ne 2", 3, new[] { "a", "e" })]
    [InlineData("a +1.5e3\nb -0\nc .5\nd 1E-3", 0, new[] { "a", "b", "c", "d" })]
    public void NonFiniteValuesAreDroppedAndCounted(string text, int nonFinite, string[] kept)
    {
        var result = PrometheusTextParser.Parse(Encoding.UTF8.GetBytes(text));

        Assert.Equal(nonFinite, result.NonFinite);
        Assert.Equal(kept, result.Series.Select(s => s.Metric.Name));
    }

    [Theory]
    [InlineData("malformed-escape.prom", 4, "invalid escape '\\t' in the value of label 'job'")]
    [InlineData("malformed-timestamp.prom", 2, "expected a timestamp in milliseconds after the value of 'deploy_time_seconds', found 'yesterday'")]
    public void AMalformedCapturedFileHoldsNothingAndNamesItsLine(string file, int line, string problem)
    {
        var result = PrometheusTextParser.Parse(TestFiles.Bytes("textfile/" + file));

        Assert.Equal((line, problem), (result.ErrorLine, result.Error));
        Assert.Empty(result.Series);
    }

    [Theory]
    [InlineData("x{a=\"unterminated} 1", 1, "unterminated value of label 'a'")]
    [InlineData("x{a=\"b\" 1", 1, "expected ',' or '}' after the value of label 'a' of 'x'")]
    [InlineData("x{a=\"b\",", 1, "unclosed label set of 'x'")]
    [InlineData("x{1a=\"b\"} 1", 1, "expected a label name in 'x'")]
    [InlineData("x{a \"b\"} 1", 1, "expected '=' after label 'a' of 'x'")]
    [InlineData("x{a=b} 1", 1, "expected '\"' to open the value of label 'a' of 'x'")]
    [InlineData("x{a=\"1\",a=\"2\"} 1", 1, "duplicate label 'a' in 'x'")]
    [InlineData("x{__name__=\"y\"} 1", 1, "label name '__name__' is reserved")]
    [InlineData("ok 1\n1x 1", 2, "expected a metric name, found '1x 1'")]
    [InlineData("x-y 1", 1, "invalid character '-' in metric name 'x'")]
    [InlineData("x", 1, "expected a value after 'x'")]
    [InlineData("x abc", 1, "expected a number as the value of 'x', found 'abc'")]
    [InlineData("x 1 12.5", 1, "expected a timestamp in milliseconds")]
    [InlineData("x 1 2 3", 1, "unexpected text after the timestamp of 'x'")]
    [InlineData("x 1\n\n# comment\nx 2", 4, "duplicate series 'x'")]
    [InlineData("x{a=\"1\",b=\"2\"} 1\nx{b=\"2\",a=\"1\"} 2", 2, "duplicate series 'x'")]
    [InlineData("# TYPE x gauge\nx 1\n# TYPE x counter", 3, "second # TYPE line for 'x'")]
    [InlineData("x 1\n# TYPE x gauge", 2, "# TYPE after its samples")]
    [InlineData("# HELP x one\n# HELP x two", 2, "second # HELP line for 'x'")]
    [InlineData("# HELP x a \\t in help", 1, "invalid escape in the # HELP text of 'x'")]
    [InlineData("# TYPE x gauges", 1, "unknown metric type 'gauges' for 'x'")]
    [InlineData("# TYPE x-y gauge", 1, "invalid metric name in # TYPE")]
    [InlineData("# TYPE x histogram\nx_bucket 1", 2, "histogram sample 'x_bucket' has no 'le' label")]
    [InlineData("# TYPE x histogram\nx_bucket{le=\"big\"} 1", 2, "the 'le' label of 'x_bucket' is not a number")]
    [InlineData("# TYPE x histogram\nx 1", 2, "histogram 'x' has samples named x_bucket, x_sum and x_count")]
    [InlineData("# TYPE x summary\nx_sum 1\nx 1", 3, "summary sample 'x' has no 'quantile' label")]
    [InlineData("x{a=\"\xff\"} 1", 1, "the value of label 'a' is not valid UTF-8")]
    public void AMalformedLineIsNamedWithWhatIsWrong(string text, int line, string problem)
    {
        var result = PrometheusTextParser.Parse(Encoding.Latin1.GetBytes(text));

        Assert.Equal(line, result.ErrorLine);
        Assert.Contains(problem, result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Series);
    }

    [Fact]
    public void SeriesBreakingTheCustomMetricRulesAreDroppedAndCountedWithTheFirstRule()
    {
        var labels = string.Join(',', Enumerable.Range(0, CustomMetricRules.MaxLabels + 1).Select(i => $"l{i}=\"v\""));
        var text = string.Join('\n',
            "kept 1",
            "infra_cpu 1",
            new string('n', CustomMetricRules.MaxNameLength + 1) + " 1",
            $"many{{{labels}}} 1",
            "reserved{__meta=\"x\"} 1",
            $"long_label{{{new string('l', CustomMetricRules.MaxLabelNameLength + 1)}=\"x\"}} 1",
            $"long_value{{path=\"{new string('v', CustomMetricRules.MaxLabelValueLength + 1)}\"}} 1",
            "also_kept{path=\"/\"} 2");

        var result = PrometheusTextParser.Parse(Encoding.UTF8.GetBytes(text));

        Assert.Null(result.Error);
        Assert.Equal(["kept", "also_kept"], result.Series.Select(s => s.Metric.Name));
        Assert.Equal((6, "2: metric name 'infra_cpu' starts with the reserved 'infra_'"), (result.BrokenRules, result.FirstBrokenRule));
    }
}
