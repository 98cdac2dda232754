using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using InfraFunctions.Core.Realtime;
using InfraFunctions.LocalHost.SignalR;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;

namespace InfraFunctions.Core.Tests.Realtime;

public sealed class SignalRTokensTests
{
    // A made-up key in Azure's format (44 base64 characters): the HMAC key is these characters' UTF-8 bytes.
    private const string AccessKey = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmn012=";
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void RequestTokenNamesTheRequestUrlWithoutItsQueryAndLivesFiveMinutes()
    {
        var url = new Uri("https://demo.service.signalr.net/api/hubs/observability/groups/host-a/:send?api-version=2022-06-01");
        var token = new JsonWebToken(SignalRTokens.ForRequest(AccessKey, url, Now));

        Assert.Equal("HS256", token.Alg);
        Assert.Equal("JWT", token.Typ);
        Assert.Equal("https://demo.service.signalr.net/api/hubs/observability/groups/host-a/:send", Assert.Single(token.Audiences));
        Assert.Equal(Now.UtcDateTime, token.IssuedAt);
        Assert.Equal(Now.UtcDateTime, token.ValidFrom);
        Assert.Equal(Now.AddMinutes(5).UtcDateTime, token.ValidTo);
        Assert.False(token.TryGetClaim("nameid", out _));
    }

    [Fact]
    public void ClientTokenNamesTheClientUrlAndTheCaller()
    {
        var url = "https://demo.service.signalr.net/client/?hub=observability";
        var token = new JsonWebToken(SignalRTokens.ForClient(AccessKey, url, "tok_123", Now, TimeSpan.FromMinutes(60)));

        Assert.Equal(url, Assert.Single(token.Audiences));
        Assert.Equal("tok_123", token.GetClaim("nameid").Value);
        Assert.Equal(Now.AddHours(1).UtcDateTime, token.ValidTo);
    }

    [Fact]
    public async Task TokenMatchesOneBuiltByHandFromTheDocumentedRules()
    {
        var url = "http://localhost:7071/client/?hub=observability";
        var ours = SignalRTokens.ForClient(AccessKey, url, "user-1", Now, TimeSpan.FromMinutes(30));
        var parts = ours.Split('.');

        // Same claims as the documented token: aud, exp, iat, nbf (seconds since the epoch) and nameid.
        var iat = Now.ToUnixTimeSeconds();
        var expected = new Dictionary<string, object> { ["aud"] = url, ["exp"] = iat + 1800, ["iat"] = iat, ["nbf"] = iat, ["nameid"] = "user-1" };
        Assert.Equal(Canonical(JsonSerializer.Serialize(expected)), Canonical(Encoding.UTF8.GetString(Base64Url(parts[1]))));
        Assert.Equal(Canonical("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"), Canonical(Encoding.UTF8.GetString(Base64Url(parts[0]))));

        // The signature is HMAC-SHA256 over "header.payload", keyed with the AccessKey's UTF-8 bytes, not its base64 decoding.
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(AccessKey), Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"));
        Assert.Equal(ToBase64Url(signature), parts[2]);

        // And a token built entirely by hand is accepted by the stand-in, which validates as the service does.
        var header = ToBase64Url(Encoding.UTF8.GetBytes("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"));
        var payload = ToBase64Url(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(expected)));
        var handMade = $"{header}.{payload}.{ToBase64Url(HMACSHA256.HashData(Encoding.UTF8.GetBytes(AccessKey), Encoding.ASCII.GetBytes($"{header}.{payload}")))}";
        var standIn = new StandInTokens(StandInConnectionString.Parse($"Endpoint=http://localhost;Port=7071;AccessKey={AccessKey};Version=1.0;")!, new FakeTimeProvider(Now.AddMinutes(1)));
        Assert.True((await standIn.ValidateClientAsync(handMade, "observability")).IsValid);
        Assert.True((await standIn.ValidateClientAsync(ours, "observability")).IsValid);
    }

    [Fact]
    public async Task StandInRefusesExpiredForgedAndMisaddressedTokens()
    {
        var connection = StandInConnectionString.Parse($"Endpoint=http://localhost;Port=7071;AccessKey={AccessKey};Version=1.0;")!;
        var clock = new FakeTimeProvider(Now);
        var standIn = new StandInTokens(connection, clock);
        var url = connection.ClientUrl("observability");

        Assert.False((await standIn.ValidateClientAsync(SignalRTokens.ForClient(new string('z', 44), url, "u", Now, TimeSpan.FromMinutes(5)), "observability")).IsValid);
        Assert.False((await standIn.ValidateClientAsync(SignalRTokens.ForClient(AccessKey, "http://localhost:7071/client/?hub=other", "u", Now, TimeSpan.FromMinutes(5)), "observability")).IsValid);
        var valid = SignalRTokens.ForClient(AccessKey, url, "u", Now, TimeSpan.FromMinutes(5));
        Assert.True((await standIn.ValidateClientAsync(valid, "observability")).IsValid);
        clock.Advance(TimeSpan.FromMinutes(6));
        Assert.False((await standIn.ValidateClientAsync(valid, "observability")).IsValid);
    }

    private static string Canonical(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return JsonSerializer.Serialize(doc.RootElement.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal).ToDictionary(p => p.Name, p => p.Value.ToString()));
    }

    private static byte[] Base64Url(string s) => Convert.FromBase64String(s.Replace('-', '+').Replace('_', '/').PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '='));

    private static string ToBase64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
