using System.Collections.Concurrent;
using Tmds.DBus.Protocol;

namespace InfraFunctions.Agent.Tests.Collectors.Systemd;

/// <summary>
/// A stand-in for systemd on a private bus, shaped like the real interface as org.freedesktop.systemd1(5) documents
/// it (https://www.freedesktop.org/software/systemd/man/latest/org.freedesktop.systemd1.html): it owns the name
/// <c>org.freedesktop.systemd1</c>; <c>/org/freedesktop/systemd1</c> implements <c>org.freedesktop.systemd1.Manager</c>
/// <c>ListUnits() → a(ssssssouso)</c>, <c>GetUnit(s) → o</c> (<c>org.freedesktop.systemd1.NoSuchUnit</c> when the unit
/// is not loaded) and <c>LoadUnit(s) → o</c> (a stub with LoadState not-found, ActiveState inactive and SubState dead
/// for a unit that does not exist); each unit's object, at its escaped path, answers <c>org.freedesktop.DBus.Properties</c>
/// <c>Get(ss) → v</c> and <c>GetAll(s) → a{sv}</c> for <c>org.freedesktop.systemd1.Unit</c> (Id, LoadState, ActiveState,
/// SubState) and, for services, <c>org.freedesktop.systemd1.Service</c> (<c>NRestarts</c>, <c>u</c>).
/// </summary>
internal sealed class FakeSystemd : IPathMethodHandler, IDisposable
{
    private const string Manager = "org.freedesktop.systemd1.Manager";
    private readonly ConcurrentDictionary<string, FakeUnit> units = new(StringComparer.Ordinal);
    private readonly DBusConnection connection;
    private volatile TaskCompletionSource? gate;

    private FakeSystemd(DBusConnection connection) => this.connection = connection;

    public string Path => "/org/freedesktop/systemd1";

    public bool HandlesChildPaths => true;

    /// <summary>How many method calls arrived.</summary>
    public int Calls => calls;

    private int calls;

    public static async Task<FakeSystemd> StartAsync(string address, params FakeUnit[] units)
    {
        var connection = new DBusConnection(address);
        await connection.ConnectAsync();
        var fake = new FakeSystemd(connection);
        foreach (var unit in units)
        {
            fake.Set(unit);
        }

        connection.AddMethodHandler(fake);
        await connection.RequestNameAsync("org.freedesktop.systemd1");
        return fake;
    }

    public void Set(FakeUnit unit) => units[unit.Name] = unit;

    /// <summary>Holds every answer until <see cref="Release"/>: a bus that stopped answering.</summary>
    public void Hold() => gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => gate?.TrySetResult();

    public async ValueTask HandleMethodAsync(MethodContext context)
    {
        Interlocked.Increment(ref calls);
        if (gate is { } held)
        {
            await held.Task;
        }

        var request = context.Request;
        var member = request.MemberAsString;
        if (request.PathAsString == Path && request.InterfaceAsString == Manager)
        {
            switch (member)
            {
                case "ListUnits":
                    ReplyUnits(context);
                    return;
                case "GetUnit" or "LoadUnit":
                    var name = request.GetBodyReader().ReadString();
                    if (!units.TryGetValue(name, out var unit) || !unit.Loaded)
                    {
                        if (member == "GetUnit")
                        {
                            context.ReplyError("org.freedesktop.systemd1.NoSuchUnit", $"Unit {name} not loaded.");
                            return;
                        }

                        unit ??= new FakeUnit(name, "not-found", "inactive", "dead", Loaded: false);
                        units[name] = unit;
                    }

                    using (var writer = context.CreateReplyWriter("o"))
                    {
                        writer.WriteObjectPath(unit.Path);
                        context.Reply(writer.CreateMessage());
                    }

                    return;
            }
        }
        else if (request.InterfaceAsString == "org.freedesktop.DBus.Properties" && Find(request.PathAsString) is { } unit)
        {
            var reader = request.GetBodyReader();
            var @interface = reader.ReadString();
            if (member == "Get")
            {
                ReplyProperty(context, unit, @interface, reader.ReadString());
                return;
            }

            if (member == "GetAll")
            {
                ReplyAll(context, unit, @interface);
                return;
            }
        }

        context.ReplyUnknownMethodError();
    }

    public void Dispose()
    {
        Release();
        connection.Dispose();
    }

    private FakeUnit? Find(string? path)
    {
        foreach (var unit in units.Values)
        {
            if (unit.Path == path)
            {
                return unit;
            }
        }

        return null;
    }

    private void ReplyUnits(MethodContext context)
    {
        using var writer = context.CreateReplyWriter("a(ssssssouso)");
        var array = writer.WriteArrayStart(DBusType.Struct);
        foreach (var unit in units.Values)
        {
            if (!unit.Loaded)
            {
                continue;
            }

            writer.WriteStructureStart();
            writer.WriteString(unit.Name);
            writer.WriteString($"Stand-in {unit.Name}");
            writer.WriteString(unit.LoadState);
            writer.WriteString(unit.ActiveState);
            writer.WriteString(unit.SubState);
            writer.WriteString(""); // following
            writer.WriteObjectPath(unit.Path);
            writer.WriteUInt32(0); // no job
            writer.WriteString("");
            writer.WriteObjectPath("/");
        }

        writer.WriteArrayEnd(array);
        context.Reply(writer.CreateMessage());
    }

    private static void ReplyProperty(MethodContext context, FakeUnit unit, string @interface, string property)
    {
        using var writer = context.CreateReplyWriter("v");
        switch (@interface, property)
        {
            case ("org.freedesktop.systemd1.Unit", "Id"):
                writer.WriteVariantString(unit.Name);
                break;
            case ("org.freedesktop.systemd1.Unit", "LoadState"):
                writer.WriteVariantString(unit.LoadState);
                break;
            case ("org.freedesktop.systemd1.Unit", "ActiveState"):
                writer.WriteVariantString(unit.ActiveState);
                break;
            case ("org.freedesktop.systemd1.Unit", "SubState"):
                writer.WriteVariantString(unit.SubState);
                break;
            case ("org.freedesktop.systemd1.Service", "NRestarts") when unit.Name.EndsWith(".service", StringComparison.Ordinal):
                writer.WriteVariantUInt32(unit.Restarts);
                break;
            default:
                context.ReplyError("org.freedesktop.DBus.Error.UnknownProperty", $"Unknown property {@interface}.{property}");
                return;
        }

        context.Reply(writer.CreateMessage());
    }

    private static void ReplyAll(MethodContext context, FakeUnit unit, string @interface)
    {
        using var writer = context.CreateReplyWriter("a{sv}");
        var dictionary = writer.WriteDictionaryStart();
        if (@interface == "org.freedesktop.systemd1.Unit")
        {
            foreach (var (key, value) in new[] { ("Id", unit.Name), ("LoadState", unit.LoadState), ("ActiveState", unit.ActiveState), ("SubState", unit.SubState) })
            {
                writer.WriteDictionaryEntryStart();
                writer.WriteString(key);
                writer.WriteVariantString(value);
            }
        }
        else if (@interface == "org.freedesktop.systemd1.Service" && unit.Name.EndsWith(".service", StringComparison.Ordinal))
        {
            writer.WriteDictionaryEntryStart();
            writer.WriteString("NRestarts");
            writer.WriteVariantUInt32(unit.Restarts);
        }

        writer.WriteDictionaryEnd(dictionary);
        context.Reply(writer.CreateMessage());
    }
}
