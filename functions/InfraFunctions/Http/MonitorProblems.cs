using System.Globalization;
using System.Net;
using InfraFunctions.Core.Monitor;

namespace InfraFunctions.Http;

/// <summary>Problem details for the endpoints backed by Azure Monitor.</summary>
public static class MonitorProblems
{
    public static IActionResult NotConfigured(string setting, string what) =>
        ApiResults.Problem(503, $"{what} is not configured",
            $"Set the app setting '{setting}' to enable this endpoint. The Bicep sets it in Azure; locally it is unset, so this endpoint is off.");

    public static IActionResult From(MonitorServiceException ex)
    {
        if (ex.Status == HttpStatusCode.TooManyRequests || (int)ex.Status >= 500 && ex.RetryAfter is not null)
        {
            var result = ApiResults.Problem(503, $"{ex.Service} is throttling", $"{ex.Message} Retry after the given delay.");
            result.Headers["Retry-After"] = ((int)(ex.RetryAfter ?? TimeSpan.FromSeconds(30)).TotalSeconds).ToString(CultureInfo.InvariantCulture);
            return result;
        }

        return ex.Status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
            ? ApiResults.Problem(502, $"{ex.Service} refused the function app's identity",
                $"{ex.Message} Grant the managed identity (Monitor__ClientId) the Log Analytics Reader / Monitoring Reader role.")
            : ApiResults.Problem(502, $"{ex.Service} failed", ex.Message);
    }
}
