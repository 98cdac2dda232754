using System.Net;
using System.Text.Json;
using InfraFunctions.Testing;

namespace InfraFunctions.LocalHost.Tests;

/// <summary>LocalHost serves the published agent at /agent/ as the Static Web App does: anonymous, only the published names.</summary>
public sealed class AgentDownloadsTests(TablesFixture tables) : IClassFixture<TablesFixture>, IDisposable
{
    private static readonly byte[] Binary = [0x7F, (byte)'E', (byte)'L', (byte)'F', 0, 1, 2, 3, 255];
    private readonly DirectoryInfo parent = Directory.CreateTempSubdirectory("agent-root-");

    private string Root => Path.Combine(parent.FullName, "agent");

    [Fact]
    public async Task TheInstallScriptTheSumsAndTheBinaryAreServedWithoutCredentialsAsTextAndAsADownload()
    {
        await using var server = await StartAsync();

        using var script = await server.Client.GetAsync("/agent/install.sh");
        using var sums = await server.Client.GetAsync("/agent/SHA256SUMS");
        using var binary = await server.Client.GetAsync("/agent/infra-agent-linux-x64");
        using var head = await server.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/agent/infra-agent-linux-arm64"));

        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", script.Content.Headers.ContentType?.ToString());
        Assert.Equal("#!/usr/bin/env bash\necho installed\n", await script.Content.ReadAsStringAsync());
        Assert.Equal("text/plain; charset=utf-8", sums.Content.Headers.ContentType?.ToString());
        Assert.StartsWith("abc  infra-agent-linux-x64", await sums.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("application/octet-stream", binary.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", binary.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(Binary, await binary.Content.ReadAsByteArrayAsync());
        Assert.Equal("no-cache", binary.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(Binary.Length, head.Content.Headers.ContentLength);
    }

    [Theory]
    [InlineData("/agent")]
    [InlineData("/agent/")]
    [InlineData("/agent/notes.txt")]
    [InlineData("/agent/..%2Fsecret.txt")]
    [InlineData("/agent/sub/install.sh")]
    [InlineData("/agent/install.sh/")]
    [InlineData("/agent/infra-agent-linux-riscv64")]
    public async Task AnythingElseUnderAgentIsANotFoundProblemNeverAListingOrAFileBesideThem(string path)
    {
        await using var server = await StartAsync();

        using var response = await server.Client.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("install.sh, SHA256SUMS and infra-agent-linux-x64", JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("top secret", body, StringComparison.Ordinal);
        Assert.DoesNotContain("just notes", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/agent/%2e%2e/secret.txt")]
    [InlineData("/agent/../secret.txt")]
    public async Task ADotDotPathNeverReachesAFileBesideThePublishedDirectory(string path)
    {
        await using var server = await StartAsync();

        using var response = await server.Client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("top secret", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUploadToADownloadIsRefusedAsMethodNotAllowed()
    {
        await using var server = await StartAsync();

        using var response = await server.Client.PostAsync("/agent/install.sh", new StringContent("#!/bin/sh\nrm -rf /\n"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow);
        Assert.Equal("#!/usr/bin/env bash\necho installed\n", await File.ReadAllTextAsync(Path.Combine(Root, "install.sh")));
    }

    [Fact]
    public async Task WithoutAPublishedAgentTheProblemSaysHowToPublishOne()
    {
        await using var server = await LocalHostServer.StartAsync(tables.ConnectionString);

        using var response = await server.Client.GetAsync("/agent/install.sh");
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("collector-agent/publish.sh", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("LocalHost__AgentRoot", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    public void Dispose() => parent.Delete(recursive: true);

    private async Task<LocalHostServer> StartAsync()
    {
        Directory.CreateDirectory(Path.Combine(Root, "sub"));
        await File.WriteAllTextAsync(Path.Combine(Root, "install.sh"), "#!/usr/bin/env bash\necho installed\n");
        await File.WriteAllTextAsync(Path.Combine(Root, "SHA256SUMS"), "abc  infra-agent-linux-x64\n");
        await File.WriteAllBytesAsync(Path.Combine(Root, "infra-agent-linux-x64"), Binary);
        await File.WriteAllBytesAsync(Path.Combine(Root, "infra-agent-linux-arm64"), Binary);
        await File.WriteAllTextAsync(Path.Combine(Root, "notes.txt"), "just notes");
        await File.WriteAllTextAsync(Path.Combine(Root, "sub", "install.sh"), "top secret");
        await File.WriteAllTextAsync(Path.Combine(parent.FullName, "secret.txt"), "top secret");
        return await LocalHostServer.StartAsync(tables.ConnectionString, new Dictionary<string, string?> { [AgentDownloads.Setting] = Root });
    }
}
