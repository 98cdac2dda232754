using System.IO.Compression;
using System.Net;
using System.Text;
using InfraFunctions.Testing;

namespace InfraFunctions.Tests;

public sealed class LimitsTests(LocalHostFixture fixture) : IClassFixture<LocalHostFixture>
{
    [Fact]
    public async Task ATwoMebibyteBodyIsRefusedAsTooLarge()
    {
        var host = Http.NewHostId();
        var (_, key) = await fixture.Server.CreateAgentAsync(host);
        using var agent = fixture.Server.ClientWithBearer(key);
        var batch = Samples.Batch(host, [DateTimeOffset.UtcNow]);
        batch["padding"] = new string('x', 2 * 1024 * 1024);

        using var response = await agent.PostAsync("api/v1/ingest/samples", Samples.Json(batch));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task AGzipBombIsStoppedAtTheLimitWithoutInflatingIt()
    {
        var host = Http.NewHostId();
        var (_, key) = await fixture.Server.CreateAgentAsync(host);
        using var agent = fixture.Server.ClientWithBearer(key);
        // 1 GiB of zeros compresses to about 1 MiB... use 200 MiB: ~200 KiB on the wire, far past the 1 MiB limit inflated.
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 200; i++)
            {
                gzip.Write(zeros);
            }
        }

        var before = GC.GetTotalAllocatedBytes(precise: false);
        using var content = new ByteArrayContent(compressed.ToArray());
        content.Headers.ContentEncoding.Add("gzip");
        using var response = await agent.PostAsync("api/v1/ingest/samples", content);
        var allocated = GC.GetTotalAllocatedBytes(precise: false) - before;

        Assert.True(compressed.Length < 1024 * 1024);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.True(allocated < 64L * 1024 * 1024, $"handling the bomb allocated {allocated / (1024 * 1024)} MiB");
    }

    [Fact]
    public async Task BodyThatIsNotGzipDespiteTheHeaderIsABadRequest()
    {
        var host = Http.NewHostId();
        var (_, key) = await fixture.Server.CreateAgentAsync(host);
        using var agent = fixture.Server.ClientWithBearer(key);
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"not\":\"gzip\"}"));
        content.Headers.ContentEncoding.Add("gzip");

        using var response = await agent.PostAsync("api/v1/ingest/samples", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
