using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InfraFunctions.Testing;

namespace InfraFunctions.EndToEnd;

/// <summary>
/// The alerting routes the pages use, called as an operator or reader would. Every call asserts its status, so a
/// route this build does not have fails the test with the server's answer rather than letting it pass quietly.
/// </summary>
public sealed class AlertingApi(DashboardFixture fx)
{
    private const string Base = "api/v1/observability/";

    public async Task<(int Status, JsonNode? Body)> SendAsync(string token, HttpMethod method, string path, object? body = null)
    {
        using var client = fx.Server.ClientWithBearer(token);
        using var request = new HttpRequestMessage(method, Base + path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    /// <summary>An operator call that must answer <paramref name="expected"/>.</summary>
    public async Task<JsonNode> OperatorAsync(HttpMethod method, string path, object? body = null, int expected = 200)
    {
        var (status, reply) = await SendAsync(fx.OperatorToken, method, path, body);
        Assert.True(status == expected, $"{method} {path} answered {status}, not {expected}: {reply?.ToJsonString()}");
        return reply!;
    }

    /// <summary>A run-time Slack channel whose URL is the loopback receiver.</summary>
    public async Task<string> SlackChannelAsync(string name, WebhookReceiver receiver) =>
        (await OperatorAsync(HttpMethod.Post, "channels", new { name, kind = "slack", url = receiver.Url($"slack/{name}").ToString(), @default = false }, 201))["channel"]!["id"]!.GetValue<string>();

    public async Task<JsonObject> RuleNamedAsync(string name)
    {
        var rules = (await OperatorAsync(HttpMethod.Get, "rules"))["rules"]!.AsArray();
        return rules.Select(r => r!.AsObject()).SingleOrDefault(r => r["name"]!.GetValue<string>() == name)
            ?? throw new Xunit.Sdk.XunitException($"No rule named {name} in {rules.ToJsonString()}");
    }

    public async Task<JsonArray> AlertsAsync(string hostId) =>
        (await OperatorAsync(HttpMethod.Get, $"alerts?host={Uri.EscapeDataString(hostId)}"))["alerts"]!.AsArray();

    /// <summary>A host of its own, with agent tags, that has posted once with <paramref name="connections"/> open sockets.</summary>
    public async Task<string> HostAsync(string hostId, string team, int connections)
    {
        var (_, key) = await fx.Server.CreateAgentAsync(hostId);
        await PostAsync(hostId, key, team, connections);
        return key;
    }

    public Task PostAsync(string hostId, string key, string team, int connections)
    {
        var batch = fx.AgentBatch(s => s["network"]!["connections"] = connections);
        batch["host_id"] = hostId;
        batch["tags"] = new JsonObject { ["team"] = team };
        return fx.PostAsync(batch, key);
    }

    /// <summary>The Slack texts the receiver got that name <paramref name="hostId"/>.</summary>
    public static string[] TextsAbout(WebhookReceiver receiver, string hostId) =>
        [.. receiver.Received.Select(h => h.Body.TryGetProperty("text", out var t) ? t.GetString() ?? string.Empty : string.Empty).Where(t => t.Contains(hostId, StringComparison.Ordinal))];
}
