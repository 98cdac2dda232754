using InfraFunctions.Core;
using InfraFunctions.Core.Options;
using InfraFunctions.Core.Realtime;

namespace InfraFunctions.LocalHost.SignalR;

/// <summary>
/// The local SignalR Service (DESIGN §4): when AzureSignalRConnectionString is the local form
/// (<c>Endpoint=http://localhost;Port=7071;AccessKey=...;Version=1.0;</c>), LocalHost serves the client endpoint
/// <c>/client</c> and the serverless REST subset under <c>/api/hubs</c> and <c>/api/health</c>. The function code
/// reaches it over HTTP with the same REST client it uses against Azure.
/// </summary>
public static class SignalRStandInExtensions
{
    public static IServiceCollection AddSignalRStandIn(this IServiceCollection services, IConfiguration configuration)
    {
        if (LocalConnection(configuration) is not { } connection)
        {
            return services;
        }

        services.AddSignalR();
        services.AddSingleton(sp => new StandInTokens(connection, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(new StandInHubs([configuration[$"{SignalROptions.SectionName}:{nameof(SignalROptions.HubName)}"] ?? new SignalROptions().HubName]));
        services.AddSingleton<StandInConnections>();
        services.AddSingleton<StandInClientGate>();
        return services;
    }

    public static WebApplication MapSignalRStandIn(this WebApplication app)
    {
        if (app.Services.GetService<StandInTokens>() is not { } tokens)
        {
            app.Logger.LogInformation("{Setting} is not a local AccessKey connection string: the SignalR stand-in is off", AppSettingNames.SignalRConnectionString);
            return app;
        }

        var gate = app.Services.GetRequiredService<StandInClientGate>();
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/client"), branch => branch.Use((context, next) => gate.InvokeAsync(context, () => next(context))));
        app.MapHub<StandInHub>("/client");
        StandInRestApi.Map(app);
        app.Logger.LogInformation("SignalR stand-in serving {Endpoint}/client and its REST API", tokens.Connection.BaseUrl);
        return app;
    }

    private static SignalRConnectionString? LocalConnection(IConfiguration configuration) =>
        SignalRAccess.FromConfiguration(configuration) is { AccessKey: not null } connection && connection.Endpoint.IsLoopback ? connection : null;
}
