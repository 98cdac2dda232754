using System.Diagnostics;
using System.Net;
using InfraFunctions.LocalHost.Worker;
using InfraFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace InfraFunctions.LocalHost.Tests;

/// <summary>The worker's life under LocalHost: restarted when it dies, never outliving LocalHost, and a failed start is an exit.</summary>
public sealed class LifecycleTests(TablesFixture tables) : IClassFixture<TablesFixture>
{
    private static readonly TimeSpan Ready = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task AWorkerKilledWithSigkillIsRestartedAndRequestsGet503UntilItIsBack()
    {
        await using var server = await LocalHostServer.StartAsync(tables.ConnectionString);
        var supervisor = server.App.Services.GetRequiredService<WorkerSupervisor>();
        var first = supervisor.Current!.Process.Id;
        using (var before = await server.Client.GetAsync("api/v1/observability/hosts"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, before.StatusCode);
        }

        Process.GetProcessById(first).Kill();
        var statuses = new List<HttpStatusCode>();
        var deadline = Stopwatch.StartNew();
        HttpStatusCode status;
        do
        {
            using var response = await server.Client.GetAsync("api/v1/observability/hosts");
            status = response.StatusCode;
            statuses.Add(status);
            if (status == HttpStatusCode.ServiceUnavailable)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "503 must carry Retry-After");
            }
            else
            {
                Assert.Equal(HttpStatusCode.Unauthorized, status);
            }
        }
        while ((status != HttpStatusCode.Unauthorized || supervisor.Current?.Process.Id == first) && deadline.Elapsed < Ready);

        Assert.Contains(HttpStatusCode.ServiceUnavailable, statuses);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.NotEqual(first, supervisor.Current!.Process.Id);
        Assert.False(ProcessTree.IsRunning(first));
    }

    [Fact]
    public async Task LocalHostKilledWithSigkillLeavesNoWorkerBehind()
    {
        using var host = LocalHostProcess.Start(tables.ConnectionString);
        await host.WaitReadyAsync(Ready);
        var workers = host.Children();
        Assert.NotEmpty(workers);

        Process.GetProcessById(host.Id).Kill();
        await host.WaitForExitAsync(TimeSpan.FromSeconds(10));

        var deadline = Stopwatch.StartNew();
        while (workers.Any(ProcessTree.IsRunning) && deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(100);
        }

        Assert.DoesNotContain(workers, ProcessTree.IsRunning);
    }

    [Fact]
    public async Task LocalHostStoppedWithSigtermStopsItsWorkerAndExitsCleanly()
    {
        using var host = LocalHostProcess.Start(tables.ConnectionString);
        await host.WaitReadyAsync(Ready);
        var workers = host.Children();

        Process.Start("kill", ["-TERM", host.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();

        Assert.Equal(0, await host.WaitForExitAsync(TimeSpan.FromSeconds(20)));
        Assert.DoesNotContain(workers, ProcessTree.IsRunning);
    }

    [Fact]
    public async Task ABadAppSettingMakesLocalHostExitNonZeroWithTheWorkersErrorNamingIt()
    {
        using var host = LocalHostProcess.Start(tables.ConnectionString, new Dictionary<string, string?>
        {
            ["Thresholds__CpuWarning"] = "95",
            ["Thresholds__CpuCritical"] = "90",
        });

        var code = await host.WaitForExitAsync(Ready);

        Assert.NotEqual(0, code);
        Assert.Contains("Thresholds__CpuWarning", host.Output, StringComparison.Ordinal);
        Assert.Contains("LocalHost could not start the function app", host.Output, StringComparison.Ordinal);
    }
}
