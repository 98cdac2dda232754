using InfraFunctions.Core.Ingest;

namespace InfraFunctions.Core.Aggregation;

/// <summary>Registers rollups and tiered summaries, and the marking of late samples for re-aggregation.</summary>
public static class AggregationServiceCollectionExtensions
{
    public static IServiceCollection AddAggregation(this IServiceCollection services)
    {
        services.AddSingleton<JobStore>();
        services.AddSingleton<TableStats>();
        services.AddSingleton<RollupRepository>();
        services.AddSingleton<AggregationService>();
        services.AddSingleton<TieredSummaryReader>();
        services.AddSingleton<CustomSeriesReader>();
        services.AddSingleton<IIngestSubscriber, LateSampleMarker>();
        return services;
    }
}
