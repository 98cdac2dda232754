using System.Diagnostics;
using Azure.Monitor.OpenTelemetry.Exporter;
using InfraFunctions.Core;
using InfraFunctions.Core.Telemetry;
using InfraFunctions.Functions;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace InfraFunctions.Telemetry;

/// <summary>
/// The app's own telemetry through OpenTelemetry: the invocation spans of the worker, the InfraFunctions source and
/// meter, outgoing HTTP (SignalR REST, webhooks) and Azure SDK calls (Table Storage, Monitor) as spans of the same
/// trace. Exported to Application Insights when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set and over OTLP
/// when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is; with neither nothing listens, so nothing is recorded.
/// </summary>
public static class TelemetryServiceCollectionExtensions
{
    private const string OtlpEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Functions whose successful traces are sampled by <c>Telemetry__IngestSamplingRatio</c>.</summary>
    private static readonly IReadOnlySet<string> SampledFunctions = new HashSet<string>(StringComparer.Ordinal) { nameof(IngestFunctions.IngestSamples) };

    public static IServiceCollection AddInfraTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration[AppSettingNames.ApplicationInsightsConnectionString];
        var azureMonitor = !string.IsNullOrWhiteSpace(connectionString);
        var otlp = !string.IsNullOrWhiteSpace(configuration[OtlpEndpoint]);
        if (!azureMonitor && !otlp)
        {
            return services;
        }

        // Azure SDK clients (Table Storage, Monitor, Identity) start activities only with this switch on.
        AppContext.SetSwitch("Azure.Experimental.EnableActivitySource", true);
        var credential = AppInsightsAuthentication.Credential(configuration[AppSettingNames.ApplicationInsightsAuthenticationString]);
        void AzureMonitor(AzureMonitorExporterOptions o)
        {
            o.ConnectionString = connectionString;
            o.Credential = credential;
            // Telemetry that cannot be sent is dropped rather than written to the instance's disk.
            o.DisableOfflineStorage = true;
        }

        services.AddLogging(logging => logging
            .AddFilter<OpenTelemetryLoggerProvider>(null, LogLevel.Information)
            .AddFilter<OpenTelemetryLoggerProvider>("Microsoft", LogLevel.Warning)
            .AddFilter<OpenTelemetryLoggerProvider>("System", LogLevel.Warning)
            .AddFilter<OpenTelemetryLoggerProvider>("Azure", LogLevel.Warning)
            .AddFilter<OpenTelemetryLoggerProvider>("Grpc", LogLevel.Warning));

        var telemetry = services.AddOpenTelemetry().UseFunctionsWorkerDefaults();
        telemetry.WithTracing(tracing =>
        {
            tracing.AddSource(InfraTelemetry.Name)
                .AddSource("Azure.*")
                .AddHttpClientInstrumentation(o => o.FilterHttpRequestMessage = IsOwnCall)
                // Before the exporters, which export only sampled spans: these mark failed spans sampled and redundant ones not.
                .AddProcessor(sp => new PerHostSpanSampler(sp.GetRequiredService<IOptions<TelemetryOptions>>().Value.IngestSamplingRatio))
                .AddProcessor(sp => new FailureKeepingProcessor(sp.GetRequiredService<TimeProvider>()))
                .AddProcessor(new AzureHttpSpanFilter());
            if (azureMonitor)
            {
                tracing.AddAzureMonitorTraceExporter(AzureMonitor);
            }

            if (otlp)
            {
                tracing.AddOtlpExporter();
            }

            // Last: the Azure Monitor exporter sets its own sampler, and the last one set wins.
            tracing.SetSampler(sp => new IngestSampler(sp.GetRequiredService<IOptions<TelemetryOptions>>().Value.IngestSamplingRatio, SampledFunctions));
        });
        telemetry.WithMetrics(metrics =>
        {
            metrics.AddMeter(InfraTelemetry.Name);
            if (azureMonitor)
            {
                metrics.AddAzureMonitorMetricExporter(AzureMonitor);
            }

            if (otlp)
            {
                metrics.AddOtlpExporter();
            }
        });
        telemetry.WithLogging(logging =>
        {
            if (azureMonitor)
            {
                logging.AddAzureMonitorLogExporter(AzureMonitor);
            }

            if (otlp)
            {
                logging.AddOtlpExporter();
            }
        }, options => options.IncludeFormattedMessage = true);
        return services;
    }

    /// <summary>
    /// Leaves out the worker's gRPC stream to the Functions host (one span for the life of the process) and the
    /// HTTP request under an Azure SDK call, which the SDK's own span already describes.
    /// </summary>
    private static bool IsOwnCall(HttpRequestMessage request)
    {
        if (request.Content?.Headers.ContentType?.MediaType is { } type && type.StartsWith("application/grpc", StringComparison.Ordinal))
        {
            return false;
        }

        var current = Activity.Current;
        return current?.Source.Name != "Azure.Core.Http" && current?.Parent?.Source.Name != "Azure.Core.Http";
    }
}
