using System.Net;
using System.Net.Sockets;
using InfraFunctions.Agent.Collectors.ServiceChecks;
using InfraFunctions.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace InfraFunctions.Agent.Tests.Collectors.ServiceChecks;

/// <summary>Each kind of check against loopback servers: listening, refusing, slow, with a short-lived certificate, answering wrongly.</summary>
public sealed class ServiceCheckTests
{
    [Fact]
    public async Task ATcpCheckOfAListeningPortIsUpWithItsConnectTime()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var target = $"tcp://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
        using var check = new ServiceCheck(Checks.Options(target), TimeProvider.System);

        var result = await check.RunAsync(CancellationToken.None);

        Assert.True(result.Up, result.Error);
        Assert.Equal((target, target), (result.Name, result.Target));
        Assert.InRange(result.LatencyMs!.Value, 0, 5000);
        Assert.Null(result.StatusCode);
    }

    [Theory]
    [InlineData("tcp://127.0.0.1:{0}")]
    [InlineData("http://127.0.0.1:{0}/health")]
    public async Task AClosedPortIsDownWithConnectionRefused(string format)
    {
        using var check = new ServiceCheck(Checks.Options(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, Checks.ClosedPort())), TimeProvider.System);

        var result = await check.RunAsync(CancellationToken.None);

        Assert.False(result.Up);
        Assert.Equal("connection refused", result.Error);
        Assert.Null(result.LatencyMs);
    }

    [Fact]
    public async Task AServerThatAnswersAfterTheTimeoutIsDownTimedOut()
    {
        var received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/slow", async () =>
        {
            received.TrySetResult();
            await gate.Task;
            return "late";
        }));
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var check = new ServiceCheck(Checks.Options($"{server.BaseAddress}slow", timeout: 5), time);

        var run = check.RunAsync(CancellationToken.None);
        await received.Task.WaitAsync(TimeSpan.FromSeconds(10));
        time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.False(run.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(0.1));
        var result = await run.WaitAsync(TimeSpan.FromSeconds(10));
        gate.SetResult();

        Assert.False(result.Up);
        Assert.Equal("timed out after 5 s", result.Error);
    }

    [Fact]
    public async Task AnHttpsCertificateThatExpiresInThreeDaysIsReportedWithItsDaysLeftAndUntrustedWhenVerified()
    {
        using var certificate = TestCertificate.ValidUntil(DateTimeOffset.UtcNow.AddDays(3));
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/", () => "ok"), certificate: certificate);
        var target = $"https://127.0.0.1:{server.BaseAddress.Port}/";
        using var accepting = new ServiceCheck(Checks.Options(target, verifyTls: false), TimeProvider.System);
        using var verifying = new ServiceCheck(Checks.Options(target), TimeProvider.System);

        var accepted = await accepting.RunAsync(CancellationToken.None);
        var refused = await verifying.RunAsync(CancellationToken.None);

        Assert.True(accepted.Up, accepted.Error);
        Assert.Equal(200, accepted.StatusCode);
        Assert.InRange(accepted.CertificateDaysLeft!.Value, 2.99, 3.0);
        Assert.False(refused.Up);
        Assert.Equal("TLS validation failed: the certificate is not trusted (UntrustedRoot) (set \"verify_tls\": false to accept it)", refused.Error);
        Assert.InRange(refused.CertificateDaysLeft!.Value, 2.99, 3.0);
    }

    [Fact]
    public async Task AnExpiredCertificateIsDownSayingHowLongAgoItExpired()
    {
        using var certificate = TestCertificate.ValidUntil(DateTimeOffset.UtcNow.AddDays(-2.5));
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/", () => "ok"), certificate: certificate);
        using var check = new ServiceCheck(Checks.Options($"https://127.0.0.1:{server.BaseAddress.Port}/"), TimeProvider.System);

        var result = await check.RunAsync(CancellationToken.None);

        Assert.False(result.Up);
        Assert.Equal("certificate expired 2 days ago", result.Error);
        Assert.InRange(result.CertificateDaysLeft!.Value, -2.51, -2.49);
    }

    [Fact]
    public async Task AnUnexpectedStatusOrAMissingBodyTextIsDownSayingWhatCameInstead()
    {
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/unavailable", () => Results.StatusCode(503));
            app.MapGet("/empty", () => Results.NoContent());
            app.MapGet("/hello", () => "hello world");
            app.MapGet("/moved", () => Results.Redirect("/elsewhere"));
        });
        var url = server.BaseAddress;

        var unavailable = await RunAsync(Checks.Options($"{url}unavailable"));
        var empty = await RunAsync(Checks.Options($"{url}empty", expectStatus: 200));
        var noOk = await RunAsync(Checks.Options($"{url}hello", bodyContains: "ok"));
        var world = await RunAsync(Checks.Options($"{url}hello", bodyContains: "world"));
        var moved = await RunAsync(Checks.Options($"{url}moved"));

        Assert.Equal((false, 503, "status 503, expected 2xx or 3xx"), (unavailable.Up, unavailable.StatusCode, unavailable.Error));
        Assert.Equal((false, 204, "status 204, expected 200"), (empty.Up, empty.StatusCode, empty.Error));
        Assert.Equal((false, 200, "body does not contain \"ok\" (in its first 64 KB)"), (noOk.Up, noOk.StatusCode, noOk.Error));
        Assert.Equal((true, 200, null), (world.Up, world.StatusCode, world.Error));
        Assert.NotNull(world.LatencyMs);
        // Redirects are not followed: the check reports what the target itself answers.
        Assert.Equal((true, 302), (moved.Up, moved.StatusCode));
    }

    private static async Task<Contracts.CheckResult> RunAsync(CheckOptions options)
    {
        using var check = new ServiceCheck(options, TimeProvider.System);
        return await check.RunAsync(CancellationToken.None);
    }
}
