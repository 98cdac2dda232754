using System.Collections.Concurrent;

namespace InfraFunctions.Core.Tests.Webhooks;

/// <summary>
/// Counts the webhook sends that reached no receiver (connection refused, reset), per receiver path, so a test can
/// wait until deliveries have really been tried and retried while a receiver is down, instead of sleeping.
/// </summary>
internal sealed class FailedSends
{
    private readonly ConcurrentDictionary<string, int> _byPath = new(StringComparer.Ordinal);

    public DelegatingHandler Handler() => new CountingHandler(this);

    public int Of(string path) => _byPath.GetValueOrDefault(path);

    /// <summary>True once each of <paramref name="paths"/> has failed at least <paramref name="times"/> times (within 10 s).</summary>
    public async Task<bool> WaitForAsync(IReadOnlyList<string> paths, int times)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!paths.All(p => Of(p) >= times) && !deadline.IsCancellationRequested)
        {
            await Task.Delay(20, CancellationToken.None);
        }

        return paths.All(p => Of(p) >= times);
    }

    private sealed class CountingHandler(FailedSends sends) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            try
            {
                return await base.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException)
            {
                sends._byPath.AddOrUpdate(request.RequestUri!.AbsolutePath.Trim('/'), 1, (_, n) => n + 1);
                throw;
            }
        }
    }
}
