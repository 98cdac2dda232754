using System.Collections.Concurrent;
using System.Diagnostics;
using OpenTelemetry;

namespace InfraFunctions.Core.Telemetry;

/// <summary>
/// Keeps failures whatever the sampler decided: a span that ends failed (error status, an exception event, or an
/// HTTP 5xx answer) is marked sampled, and so is each of its ancestors as it ends, up to the invocation, so the
/// failure is seen in place; its siblings (other hosts of a timer's run) stay as sampled. Registered before the
/// exporters, which only export sampled spans, so they see the change.
/// </summary>
public sealed class FailureKeepingProcessor(TimeProvider time) : BaseProcessor<Activity>
{
    private const int PruneAbove = 4096;
    private static readonly TimeSpan Remembered = TimeSpan.FromMinutes(10);

    // Spans that are ancestors of a failed span and have not ended yet.
    private readonly ConcurrentDictionary<ActivitySpanId, DateTimeOffset> _ancestors = new();

    public override void OnEnd(Activity data)
    {
        if (Failed(data) || _ancestors.TryRemove(data.SpanId, out _))
        {
            data.ActivityTraceFlags |= ActivityTraceFlags.Recorded;
            if (data.ParentSpanId != default)
            {
                Remember(data.ParentSpanId);
            }
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

    private void Remember(ActivitySpanId parent)
    {
        var now = time.GetUtcNow();
        _ancestors[parent] = now;
        if (_ancestors.Count > PruneAbove)
        {
            // Parents in another process (the host's span) never end here.
            foreach (var (id, at) in _ancestors)
            {
                if (now - at > Remembered)
                {
                    _ancestors.TryRemove(id, out _);
                }
            }
        }
    }
}
