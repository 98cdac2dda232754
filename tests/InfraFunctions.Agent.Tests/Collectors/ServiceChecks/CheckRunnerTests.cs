using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using InfraFunctions.Agent.Collectors;
using InfraFunctions.Agent.Collectors.ServiceChecks;
using InfraFunctions.Agent.Tests.Collectors.Systemd;
using InfraFunctions.Agent.Tests.EndToEnd;
using InfraFunctions.Contracts;
using InfraFunctions.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Time.Testing;

namespace InfraFunctions.Agent.Tests.Collectors.ServiceChecks;

/// <summary>Checks run on loops of their own; samples take the latest result of each and never wait for one.</summary>
public sealed class CheckRunnerTests
{
    [Fact]
    public async Task AHungCheckNeverDelaysASampleWhichTakesTheLatestResultOfEachCheck()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var requests = 0;
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var hung = await LoopbackServer.StartAsync(app => app.MapGet("/", async () =>
        {
            Interlocked.Increment(ref requests);
            await gate.Task;
            return "late";
        }));
        var tcpTarget = $"tcp://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var start = time.GetUtcNow();
        var options = new AgentOptions { Checks = [Checks.Options(tcpTarget, interval: 10), Checks.Options(hung.BaseAddress.ToString(), interval: 30, timeout: 5)] };
        using var runner = new CheckRunner(options, time, new ListLogger<CheckRunner>());
        var collector = new SampleCollector(TimeProvider.System, new AgentOptions()) { CheckResults = runner.Results };

        await runner.StartAsync(CancellationToken.None);
        Assert.True(await Eventually.TrueAsync(() => runner.Results.Snapshot().Count == 1 && Volatile.Read(ref requests) == 1, TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(10)));

        // The HTTP check is waiting on a server that does not answer; the sample does not wait for it.
        var during = collector.Collect();
        var tcp = Assert.Single(during.Checks!);
        Assert.Equal((tcpTarget, true, start), (tcp.Target, tcp.Up, tcp.CheckedAt));

        time.Advance(TimeSpan.FromSeconds(5));
        Assert.True(await Eventually.TrueAsync(() => runner.Results.Snapshot().Count == 2, TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(10)));
        var timedOut = collector.Collect().Checks![1];
        Assert.Equal((false, "timed out after 5 s"), (timedOut.Up, timedOut.Error));

        // Each check keeps its own interval: at 10 s the TCP check runs again, the HTTP one (every 30 s) does not.
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.True(await Eventually.TrueAsync(() => runner.Results.Snapshot()[0].CheckedAt == start.AddSeconds(10), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(10)));
        Assert.Equal(1, Volatile.Read(ref requests));

        gate.SetResult();
        await runner.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task OnceRunsEachCheckOnceAndPrintsSystemdUnitsAndChecks()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var target = $"tcp://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
        using var output = new StringWriter();
        var options = new AgentOptions
        {
            HostId = "test-host",
            Checks = [Checks.Options(target), Checks.Options($"tcp://127.0.0.1:{Checks.ClosedPort()}")],
            SystemBusAddress = "unix:path=/nonexistent/system_bus_socket",
        };

        Assert.Equal(0, await OnceCommand.RunAsync(options, TimeProvider.System, output));

        using var json = JsonDocument.Parse(output.ToString());
        var sample = json.RootElement.GetProperty("samples")[0];
        Assert.Equal(JsonValueKind.Array, sample.GetProperty("systemd_units").ValueKind);
        Assert.Equal(0, sample.GetProperty("systemd_units").GetArrayLength());
        var checks = JsonSerializer.Deserialize(sample.GetProperty("checks"), ContractsJsonContext.Default.IReadOnlyListCheckResult)!;
        Assert.Equal([(target, true, (string?)null), (options.Checks[1].Target, false, "connection refused")], checks.Select(c => (c.Target, c.Up, c.Error)));
    }
}
