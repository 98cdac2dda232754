using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using InfraFunctions.LocalHost.Rpc;

namespace InfraFunctions.LocalHost.Worker;

/// <summary>The InvocationRequests the Functions host sends, built as the worker expects them.</summary>
public static class InvocationMessages
{
    /// <summary>
    /// An HTTP invocation: the request itself travels over HTTP with <c>x-ms-invocation-id</c>, so the trigger's
    /// data is an empty RpcHttp; route values go in trigger_metadata, or route parameters bind as null.
    /// </summary>
    public static InvocationRequest Http(FunctionInfo function, string invocationId, IEnumerable<KeyValuePair<string, object?>> routeValues, Activity? activity)
    {
        var request = New(function, invocationId, activity);
        request.InputData.Add(new ParameterBinding { Name = function.TriggerName, Data = new TypedData { Http = new RpcHttp() } });
        foreach (var (name, value) in routeValues)
        {
            if (value is not null)
            {
                request.TriggerMetadata[name] = new TypedData { String = Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty };
            }
        }

        return request;
    }

    /// <summary>A timer invocation, carrying the TimerInfo JSON the host sends.</summary>
    public static InvocationRequest Timer(FunctionInfo function, string invocationId, TimerStatus status, Activity? activity)
    {
        var request = New(function, invocationId, activity);
        request.InputData.Add(new ParameterBinding { Name = function.TriggerName, Data = new TypedData { Json = TimerInfoJson(status) } });
        return request;
    }

    public static string TimerInfoJson(TimerStatus status) => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["Schedule"] = new Dictionary<string, object> { ["AdjustForDST"] = true },
        ["ScheduleStatus"] = new Dictionary<string, object>
        {
            ["Last"] = status.Last.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            ["Next"] = status.Next.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            ["LastUpdated"] = status.LastUpdated.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        },
        ["IsPastDue"] = status.IsPastDue,
    });

    /// <summary>The worker throws on an invocation without a trace context, so every request carries one.</summary>
    public static RpcTraceContext TraceContext(Activity? activity) => new()
    {
        TraceParent = activity?.Id ?? $"00-{ActivityTraceId.CreateRandom()}-{ActivitySpanId.CreateRandom()}-00",
        TraceState = activity?.TraceStateString ?? string.Empty,
    };

    /// <summary>The text of a function's return value, for a manual timer run's reply.</summary>
    public static string? Text(TypedData? data) => data?.DataCase switch
    {
        TypedData.DataOneofCase.Json => data.Json,
        TypedData.DataOneofCase.String => data.String,
        TypedData.DataOneofCase.Bytes => data.Bytes.ToStringUtf8(),
        TypedData.DataOneofCase.Int => data.Int.ToString(CultureInfo.InvariantCulture),
        TypedData.DataOneofCase.Double => data.Double.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };

    private static InvocationRequest New(FunctionInfo function, string invocationId, Activity? activity) => new()
    {
        InvocationId = invocationId,
        FunctionId = function.Id,
        TraceContext = TraceContext(activity),
    };
}
