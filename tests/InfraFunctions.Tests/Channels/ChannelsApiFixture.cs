using System.Net;
using System.Text;
using System.Text.Json;
using InfraFunctions.Testing;

namespace InfraFunctions.Tests.Channels;

/// <summary>
/// LocalHost on a private Azurite (its default channels must reach no other class's alerts), one configured generic
/// and one configured Slack channel, a receiver that accepts like PagerDuty (202 and its JSON reply) and one that
/// refuses like a revoked Discord webhook (401).
/// </summary>
public sealed class ChannelsApiFixture : IAsyncLifetime
{
    public const string ConfiguredSlackSecret = "CONFIGSECRETslack01";
    public const string AcceptedReply = """{"status":"success","message":"Event processed","dedup_key":"x"}""";
    public const string RefusedReply = """{"message":"Invalid Webhook Token","code":50027}""";

    public AzuriteServer Azurite { get; private set; } = null!;

    public WebhookReceiver Accepting { get; } = new(AzuriteServer.FreePort()) { Status = 202, Reply = AcceptedReply };

    public WebhookReceiver Refusing { get; } = new(AzuriteServer.FreePort()) { Status = 401, Reply = RefusedReply };

    public LocalHostServer Server { get; private set; } = null!;

    public HttpClient Reader { get; private set; } = null!;

    public HttpClient Operator { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Azurite = await AzuriteServer.StartAsync();
        await Accepting.StartAsync();
        await Refusing.StartAsync();
        Server = await LocalHostServer.StartAsync(Azurite.ConnectionString, new Dictionary<string, string?>
        {
            ["Alerts:DurationSeconds"] = "0",
            ["Webhooks:GenericUrls"] = Accepting.Url("configured-generic").ToString(),
            ["Webhooks:SlackUrls"] = Accepting.Url($"services/T0/B0/{ConfiguredSlackSecret}").ToString(),
            ["Webhooks:TimeoutSeconds"] = "5",
            ["Webhooks:RetryDelayMilliseconds"] = "50",
        });
        Reader = Server.ClientWithBearer(await Server.CreateTokenAsync());
        Operator = Server.ClientWithBearer(await Server.CreateTokenAsync("operator", "on-call"));
    }

    public async Task<JsonElement> CreateAsync(string body)
    {
        using var response = await Operator.PostAsync("api/v1/observability/channels", Json(body));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("channel");
    }

    public static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    public async Task DisposeAsync()
    {
        Reader.Dispose();
        Operator.Dispose();
        await Server.DisposeAsync();
        await Accepting.DisposeAsync();
        await Refusing.DisposeAsync();
        await Azurite.DisposeAsync();
    }
}
