using System.Diagnostics;
using System.Text.Json.Nodes;
using InfraFunctions.Testing;
using Microsoft.Playwright;

namespace InfraFunctions.EndToEnd;

/// <summary>
/// LocalHost with the built dashboard (static-web/dist), its SignalR stand-in and the agent served at /agent/ on
/// Azurite, a reader and an operator token, the real agent's <c>--once</c> sample posted for this machine, and
/// Debian's headless Chromium.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime, IDisposable
{
    // Its own Azurite: the fleet view lists every host in the tables, and other test runs post hosts meanwhile.
    private readonly TablesFixture _tables = TablesFixture.Isolated();
    private readonly AgentDownloads _downloads = new();
    private IPlaywright? _playwright;

    public LocalHostServer Server { get; private set; } = null!;

    public string BaseUrl { get; private set; } = string.Empty;

    public string ReaderToken { get; private set; } = string.Empty;

    public string OperatorToken { get; private set; } = string.Empty;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>What <c>infra-agent --once</c> printed: the batch the agent would post.</summary>
    public JsonObject AgentOnce { get; private set; } = null!;

    public string HostId => AgentOnce["host_id"]!.GetValue<string>();

    public string AgentKey { get; private set; } = string.Empty;

    public static string Dist => Path.Combine(RepoPaths.Root, "static-web", "dist");

    public static string Artifacts { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts")).FullName;

    public async Task InitializeAsync()
    {
        if (!File.Exists(Path.Combine(Dist, "index.html")))
        {
            throw new InvalidOperationException($"{Dist} has no build: run `npm ci --prefix static-web && npm run build --prefix static-web` first.");
        }

        // Assertions without their own timeout allow for a machine busy with other test runs.
        Assertions.SetDefaultExpectTimeout(10_000);
        await _tables.InitializeAsync();
        // A fixed port, so the local SignalR connection string can name it (the LocalHost SignalR stand-in).
        var port = AzuriteServer.FreePort();
        var accessKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        Server = await LocalHostServer.StartAsync(_tables.ConnectionString, new Dictionary<string, string?>
        {
            ["LocalHost:Urls"] = $"http://127.0.0.1:{port}",
            ["LocalHost:StaticRoot"] = Dist,
            ["AzureSignalRConnectionString"] = $"Endpoint=http://127.0.0.1;Port={port};AccessKey={accessKey};Version=1.0;",
            ["Alerts:DurationSeconds"] = "0",
            [AgentDownloads.Setting] = _downloads.Directory,
        });
        BaseUrl = Server.BaseAddress.ToString().TrimEnd('/');
        // The served install.sh names this server as its download base, as a published one names the Static Web App.
        _downloads.Publish(Server.BaseAddress);
        ReaderToken = await Server.CreateTokenAsync("reader", "end-to-end");
        OperatorToken = await Server.CreateTokenAsync("operator", "end-to-end operator");

        AgentOnce = await RunAgentOnceAsync();
        (_, AgentKey) = await Server.CreateAgentAsync(HostId);
        await PostAsync(AgentOnce);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            // Debian's chromium, never a downloaded browser: browser downloads are not available to CI.
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    /// <summary>Posts a batch through the ingest API with the agent key, as the agent does.</summary>
    public async Task PostAsync(JsonObject batch, string? key = null)
    {
        using var client = Server.ClientWithBearer(key ?? AgentKey);
        using var response = await client.PostAsync("api/v1/ingest/samples", Samples.Gzip(batch));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"ingest answered {(int)response.StatusCode}: {body}");
    }

    /// <summary>The agent's own sample re-timed to now, with <paramref name="edit"/> applied.</summary>
    public JsonObject AgentBatch(Action<JsonObject>? edit = null, DateTimeOffset? at = null)
    {
        var batch = (JsonObject)AgentOnce.DeepClone();
        var sample = batch["samples"]![0]!.AsObject();
        sample["timestamp"] = (at ?? DateTimeOffset.UtcNow).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        edit?.Invoke(sample);
        return batch;
    }

    public async Task<IPage> NewPageAsync(int width = 1366, int height = 900, ColorScheme scheme = ColorScheme.Light)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ColorScheme = scheme,
            IsMobile = width < 600,
            HasTouch = width < 600,
        });
        return await context.NewPageAsync();
    }

    private static async Task<JsonObject> RunAgentOnceAsync()
    {
        // Run from the agent's own build output, with its own dependency set (the project reference builds it).
        var agent = Path.Combine(RepoPaths.Root, "collector-agent", "InfraFunctions.Agent", "bin", RepoPaths.Configuration, "net10.0", "infra-agent.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(agent);
        start.ArgumentList.Add("--once");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(process.ExitCode == 0, $"infra-agent --once exited {process.ExitCode}: {await error}");
        var batch = JsonNode.Parse(await output)!.AsObject();
        await File.WriteAllTextAsync(Path.Combine(Artifacts, "agent-once.json"), batch.ToJsonString());
        return batch;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }

        await _tables.DisposeAsync();
    }

    /// <summary>Removes the served agent directory once the server that served it has stopped.</summary>
    public void Dispose() => _downloads.Dispose();
}
