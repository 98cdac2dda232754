using System.Net;
using System.Net.Sockets;

namespace InfraFunctions.Agent.Tests.Collectors.ServiceChecks;

/// <summary>Check settings as the configuration reader makes them, and loopback ports for them to point at.</summary>
internal static class Checks
{
    public static CheckOptions Options(
        string target, double interval = 30, double timeout = 5, int? expectStatus = null, string? bodyContains = null, bool verifyTls = true)
    {
        var tcp = target.StartsWith("tcp://", StringComparison.Ordinal);
        var url = tcp ? new Uri(target.Replace("tcp://", "http://", StringComparison.Ordinal)) : new Uri(target);
        return new CheckOptions(
            target, target, tcp ? CheckKind.Tcp : CheckKind.Http, url.Host, url.Port, tcp ? null : url,
            TimeSpan.FromSeconds(interval), TimeSpan.FromSeconds(timeout), expectStatus, bodyContains, verifyTls);
    }

    /// <summary>A loopback port nothing listens on: connecting is refused.</summary>
    public static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
