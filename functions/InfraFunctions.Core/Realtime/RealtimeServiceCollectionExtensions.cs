using InfraFunctions.Core.Alerts;
using InfraFunctions.Core.Ingest;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace InfraFunctions.Core.Realtime;

/// <summary>Registers live updates: the SignalR REST client with its resilience, leases, and the publishers.</summary>
public static class RealtimeServiceCollectionExtensions
{
    public const string ResiliencePipeline = "signalr";

    public static IServiceCollection AddRealtime(this IServiceCollection services, IConfiguration configuration)
    {
        // A malformed connection string fails at start, naming the setting; an absent one turns live updates off.
        var connection = SignalRAccess.FromConfiguration(configuration);
        services.TryAddSingleton(sp => new SignalRAccess(connection, sp.GetRequiredService<TimeProvider>()));
        services.AddHttpClient<SignalRRestClient>(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler(ResiliencePipeline, (pipeline, context) =>
                Resilience(pipeline, context.ServiceProvider.GetRequiredService<CircuitBreakerStates>().Register(ResiliencePipeline)));
        services.TryAddSingleton<CircuitBreakerStates>();

        services.AddSingleton<RealtimeCounters>();
        services.AddSingleton<RealtimeOutbox>();
        services.AddHostedService<RealtimeDispatcher>();
        services.AddSingleton<StreamLeases>();
        services.TryAddSingleton<IPostIntervalAdvisor, LeasePostIntervalAdvisor>();
        services.AddSingleton<IIngestSubscriber, LivePublisher>();
        services.AddSingleton<IAlertNotifier, LiveAlertNotifier>();
        services.AddTransient<Auth.ITokenRevocationSubscriber, LiveAccessRevoker>();
        services.AddTransient<ClientTokens>();
        return services;
    }

    // Outer to inner: a whole call never takes more than 10 s; 429/5xx/timeouts retry twice with jittered backoff
    // (honouring Retry-After); after repeated failures the breaker fails calls at once for 15 s, so an outage
    // costs nothing per message; each attempt gets 3 s.
    private static void Resilience(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, Polly.CircuitBreaker.CircuitBreakerStateProvider state)
    {
        pipeline.AddTimeout(TimeSpan.FromSeconds(10));
        pipeline.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = 2,
            Delay = TimeSpan.FromMilliseconds(200),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
        });
        pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            FailureRatio = 0.5,
            MinimumThroughput = 5,
            SamplingDuration = TimeSpan.FromSeconds(30),
            BreakDuration = TimeSpan.FromSeconds(15),
            StateProvider = state,
        });
        pipeline.AddTimeout(TimeSpan.FromSeconds(3));
    }
}
