using InfraFunctions.Core.Realtime;

namespace InfraFunctions.Core.Tests.Realtime;

public sealed class SignalRConnectionStringTests
{
    private const string Key = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmn012=";

    [Fact]
    public void AzureFormWithAccessKeyKeepsThePaddedKey()
    {
        var c = SignalRConnectionString.Parse($"Endpoint=https://demo.service.signalr.net;AccessKey={Key};Version=1.0;");
        Assert.Equal("https://demo.service.signalr.net", c.BaseUrl);
        Assert.Equal(Key, c.AccessKey);
        Assert.False(c.UsesManagedIdentity);
        Assert.Equal("https://demo.service.signalr.net/client/?hub=observability", c.ClientUrl("observability"));
    }

    [Fact]
    public void LocalFormAddsThePort()
    {
        var c = SignalRConnectionString.Parse($"Endpoint=http://localhost;Port=7071;AccessKey={Key};Version=1.0;");
        Assert.Equal("http://localhost:7071", c.BaseUrl);
    }

    [Fact]
    public void ManagedIdentityFormNeedsNoKey()
    {
        var c = SignalRConnectionString.Parse("Endpoint=https://demo.service.signalr.net;AuthType=azure.msi;ClientId=1111-2222;Version=1.0;");
        Assert.True(c.UsesManagedIdentity);
        Assert.Equal("1111-2222", c.ClientId);
        Assert.Null(c.AccessKey);
    }

    [Theory]
    [InlineData("AccessKey=abc;Version=1.0;")]
    [InlineData("Endpoint=ftp://x;AccessKey=ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghij;")]
    [InlineData("Endpoint=https://x;Version=1.0;")]
    [InlineData("Endpoint=https://x;AccessKey=short;")]
    [InlineData("Endpoint=https://x;Port=eighty;AccessKey=ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghij;")]
    public void MalformedStringsAreRefusedNamingTheSetting(string value)
    {
        var ex = Assert.Throws<FormatException>(() => SignalRConnectionString.Parse(value));
        Assert.Contains("AzureSignalRConnectionString", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghij", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PrintingTheConnectionNeverShowsTheKey()
    {
        var c = SignalRConnectionString.Parse($"Endpoint=https://demo.service.signalr.net;AccessKey={Key};Version=1.0;");
        Assert.DoesNotContain(Key, c.ToString(), StringComparison.Ordinal);
    }
}
