using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using InfraFunctions.Agent.Tests.Delivery;

namespace InfraFunctions.Agent.Tests.EndToEnd;

/// <summary>
/// The built agent with a textfile directory and two service checks, posting to LocalHost: what it reads reaches the
/// host's system read, the custom series read and the Prometheus export, as a script would fetch them.
/// </summary>
public sealed class AgentPartsTests
{
    private const string Host = "parts-host";

    [Fact]
    public async Task CustomSeriesAndCheckResultsFromTheAgentReachTheApiAndThePrometheusExport()
    {
        await using var rig = await DeliveryRig.StartAsync();
        var key = await rig.CreateAgentKeyAsync(Host);
        using var reader = await rig.ReaderAsync();
        using var textfiles = new TempDirectory();
        File.WriteAllText(Path.Combine(textfiles.Path, "app.prom"), "# HELP app_jobs_waiting Jobs in each queue.\n# TYPE app_jobs_waiting gauge\napp_jobs_waiting{queue=\"mail\"} 7\n");
        File.WriteAllText(Path.Combine(textfiles.Path, "broken.prom"), "app_ok 1\napp_broken{queue=\"x\" 2\n");
        using var listening = new TcpListener(IPAddress.Loopback, 0);
        listening.Start();
        var up = $"tcp://127.0.0.1:{((IPEndPoint)listening.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture)}";
        var refused = $"tcp://127.0.0.1:{InfraFunctions.Testing.AzuriteServer.FreePort().ToString(CultureInfo.InvariantCulture)}";

        using var agent = AgentProcess.Start(rig.Endpoint, key, Host, rig.SpoolDir, "--textfile-dir", textfiles.Path, "--check", up, "--check", refused);
        JsonElement system = default;
        var arrived = await Eventually.TrueAsync(async () =>
        {
            using var response = await reader.GetAsync($"api/v1/observability/infrastructure/system?host={Host}");
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return false;
            }

            system = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
            return system.GetProperty("custom_metrics").GetArrayLength() > 0 && system.GetProperty("checks").GetArrayLength() == 2;
        }, TimeSpan.FromSeconds(40));
        Assert.True(arrived, "The host's custom series and checks did not arrive.\n" + agent.Output);

        var series = Assert.Single(system.GetProperty("custom_metrics").EnumerateArray());
        Assert.Equal("app_jobs_waiting", series.GetProperty("name").GetString());
        Assert.Equal("mail", series.GetProperty("labels").GetProperty("queue").GetString());
        Assert.Equal(7, series.GetProperty("value").GetDouble());
        var checks = system.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("target").GetString()!);
        Assert.True(checks[up].GetProperty("up").GetBoolean());
        Assert.False(checks[refused].GetProperty("up").GetBoolean());
        Assert.Contains("refused", checks[refused].GetProperty("error").GetString(), StringComparison.OrdinalIgnoreCase);
        var error = Assert.Single(system.GetProperty("collector_errors").EnumerateArray());
        Assert.Equal("textfile", error.GetProperty("collector").GetString());
        Assert.StartsWith("broken.prom:2:", error.GetProperty("message").GetString(), StringComparison.Ordinal);

        var custom = JsonDocument.Parse(await reader.GetStringAsync($"api/v1/observability/infrastructure/custom?host={Host}&window=1h&name=app_jobs_waiting&label=queue:mail")).RootElement;
        var charted = Assert.Single(custom.GetProperty("series").EnumerateArray());
        Assert.All(charted.GetProperty("points").EnumerateArray(), p => Assert.Equal(7, p.GetProperty("value").GetDouble()));

        var export = (await reader.GetStringAsync("api/v1/observability/metrics/prometheus")).Split('\n');
        Assert.Contains(export, l => l.StartsWith("app_jobs_waiting{", StringComparison.Ordinal) && l.Contains($"host=\"{Host}\"", StringComparison.Ordinal)
            && l.Contains("queue=\"mail\"", StringComparison.Ordinal) && l.EndsWith(" 7", StringComparison.Ordinal));
        Assert.Contains(export, l => l.StartsWith("infra_check_up{", StringComparison.Ordinal) && l.Contains($"target=\"{up}\"", StringComparison.Ordinal) && l.EndsWith(" 1", StringComparison.Ordinal));
        Assert.Contains(export, l => l.StartsWith("infra_check_up{", StringComparison.Ordinal) && l.Contains($"target=\"{refused}\"", StringComparison.Ordinal) && l.EndsWith(" 0", StringComparison.Ordinal));
        agent.KillHard();
    }
}
