using System.Net.Sockets;
using System.Text;

namespace InfraFunctions.Agent.Hosting;

/// <summary>
/// sd_notify(3) for a <c>Type=notify</c> unit: one datagram to the socket systemd names in <c>NOTIFY_SOCKET</c>
/// (a path, or an abstract socket when it starts with <c>@</c>). Without that variable it does nothing.
/// </summary>
internal static class SystemdNotifier
{
    public static void Notify(string state) => Notify(state, Environment.GetEnvironmentVariable("NOTIFY_SOCKET"));

    public static void Notify(string state, string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return;
        }

        try
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
            var address = path[0] == '@' ? "\0" + path[1..] : path;
            socket.Connect(new UnixDomainSocketEndPoint(address));
            socket.Send(Encoding.UTF8.GetBytes(state));
        }
        catch (SocketException)
        {
            // systemd went away or the unit is not Type=notify: readiness is only a courtesy to it.
        }
    }
}
