using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace InfraFunctions.Testing;

/// <summary>
/// A real Azurite Table server. <see cref="SharedConnectionString"/> is the one ./test.sh started
/// (INFRA_TEST_TABLES); <see cref="StartAsync"/> starts a private one, which a test may stop and restart.
/// </summary>
public sealed class AzuriteServer : IAsyncDisposable
{
    // Azurite's documented development account; it is public and only ever used against the local emulator.
    private const string DevAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly string _location;
    private readonly bool _inMemory;
    private Process? _process;

    private AzuriteServer(int port, string location, bool inMemory)
    {
        Port = port;
        _location = location;
        _inMemory = inMemory;
    }

    public int Port { get; }

    /// <summary>The data folder (<c>--location</c>), which holds the one JSON file Azurite keeps its tables in.</summary>
    public string Location => _location;

    public string ConnectionString => ConnectionStringFor(Port);

    /// <summary>The suite-wide Azurite: ./test.sh exports its endpoint; run alone, a test starts a private one instead.</summary>
    public static string? SharedConnectionString =>
        Environment.GetEnvironmentVariable("INFRA_TEST_TABLES") is { Length: > 0 } endpoint
            ? $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevAccountKey};TableEndpoint={endpoint.TrimEnd('/')}/devstoreaccount1;"
            : null;

    public static string ConnectionStringFor(int port) =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevAccountKey};TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";

    /// <param name="inMemory">Keep the tables in memory only (<c>--inMemoryPersistence</c>): no file to rewrite as
    /// the data grows, for load runs; such a server loses its data when stopped.</param>
    public static async Task<AzuriteServer> StartAsync(bool inMemory = false, CancellationToken cancellationToken = default)
    {
        var location = Directory.CreateTempSubdirectory("azurite-").FullName;
        var server = new AzuriteServer(FreePort(), location, inMemory);
        await server.StartAgainAsync(cancellationToken);
        return server;
    }

    /// <summary>Starts (or restarts) the server on the same port and data folder.</summary>
    public async Task StartAgainAsync(CancellationToken cancellationToken = default)
    {
        var exe = Path.Combine(RepoPaths.Root, "tests", "node_modules", ".bin", "azurite-table");
        if (!File.Exists(exe))
        {
            throw new InvalidOperationException($"Azurite is not installed at {exe}: run 'npm ci --prefix tests' (./test.sh does).");
        }

        string[] storage = _inMemory ? ["--inMemoryPersistence"] : ["--location", _location];
        var info = new ProcessStartInfo(exe, ["--tableHost", "127.0.0.1", "--tablePort", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), .. storage, "--silent", "--skipApiVersionCheck"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        _process = Process.Start(info) ?? throw new InvalidOperationException("Azurite did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilListeningAsync(cancellationToken);
    }

    /// <summary>Stops the server (SIGINT, so Azurite saves its data as a real store keeps it), as an outage would.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            _ = Kill(_process.Id, 2); // SIGINT: Azurite saves and closes
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        _process?.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_location, recursive: true);
        }
        catch (IOException)
        {
            // a leftover temp folder is harmless
        }
    }

    // Test classes start their own Azurite side by side, and node takes long to start many at once on two cores:
    // the limit is for a server that will never listen, not for a slow one.
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(120);

    private async Task WaitUntilListeningAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + StartLimit;
        while (DateTime.UtcNow < deadline)
        {
            if (_process is { HasExited: true })
            {
                throw new InvalidOperationException($"Azurite exited with code {_process.ExitCode} while starting on port {Port}.");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port, cancellationToken);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100, cancellationToken);
            }
        }

        throw new TimeoutException($"Azurite did not listen on port {Port} within {StartLimit.TotalSeconds:0} s.");
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
