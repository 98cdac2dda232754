using Azure.Core;

namespace InfraFunctions.Core.Monitor;

/// <summary>Client options of the Monitor REST clients: Azure.Core's retry (which honours Retry-After) and transport.</summary>
public sealed class MonitorClientOptions : ClientOptions
{
    public MonitorClientOptions()
    {
        Retry.MaxRetries = 2;
        Retry.Delay = TimeSpan.FromMilliseconds(500);
        Retry.MaxDelay = TimeSpan.FromSeconds(10);
        Retry.NetworkTimeout = TimeSpan.FromSeconds(20);
        Diagnostics.IsLoggingContentEnabled = false;
        Diagnostics.ApplicationId = "InfraFunctions";
    }
}
