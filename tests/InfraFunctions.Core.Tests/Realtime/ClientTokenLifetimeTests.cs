using InfraFunctions.Core.Realtime;
using InfraFunctions.LocalHost.SignalR;
using InfraFunctions.Testing;

namespace InfraFunctions.Core.Tests.Realtime;

public sealed class ClientTokenLifetimeTests(TablesFixture tables) : IClassFixture<TablesFixture>
{
    private const string AccessKey = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmn012=";
    private const string Connection = $"Endpoint=http://localhost;Port=7071;AccessKey={AccessKey};Version=1.0;";
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    private async Task<(CoreHarness Core, string Token)> NegotiateAsync(IDictionary<string, string?> settings)
    {
        settings["AzureSignalRConnectionString"] = Connection;
        var core = CoreHarness.Create(tables.ConnectionString, Now, settings);
        var access = await core.Get<ClientTokens>().IssueAsync("token:lifetime");
        Assert.NotNull(access);
        return (core, access.AccessToken);
    }

    [Fact]
    public async Task AClientTokenOpensConnectionsForTheConfiguredMinutesOnly()
    {
        var (core, token) = await NegotiateAsync(new Dictionary<string, string?> { ["SignalR:ClientTokenLifetimeMinutes"] = "3" });
        await using var _ = core;
        var service = new StandInTokens(StandInConnectionString.Parse(Connection)!, core.Time);

        core.Time.Advance(TimeSpan.FromMinutes(3) - TimeSpan.FromSeconds(1));
        Assert.True((await service.ValidateClientAsync(token, "observability")).IsValid);

        // The service allows 30 s of clock skew past exp, then refuses.
        core.Time.Advance(TimeSpan.FromSeconds(32));
        Assert.False((await service.ValidateClientAsync(token, "observability")).IsValid);
    }

    [Fact]
    public async Task ByDefaultAClientTokenLivesFiveMinutes()
    {
        var (core, token) = await NegotiateAsync(new Dictionary<string, string?>());
        await using var _ = core;
        var jwt = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(token);
        Assert.Equal(Now.UtcDateTime, jwt.IssuedAt);
        Assert.Equal(Now.AddMinutes(5).UtcDateTime, jwt.ValidTo);
    }
}
