using System.Net;
using InfraFunctions.Core;
using InfraFunctions.Core.Realtime;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace InfraFunctions.Http;

/// <summary>The problems live-update endpoints answer when SignalR Service is absent or failing.</summary>
public static class RealtimeProblems
{
    public static JsonApiResult<Problem> NotConfigured()
    {
        var result = ApiResults.Problem(StatusCodes.Status503ServiceUnavailable, "Live updates are not configured",
            $"SignalR Service is not configured: set the {AppSettingNames.SignalRConnectionString} app setting " +
            "('Endpoint=...;AccessKey=...;Version=1.0;' or 'Endpoint=...;AuthType=azure.msi;ClientId=...;Version=1.0;'). ./run.sh sets it locally.");
        return result;
    }

    public static JsonApiResult<Problem> Unavailable(Exception ex)
    {
        var detail = ex is BrokenCircuitException
            ? "SignalR Service failed repeatedly and calls to it are paused for a few seconds. Retry shortly."
            : $"SignalR Service did not complete the call ({Describe(ex)}). Retry shortly.";
        var result = ApiResults.Problem(StatusCodes.Status503ServiceUnavailable, "SignalR Service is unavailable", detail);
        result.Headers["Retry-After"] = "5";
        return result;
    }

    private static string Describe(Exception ex) => ex switch
    {
        SignalRServiceException s when s.Status == HttpStatusCode.Unauthorized => "it refused the credentials: check the AccessKey or the identity's role",
        SignalRServiceException s => $"it answered {(int)s.Status}",
        TimeoutRejectedException or OperationCanceledException => "it did not answer in time",
        _ => "it could not be reached",
    };
}
