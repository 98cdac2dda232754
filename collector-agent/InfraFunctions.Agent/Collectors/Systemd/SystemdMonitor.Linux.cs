using System.Globalization;
using System.Net.Sockets;
using InfraFunctions.Agent.Delivery;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tmds.DBus.Protocol;

namespace InfraFunctions.Agent.Collectors.Systemd;

/// <summary>
/// Asks systemd for failed and watched units on a loop of its own and keeps the latest answer, so a slow or stuck
/// bus never delays a sample: the sample takes <see cref="Latest"/>. Without a system bus, or without systemd on
/// it, the monitor turns itself off with one info line. When the bus fails after a good start, the last units are
/// kept and <see cref="SystemdSnapshot.Error"/> says why and since when; it reconnects with backoff.
/// </summary>
internal sealed partial class SystemdMonitor(AgentOptions options, TimeProvider time, ILogger<SystemdMonitor> logger) : BackgroundService
{
    public const string DefaultSystemBusAddress = "unix:path=/run/dbus/system_bus_socket";
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan MinRefresh = TimeSpan.FromSeconds(5);
    private readonly Backoff backoff = new(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), Random.Shared);
    private volatile SystemdSnapshot snapshot = SystemdSnapshot.Empty;
    private SystemdBus? bus;
    private DateTimeOffset? lastGood;
    private string? lastError;

    /// <summary>The latest units, and the error of the last query when it failed. Never blocks.</summary>
    public SystemdSnapshot Latest => snapshot;

    /// <summary>True once the monitor found no system bus or no systemd on it and stopped.</summary>
    public bool Off { get; private set; }

    public string Address { get; } = options.SystemBusAddress
        ?? (Environment.GetEnvironmentVariable("DBUS_SYSTEM_BUS_ADDRESS") is { Length: > 0 } fromEnvironment ? fromEnvironment : DefaultSystemBusAddress);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Off = !options.Systemd;
        var interval = options.SampleInterval > MinRefresh ? options.SampleInterval : MinRefresh;
        var failures = 0;
        try
        {
            while (!Off && !stoppingToken.IsCancellationRequested)
            {
                failures = await RefreshAsync(stoppingToken) ? 0 : failures + 1;
                if (!Off)
                {
                    await Task.Delay(failures == 0 ? interval : backoff.Next(failures), time, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            bus?.Dispose();
            bus = null;
        }
    }

    /// <summary>One query, connecting first when needed; true when it succeeded.</summary>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        if (Off || !options.Systemd)
        {
            Off = true;
            return false;
        }

        try
        {
            bus ??= await SystemdBus.ConnectAsync(Address, CallTimeout, time, cancellationToken);
            var units = await bus.QueryAsync(options.WatchUnits, cancellationToken);
            lastGood = time.GetUtcNow();
            if (lastError is not null)
            {
                LogRecovered(logger, Address);
                lastError = null;
            }

            snapshot = new SystemdSnapshot(units, null);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            bus?.Dispose();
            bus = null;
            var reason = Describe(e);
            if (lastGood is null && NoSystemd(e))
            {
                Off = true;
                LogOff(logger, Address, reason);
                return false;
            }

            var message = lastGood is { } at
                ? string.Create(CultureInfo.InvariantCulture, $"cannot query systemd over D-Bus at {Address}: {reason}; the units are as of {at:yyyy-MM-dd'T'HH:mm:ss'Z'}")
                : $"cannot query systemd over D-Bus at {Address}: {reason}";
            if (reason != lastError)
            {
                LogQueryFailed(logger, Address, reason);
                lastError = reason;
            }

            snapshot = snapshot with { Error = message };
            return false;
        }
    }

    public override void Dispose()
    {
        bus?.Dispose();
        base.Dispose();
    }

    /// <summary>No bus to connect to (no socket, refused), or a bus where nobody serves org.freedesktop.systemd1.</summary>
    private static bool NoSystemd(Exception e) => e switch
    {
        DBusConnectFailedException => true,
        DBusErrorReplyException reply => reply.ErrorName is "org.freedesktop.DBus.Error.ServiceUnknown" or "org.freedesktop.DBus.Error.NameHasNoOwner",
        _ => e.InnerException is SocketException,
    };

    private static string Describe(Exception e) => e switch
    {
        TimeoutException => string.Create(CultureInfo.InvariantCulture, $"no answer within {CallTimeout.TotalSeconds:0} s"),
        DBusErrorReplyException reply => $"{reply.ErrorName}: {reply.ErrorMessage}",
        { InnerException: SocketException socket } => socket.SocketErrorCode switch
        {
            SocketError.ConnectionRefused => "connection refused",
            SocketError.AddressNotAvailable or SocketError.AddressFamilyNotSupported => "no bus socket",
            _ => socket.Message,
        },
        DBusConnectionClosedException => "the bus closed the connection",
        _ => e.Message,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "systemd units are not collected: no systemd on the system bus at {Address} ({Reason})")]
    private static partial void LogOff(ILogger logger, string address, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Querying systemd over D-Bus at {Address} failed ({Reason}); the last units are reported until it answers again")]
    private static partial void LogQueryFailed(ILogger logger, string address, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "systemd answers over D-Bus at {Address} again")]
    private static partial void LogRecovered(ILogger logger, string address);
}
