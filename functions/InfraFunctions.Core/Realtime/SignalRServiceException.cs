using System.Net;

namespace InfraFunctions.Core.Realtime;

/// <summary>SignalR Service refused or failed a REST call.</summary>
public sealed class SignalRServiceException(HttpStatusCode status, string message) : Exception(message)
{
    public HttpStatusCode Status { get; } = status;
}
