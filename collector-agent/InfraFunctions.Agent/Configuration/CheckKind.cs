namespace InfraFunctions.Agent;

/// <summary>What a service check does: open a TCP connection, or make an HTTP(S) request.</summary>
internal enum CheckKind
{
    Tcp,
    Http,
}
