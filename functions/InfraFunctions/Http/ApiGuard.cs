using InfraFunctions.Core.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace InfraFunctions.Http;

/// <summary>Turns storage outages into 503 with Retry-After, and anything unexpected into a 500 problem, never a bare stack trace.</summary>
public sealed class ApiGuard(ILogger<ApiGuard> logger)
{
    public async Task<IActionResult> RunAsync(string operation, Func<Task<IActionResult>> handler)
    {
        try
        {
            return await handler();
        }
        catch (Exception ex) when (StorageFailure.IsTransient(ex))
        {
            logger.LogWarning(ex, "Storage unavailable during {Operation}", operation);
            return ApiResults.Unavailable("Table Storage is unavailable or throttling; nothing from this request was stored. Retry after the given delay.", StorageFailure.RetryAfterSeconds(ex));
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Unexpected failure during {Operation}", operation);
            return ApiResults.Problem(500, "Internal error", $"{operation} failed unexpectedly; the error is logged. Try again, and report it if it persists.");
        }
    }
}
