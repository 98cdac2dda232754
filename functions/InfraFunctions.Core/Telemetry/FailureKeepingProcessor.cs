using System.Collections.Concurrent;
using System.Diagnostics;
using OpenTelemetry;

namespace InfraFunctions.Core.Telemetry;

/// <summary>
/// Keeps failures whatever the sampler decided: a span that ends failed (error status, an exception event, or an
/// HTTP 5xx answer) is marked sampled, and so is every later-ending span of its trace, such as its parents and the
/// invocation. Registered before the exporters, which only export sampled spans, so they see the change.
/// </summary>
public sealed class FailureKeepingProcessor(TimeProvider time) : BaseProcessor<Activity>
{
    private const int PruneAbove = 4096;
    private static readonly TimeSpan Remembered = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<ActivityTraceId, DateTimeOffset> _failedTraces = new();

    public override void OnEnd(Activity data)
    {
        if (Failed(data))
        {
            Remember(data.TraceId);
            data.ActivityTraceFlags |= ActivityTraceFlags.Recorded;
        }
        else if (!data.Recorded && _failedTraces.ContainsKey(data.TraceId))
        {
            data.ActivityTraceFlags |= ActivityTraceFlags.Recorded;
        }
    }

    public static bool Failed(Activity activity)
    {
        if (activity.Status == ActivityStatusCode.Error)
        {
            return true;
        }

        foreach (var e in activity.Events)
        {
            if (e.Name == "exception")
            {
                return true;
            }
        }

        return activity.GetTagItem("http.response.status_code") switch
        {
            int status => status >= 500,
            string text => int.TryParse(text, CultureInfo.InvariantCulture, out var status) && status >= 500,
            _ => false,
        };
    }

    private void Remember(ActivityTraceId traceId)
    {
        var now = time.GetUtcNow();
        _failedTraces[traceId] = now;
        if (_failedTraces.Count > PruneAbove)
        {
            foreach (var (id, at) in _failedTraces)
            {
                if (now - at > Remembered)
                {
                    _failedTraces.TryRemove(id, out _);
                }
            }
        }
    }
}
