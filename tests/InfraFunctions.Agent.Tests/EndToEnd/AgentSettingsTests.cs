using System.Diagnostics;
using System.Net;
using System.Text;

namespace InfraFunctions.Agent.Tests.EndToEnd;

/// <summary>Agent settings an operator chooses reach the built agent through the ingest reply, without a restart.</summary>
public sealed class AgentSettingsTests
{
    private const string Host = "settings-host";

    [Fact]
    public async Task AWatchAnOperatorSetsForATagReachesTheNextBatchOfAnAgentOnAHostWithThatTag()
    {
        await using var rig = await DeliveryRig.StartAsync();
        var key = await rig.CreateAgentKeyAsync(Host);
        var role = $"web{Guid.NewGuid():N}"[..11];
        await rig.SetTagsAsync(Host, new Dictionary<string, string> { ["role"] = role });
        using var @operator = await rig.OperatorAsync();
        // A process under a name of its own, so only the watch can bring it into the top-0 list.
        var name = $"ift-as{Environment.ProcessId % 100000}";
        var link = Path.Combine(Path.GetTempPath(), name);
        File.Delete(link);
        File.CreateSymbolicLink(link, "/bin/sleep");
        using var sleeper = Process.Start(link, "120");
        try
        {
            using (var put = await @operator.PutAsync(
                $"api/v1/observability/agent-settings?tag={Uri.EscapeDataString($"role:{role}")}",
                new StringContent($$"""{"watch": ["{{name}}"]}""", Encoding.UTF8, "application/json")))
            {
                Assert.Equal(HttpStatusCode.OK, put.StatusCode);
            }

            using var agent = AgentProcess.Start(rig.Endpoint, key, Host, rig.SpoolDir, "--top", "0");
            var watched = await Eventually.TrueAsync(
                () => rig.Tap.Accepted(Host).Any(p => p.Batch!.Samples.Any(s => s.Processes!.Any(q => q.Pid == sleeper.Id))),
                TimeSpan.FromSeconds(40));
            Assert.True(watched, "No batch carried the watched process.\n" + agent.Output);

            var first = rig.Tap.Accepted(Host)[0].Batch!;
            Assert.DoesNotContain(first.Samples[0].Processes!, q => q.Pid == sleeper.Id);
            var carrying = rig.Tap.Accepted(Host).First(p => p.Batch!.Samples.Any(s => s.Processes!.Any(q => q.Pid == sleeper.Id))).Batch!;
            var setting = carrying.Settings!.Single(s => s.Name == "watch");
            Assert.Equal((name, "server", $"tag role={role}"), (setting.Value, setting.Source, setting.Scope));
            Assert.Equal("flag", carrying.Settings!.Single(s => s.Name == "top").Source);
            agent.KillHard();
        }
        finally
        {
            sleeper.Kill();
            File.Delete(link);
        }
    }
}
