using InfraFunctions.Agent.Collectors;
using InfraFunctions.Agent.Collectors.ServiceChecks;
using InfraFunctions.Agent.Collectors.Systemd;
using InfraFunctions.Agent.Delivery;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace InfraFunctions.Agent;

/// <summary>Registers the agent: collectors, the spool, the sender and the two loops.</summary>
internal static class AgentServiceCollectionExtensions
{
    public static HostApplicationBuilder AddInfraAgent(this HostApplicationBuilder builder, AgentOptions options)
    {
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss'Z' ";
            o.UseUtcTimestamp = true;
        });
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.Services.AddSystemd();

        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(Backoff.Default());
        services.AddSingleton(sp => new SystemdMonitor(options, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<SystemdMonitor>>()));
        services.AddSingleton(sp => new CheckRunner(options, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<CheckRunner>>()));
        services.AddSingleton(sp => new SampleCollector(sp.GetRequiredService<TimeProvider>(), options)
        {
            Systemd = sp.GetRequiredService<SystemdMonitor>(),
            CheckResults = sp.GetRequiredService<CheckRunner>().Results,
        });
        services.AddSingleton(sp => Spool.Open(options.SpoolDir, options.QueueLimitBytes, sp.GetRequiredService<ILogger<Spool>>()));
        services.AddSingleton(sp => new Quarantine(Path.Combine(options.SpoolDir, "quarantine.jsonl"), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new IngestClient(IngestClient.CreateHttpClient(options.Key!), options.Endpoint!, sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService<SamplingService>();
        services.AddHostedService<DeliveryService>();
        services.AddHostedService(sp => sp.GetRequiredService<SystemdMonitor>());
        services.AddHostedService(sp => sp.GetRequiredService<CheckRunner>());
        return builder;
    }
}
