using System.Net.Sockets;

namespace InfraFunctions.Core.Storage;

/// <summary>Tells storage outages and throttling (worth a 503 and a retry) from real errors.</summary>
public static class StorageFailure
{
    public static bool IsTransient(Exception ex) => ex switch
    {
        RequestFailedException r => r.Status is 0 or 408 or 429 or >= 500 || (r.InnerException is not null && IsTransient(r.InnerException)),
        AggregateException a => a.InnerExceptions.Count > 0 && a.InnerExceptions.All(IsTransient),
        HttpRequestException or SocketException or IOException or TimeoutException => true,
        TaskCanceledException t => t.InnerException is TimeoutException,
        _ => false,
    };

    /// <summary>The service's own Retry-After on 429/503, else a short default.</summary>
    public static int RetryAfterSeconds(Exception ex)
    {
        if (ex is RequestFailedException { Status: 429 or 503 } r
            && r.GetRawResponse() is { } response
            && response.Headers.TryGetValue("Retry-After", out var value)
            && int.TryParse(value, out var seconds))
        {
            return Math.Clamp(seconds, 1, 300);
        }

        return 5;
    }
}
