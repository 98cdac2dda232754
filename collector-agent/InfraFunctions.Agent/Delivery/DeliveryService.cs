using System.Net;
using InfraFunctions.Agent.Collectors;
using InfraFunctions.Contracts;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace InfraFunctions.Agent.Delivery;

/// <summary>
/// Sends the spool to the server: one batch per post, acknowledged only when the server has answered for
/// every sample in it. It never drops data on an error: it waits and tries again.
/// </summary>
internal sealed partial class DeliveryService(
    Spool spool,
    Quarantine quarantine,
    IngestClient client,
    SampleCollector collector,
    AgentOptions options,
    Backoff backoff,
    TimeProvider time,
    ILogger<DeliveryService> logger,
    Action? afterPost = null) : BackgroundService
{
    /// <summary>The fastest the server may ask for (while someone watches the host live).</summary>
    public static readonly TimeSpan MinPostInterval = TimeSpan.FromSeconds(2);

    /// <summary>How long to wait after the server refused the key or the batch as a whole: a person must act.</summary>
    public static readonly TimeSpan RefusedRetry = TimeSpan.FromMinutes(2);

    private const int DefaultMaxSamples = 500;
    private const long MaxBatchBytes = 4 * 1024 * 1024;
    private int maxSamples = DefaultMaxSamples;
    private int failures;
    private TimeSpan serverInterval = options.PostInterval;
    private string? tagsProblem;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The first post follows the first sample, so a new host shows up at once.
        var delay = collector.Live.Current.SampleInterval + TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(delay, time, stoppingToken);
                delay = await PostOnceAsync(stoppingToken);
                afterPost?.Invoke();
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                failures++;
                delay = backoff.Next(failures);
                LogUnexpected(logger, e, delay.TotalSeconds);
            }
        }
    }

    /// <summary>Posts the next batch, if any, and returns how long to wait before the next post.</summary>
    public async Task<TimeSpan> PostOnceAsync(CancellationToken cancellationToken = default)
    {
        var batch = spool.ReadPending(maxSamples, MaxBatchBytes);
        if (batch.Records.Count == 0)
        {
            return serverInterval;
        }

        var settings = collector.Live.Current;
        var body = BatchBody.Gzip(options.HostId, collector.Platform, settings.SampleInterval.TotalSeconds, batch.Dropped, batch.Records, settings.InForceJson, options.Tags);
        var response = await client.PostAsync(body, cancellationToken);
        switch (response)
        {
            case { Reply: { } reply }:
                failures = 0;
                Settle(batch, reply);
                if (response.Status == HttpStatusCode.OK)
                {
                    // The reply carries the settings an operator chose for this host; none means the agent's own again.
                    collector.Live.Apply(reply.AgentSettings);
                    WarnOnce(reply.TagsProblem);
                }

                serverInterval = TimeSpan.FromSeconds(Math.Max(MinPostInterval.TotalSeconds, reply.NextPostSeconds));
                // A backlog (after an outage) drains at the fastest pace the server allows. The backlog is judged
                // when the batch was read: a sample taken while the post was in flight waits for the normal pace.
                return batch.Truncated ? MinPostInterval : serverInterval;

            case { Status: HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden }:
                LogKeyRefused(logger, (int)response.Status, options.Endpoint, batch.Records.Count, RefusedRetry.TotalSeconds);
                return RefusedRetry;

            case { Status: HttpStatusCode.RequestEntityTooLarge }:
                return TooLarge(batch);

            case { Status: HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable, RetryAfter: { } retryAfter }:
                failures++;
                LogThrottled(logger, (int)response.Status, retryAfter.TotalSeconds);
                return retryAfter;

            case { Status: null or >= HttpStatusCode.InternalServerError or HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout }:
                failures++;
                var delay = backoff.Next(failures);
                LogPostFailed(logger, (int?)response.Status, response.Error, failures, delay.TotalSeconds);
                return delay;

            default:
                LogBatchRefused(logger, (int?)response.Status, response.Error, RefusedRetry.TotalSeconds);
                return RefusedRetry;
        }
    }

    // The server repeats the problem in every reply while it lasts: warn when it appears or changes.
    private void WarnOnce(string? problem)
    {
        if (problem is not null && problem != tagsProblem)
        {
            LogTagsIgnored(logger, problem);
        }

        tagsProblem = problem;
    }

    private void Settle(SpoolBatch batch, IngestReply reply)
    {
        foreach (var rejected in reply.Rejected)
        {
            if (rejected.Index >= 0 && rejected.Index < batch.Records.Count)
            {
                quarantine.Write(batch.Records[rejected.Index], rejected.Errors);
            }
        }

        spool.Acknowledge(batch);
        if (reply.Rejected.Count > 0)
        {
            LogRejected(logger, reply.Rejected.Count, batch.Records.Count, quarantine.Path);
        }
    }

    // 413: halve the batch until it fits; a single sample too large for the server can never be sent.
    private TimeSpan TooLarge(SpoolBatch batch)
    {
        if (batch.Records.Count > 1)
        {
            maxSamples = Math.Max(1, batch.Records.Count / 2);
            return TimeSpan.Zero;
        }

        quarantine.Write(batch.Records[0], ["The sample is larger than the server accepts (413 Payload Too Large)."]);
        spool.Acknowledge(batch with { Dropped = 0 });
        return TimeSpan.Zero;
    }
}
