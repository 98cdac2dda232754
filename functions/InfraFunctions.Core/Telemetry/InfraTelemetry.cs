using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace InfraFunctions.Core.Telemetry;

/// <summary>
/// The app's own trace source and meter, both named <see cref="Name"/>, and the names of the spans it starts. Static
/// on purpose: instruments cost nothing until an OpenTelemetry provider listens, and every service records through
/// the same ones.
/// </summary>
public static class InfraTelemetry
{
    public const string Name = "InfraFunctions";

    public const string IngestValidate = "ingest.validate";
    public const string IngestStore = "ingest.store";
    public const string IngestPublish = "ingest.publish";
    public const string RollupHost = "rollup.host";
    public const string ForecastHost = "forecast.host";
    public const string RetentionRun = "retention.run";
    public const string RetentionDropTable = "retention.drop_table";
    public const string AlertsEvaluate = "alerts.evaluate";

    /// <summary>Spans a timer starts once per host: at 1,000 hosts they are most of its telemetry (<see cref="PerHostSpanSampler"/>).</summary>
    public static readonly IReadOnlySet<string> PerHostSpans = new HashSet<string>(StringComparer.Ordinal) { RollupHost, ForecastHost };

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    /// <summary>Starts an internal child span of whatever is current; null when nothing listens.</summary>
    public static Activity? Start(string name) => Source.StartActivity(name, ActivityKind.Internal);

    /// <summary>
    /// Runs <paramref name="work"/> inside a new span named <paramref name="name"/> (null when nothing listens); an
    /// exception marks the span failed, with the exception on it, and goes on to the caller.
    /// </summary>
    public static async Task<T> InSpanAsync<T>(string name, Func<Activity?, Task<T>> work)
    {
        using var span = Start(name);
        try
        {
            return await work(span);
        }
        catch (Exception ex)
        {
            span.Fail(ex);
            throw;
        }
    }

    /// <inheritdoc cref="InSpanAsync{T}(string, Func{Activity?, Task{T}})"/>
    public static Task InSpanAsync(string name, Func<Activity?, Task> work) =>
        InSpanAsync<bool>(name, async span =>
        {
            await work(span);
            return true;
        });

    /// <summary>Marks the span failed and records the exception on it as an <c>exception</c> event.</summary>
    public static void Fail(this Activity? activity, Exception exception)
    {
        if (activity is null)
        {
            return;
        }

        activity.AddException(exception);
        activity.SetStatus(ActivityStatusCode.Error, exception.Message);
    }
}
