namespace InfraFunctions.Contracts;

/// <summary>Network counters (all interfaces) and rates (loopback excluded).</summary>
/// <param name="BytesSent">Total bytes sent since boot.</param>
/// <param name="BytesRecv">Total bytes received since boot.</param>
/// <param name="Connections">Open sockets (TCP and UDP, IPv4 and IPv6).</param>
/// <param name="SentBytesPerSec">Bytes sent per second over the last interval.</param>
/// <param name="RecvBytesPerSec">Bytes received per second over the last interval.</param>
public sealed record NetworkMetrics(
    long BytesSent,
    long BytesRecv,
    int Connections,
    double SentBytesPerSec = 0,
    double RecvBytesPerSec = 0);
