using Microsoft.Extensions.Logging;

namespace InfraFunctions.Agent.Delivery;

internal sealed partial class DeliveryService
{
    [LoggerMessage(Level = LogLevel.Error, Message = "The server refused the agent key ({Status}) at {Endpoint}. Check 'key' in the agent configuration, or issue a new key; {Count} samples stay queued and the post is retried in {Seconds} s")]
    private static partial void LogKeyRefused(ILogger logger, int status, Uri? endpoint, int count, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The server is throttling or unavailable ({Status}); retrying after its Retry-After of {Seconds} s")]
    private static partial void LogThrottled(ILogger logger, int status, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Post failed (status {Status}: {Error}); attempt {Attempt}, retrying in {Seconds:F1} s")]
    private static partial void LogPostFailed(ILogger logger, int? status, string? error, int attempt, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "The server refused the batch as a whole ({Status}: {Error}); samples stay queued, retrying in {Seconds} s")]
    private static partial void LogBatchRefused(ILogger logger, int? status, string? error, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The server rejected {Rejected} of {Count} samples; they were written to {Path} with its reasons")]
    private static partial void LogRejected(ILogger logger, int rejected, int count, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The server ignored some of the agent's tags: {Problem}")]
    private static partial void LogTagsIgnored(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected error while posting; retrying in {Seconds:F1} s")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, double seconds);
}
