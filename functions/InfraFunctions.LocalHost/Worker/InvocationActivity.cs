using System.Diagnostics;

namespace InfraFunctions.LocalHost.Worker;

/// <summary>
/// The host side of one invocation, as the Functions host starts it: its W3C id is the invocation's trace context, so
/// the worker's spans of one request or timer run form one trace, under the request's own activity when there is one.
/// Sampled, so a worker that follows its parent's decision keeps it; the worker's own sampler may still decide.
/// </summary>
public static class InvocationActivity
{
    public const string Name = "InfraFunctions.LocalHost.Invoke";

    public static Activity Start(string functionName)
    {
        var activity = new Activity(Name);
        activity.SetIdFormat(ActivityIdFormat.W3C);
        if (Activity.Current is { IdFormat: ActivityIdFormat.W3C } parent)
        {
            activity.SetParentId(parent.TraceId, parent.SpanId, ActivityTraceFlags.Recorded);
        }
        else
        {
            activity.ActivityTraceFlags = ActivityTraceFlags.Recorded;
        }

        activity.SetTag("faas.name", functionName);
        return activity.Start();
    }
}
