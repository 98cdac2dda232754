using System.Diagnostics;
using System.Globalization;
using InfraFunctions.Testing;

namespace InfraFunctions.Benchmarks;

/// <summary>
/// What the hop from LocalHost to the worker costs: the latency of GET hosts through the worker (without a token,
/// so the function answers 401 at once, and with a reader token, so it also reads the hosts table), against a
/// LocalHost-local answer (an unknown /api route: a 404 that never reaches the worker), measured in the same run.
/// </summary>
public static class ProxyHop
{
    public static async Task RunAsync(LocalHostServer server, int requests)
    {
        using var reader = server.ClientWithBearer(await server.CreateTokenAsync());
        var local = await LatenciesAsync(server.Client, "api/v1/not-a-function", requests);
        var proxied = await LatenciesAsync(server.Client, "api/v1/observability/hosts", requests);
        var read = await LatenciesAsync(reader, "api/v1/observability/hosts", requests);
        Console.WriteLine($"GET latency over {requests} sequential requests, p50 / p95 in ms:");
        Console.WriteLine($"  LocalHost only (404, no worker):         {Line(local)}");
        Console.WriteLine($"  through the worker (401, no token):      {Line(proxied)}");
        Console.WriteLine($"  through the worker (200, reads hosts):   {Line(read)}");
        Console.WriteLine($"  added by the hop and invocation:         {Percentile(proxied, 0.5) - Percentile(local, 0.5):F2} / {Percentile(proxied, 0.95) - Percentile(local, 0.95):F2}");
    }

    private static async Task<double[]> LatenciesAsync(HttpClient client, string path, int requests)
    {
        for (var i = 0; i < 20; i++)
        {
            using var warm = await client.GetAsync(path);
        }

        var latencies = new double[requests];
        for (var i = 0; i < requests; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await client.GetAsync(path);
            await response.Content.ReadAsByteArrayAsync();
            latencies[i] = watch.Elapsed.TotalMilliseconds;
        }

        return latencies;
    }

    private static string Line(double[] latencies) =>
        string.Create(CultureInfo.InvariantCulture, $"{Percentile(latencies, 0.5):F2} / {Percentile(latencies, 0.95):F2}");

    private static double Percentile(double[] values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }
}
