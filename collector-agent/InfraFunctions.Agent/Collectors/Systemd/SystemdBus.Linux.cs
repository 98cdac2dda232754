using InfraFunctions.Contracts;
using Tmds.DBus.Protocol;

namespace InfraFunctions.Agent.Collectors.Systemd;

/// <summary>
/// The calls the agent makes to systemd over the system bus, as org.freedesktop.systemd1(5) documents them:
/// <c>Manager.ListUnits</c> (<c>a(ssssssouso)</c>), <c>Manager.LoadUnit</c> and <c>Properties.Get</c> of the
/// <c>Unit</c> and <c>Service</c> interfaces. Every call has a deadline, so a stuck bus fails a query instead of hanging it.
/// </summary>
internal sealed class SystemdBus(DBusConnection connection, TimeSpan callTimeout, TimeProvider time) : IDisposable
{
    public const string ServiceName = "org.freedesktop.systemd1";
    public const string ManagerPath = "/org/freedesktop/systemd1";
    public const string ManagerInterface = "org.freedesktop.systemd1.Manager";
    public const string UnitInterface = "org.freedesktop.systemd1.Unit";
    public const string ServiceInterface = "org.freedesktop.systemd1.Service";
    private const string PropertiesInterface = "org.freedesktop.DBus.Properties";

    public static async Task<SystemdBus> ConnectAsync(string address, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var connection = new DBusConnection(new DBusConnectionOptions(address) { AutoConnect = false });
        try
        {
            await connection.ConnectAsync().AsTask().WaitAsync(timeout, time, cancellationToken).ConfigureAwait(false);
            return new SystemdBus(connection, timeout, time);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Every failed unit, and the watched ones, each with its restart count; watched units first, in order.</summary>
    public async Task<List<SystemdUnit>> QueryAsync(IReadOnlyList<string> watched, CancellationToken cancellationToken)
    {
        var listed = await CallAsync(ListUnitsMessage(), static (m, s) => ReadUnits(m, (IReadOnlyList<string>)s!), watched, cancellationToken);
        var units = new List<SystemdUnit>(listed.Count + watched.Count);
        foreach (var name in watched)
        {
            var entry = listed.Find(u => u.Name == name);
            if (entry is null)
            {
                // Not loaded right now: LoadUnit loads it, or returns a stub whose LoadState is not-found.
                var path = await CallAsync(LoadUnitMessage(name), static (m, _) => m.GetBodyReader().ReadObjectPathAsString(), null, cancellationToken);
                entry = new ListedUnit(
                    name,
                    await GetStringAsync(path, "LoadState", cancellationToken),
                    await GetStringAsync(path, "ActiveState", cancellationToken),
                    await GetStringAsync(path, "SubState", cancellationToken),
                    path);
            }

            // A unit that does not exist is inactive to systemd; its sub state says why, so a person sees the typo.
            var missing = entry.LoadState == "not-found";
            units.Add(new SystemdUnit(name, entry.ActiveState, missing ? "not-found" : entry.SubState,
                missing ? 0 : await RestartsAsync(entry, cancellationToken), Watched: true));
        }

        foreach (var entry in listed)
        {
            if (entry.ActiveState == "failed" && !Contains(watched, entry.Name))
            {
                units.Add(new SystemdUnit(entry.Name, entry.ActiveState, entry.SubState, await RestartsAsync(entry, cancellationToken)));
            }
        }

        return units;
    }

    public void Dispose() => connection.Dispose();

    private async Task<long> RestartsAsync(ListedUnit unit, CancellationToken cancellationToken)
    {
        if (!unit.Name.EndsWith(".service", StringComparison.Ordinal))
        {
            return 0;
        }

        return await CallAsync(GetPropertyMessage(unit.Path, ServiceInterface, "NRestarts"),
            static (m, _) => m.GetBodyReader().ReadVariantValue().GetUInt32(), null, cancellationToken);
    }

    private Task<string> GetStringAsync(string path, string property, CancellationToken cancellationToken) =>
        CallAsync(GetPropertyMessage(path, UnitInterface, property), static (m, _) => m.GetBodyReader().ReadVariantValue().GetString(), null, cancellationToken);

    private async Task<T> CallAsync<T>(MessageBuffer message, MessageValueReader<T> reader, object? state, CancellationToken cancellationToken) =>
        await connection.CallMethodAsync(message, reader, state).WaitAsync(callTimeout, time, cancellationToken).ConfigureAwait(false);

    // Only failed and watched entries become strings: a host lists hundreds of units every query.
    private static List<ListedUnit> ReadUnits(Message message, IReadOnlyList<string> watched)
    {
        var units = new List<ListedUnit>();
        var reader = message.GetBodyReader();
        var end = reader.ReadArrayStart(DBusType.Struct);
        while (reader.HasNext(end))
        {
            reader.AlignStruct();
            var name = reader.ReadStringAsSpan();
            reader.ReadStringAsSpan(); // description
            var load = reader.ReadStringAsSpan();
            var active = reader.ReadStringAsSpan();
            var sub = reader.ReadStringAsSpan();
            reader.ReadStringAsSpan(); // following
            var path = reader.ReadObjectPathAsSpan();
            reader.ReadUInt32(); // job id
            reader.ReadStringAsSpan(); // job type
            reader.ReadObjectPathAsSpan(); // job path
            if (active.SequenceEqual("failed"u8) || IsWatched(watched, name))
            {
                units.Add(new ListedUnit(Utf8(name), Utf8(load), Utf8(active), Utf8(sub), Utf8(path)));
            }
        }

        return units;
    }

    private static bool IsWatched(IReadOnlyList<string> watched, ReadOnlySpan<byte> name)
    {
        foreach (var unit in watched)
        {
            // Watched names are ASCII (the settings allow nothing else).
            if (System.Text.Ascii.Equals(name, unit))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Contains(IReadOnlyList<string> names, string name)
    {
        foreach (var n in names)
        {
            if (n == name)
            {
                return true;
            }
        }

        return false;
    }

    private static string Utf8(ReadOnlySpan<byte> bytes) => System.Text.Encoding.UTF8.GetString(bytes);

    private MessageBuffer ListUnitsMessage()
    {
        using var writer = connection.GetMessageWriter();
        writer.WriteMethodCallHeader(ServiceName, ManagerPath, ManagerInterface, "ListUnits");
        return writer.CreateMessage();
    }

    private MessageBuffer LoadUnitMessage(string name)
    {
        using var writer = connection.GetMessageWriter();
        writer.WriteMethodCallHeader(ServiceName, ManagerPath, ManagerInterface, "LoadUnit", "s");
        writer.WriteString(name);
        return writer.CreateMessage();
    }

    private MessageBuffer GetPropertyMessage(string path, string @interface, string property)
    {
        using var writer = connection.GetMessageWriter();
        writer.WriteMethodCallHeader(ServiceName, path, PropertiesInterface, "Get", "ss");
        writer.WriteString(@interface);
        writer.WriteString(property);
        return writer.CreateMessage();
    }
}
