using System.Net;

namespace InfraFunctions.Core.Monitor;

/// <summary>An Azure Monitor API refused or failed a call; <see cref="RetryAfter"/> is set when it said when to come back.</summary>
public sealed class MonitorServiceException(string service, HttpStatusCode status, string? code, string message, TimeSpan? retryAfter = null)
    : Exception($"{service} answered {(int)status}{(code is null ? string.Empty : $" ({code})")}: {message}")
{
    public string Service => service;

    public HttpStatusCode Status => status;

    public string? Code => code;

    public TimeSpan? RetryAfter => retryAfter;
}
