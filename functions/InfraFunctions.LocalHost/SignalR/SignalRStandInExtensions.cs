namespace InfraFunctions.LocalHost.SignalR;

/// <summary>
/// The local SignalR Service: when the app setting AzureSignalRConnectionString is the local form
/// (<c>Endpoint=http://localhost;Port=7071;AccessKey=...;Version=1.0;</c>), LocalHost serves the client endpoint
/// <c>/client</c> and the serverless REST subset under <c>/api/hubs</c> and <c>/api/health</c>. The function code
/// reaches it over HTTP with the same REST client it uses against Azure.
/// </summary>
public static class SignalRStandInExtensions
{
    /// <summary>The hub the function app uses unless its SignalR__HubName setting names another.</summary>
    public const string DefaultHub = "observability";

    private const string ConnectionSetting = "AzureSignalRConnectionString";

    public static IServiceCollection AddSignalRStandIn(this IServiceCollection services, IConfiguration configuration)
    {
        if (LocalConnection(configuration) is not { } connection)
        {
            return services;
        }

        services.AddSignalR();
        services.AddSingleton(sp => new StandInTokens(connection, sp.GetRequiredService<TimeProvider>()));
        var settings = new AppSettings(configuration);
        services.AddSingleton(new StandInHubs([settings["SignalR:HubName"] ?? DefaultHub]));
        services.AddSingleton<StandInConnections>();
        services.AddSingleton<StandInClientGate>();
        return services;
    }

    public static WebApplication MapSignalRStandIn(this WebApplication app)
    {
        if (app.Services.GetService<StandInTokens>() is not { } tokens)
        {
            app.Logger.LogInformation("{Setting} is not a local AccessKey connection string: the SignalR stand-in is off", ConnectionSetting);
            return app;
        }

        var gate = app.Services.GetRequiredService<StandInClientGate>();
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/client"), branch => branch.Use((context, next) => gate.InvokeAsync(context, () => next(context))));
        app.MapHub<StandInHub>("/client");
        StandInRestApi.Map(app);
        app.Logger.LogInformation("SignalR stand-in serving {Endpoint}/client and its REST API", tokens.Connection.BaseUrl);
        return app;
    }

    private static StandInConnectionString? LocalConnection(IConfiguration configuration) =>
        new AppSettings(configuration)[ConnectionSetting] is { Length: > 0 } value && StandInConnectionString.Parse(value) is { Endpoint.IsLoopback: true } connection
            ? connection
            : null;
}
