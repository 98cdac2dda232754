using InfraFunctions.LocalHost.Http;
using InfraFunctions.LocalHost.SignalR;
using InfraFunctions.LocalHost.Timers;
using InfraFunctions.LocalHost.Worker;
using Microsoft.Extensions.Options;

namespace InfraFunctions.LocalHost;

/// <summary>
/// A small Functions host for development: it starts the function app's own build as an isolated worker child
/// process and drives it over the host's gRPC protocol, so the worker, Program.cs, the middleware and the bindings
/// are the ones Azure runs. What it emulates is the host's side: routing and key checks, timer scheduling, the
/// admin run API, plus the SignalR Service stand-in and the built dashboard.
/// </summary>
public static class LocalHostApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        configure?.Invoke(builder);

        var grpc = new GrpcEndpoint();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            RequestLimits.Raise(kestrel);
            grpc.Listen(kestrel);
            PublicEndpoints.Listen(kestrel, builder.Configuration["LocalHost:Urls"] ?? "http://localhost:7071");
        });
        builder.Services.AddGrpc(o => o.MaxReceiveMessageSize = null);
        builder.Services.AddHttpForwarder();
        builder.Services.AddOptions<LocalHostOptions>().BindConfiguration(LocalHostOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(grpc);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<AppSettings>();
        builder.Services.AddSingleton<WorkerRegistry>();
        builder.Services.AddSingleton<WorkerSupervisor>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<WorkerSupervisor>());
        builder.Services.AddSingleton<TimerScheduler>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<TimerScheduler>());
        builder.Services.AddSingleton<FunctionKeys>();
        builder.Services.AddSingleton<FunctionEndpoints>();
        builder.Services.AddSingleton<HttpFunctionInvoker>();
        builder.Services.AddSignalRStandIn(builder.Configuration);

        var app = builder.Build();
        app.Use(RequestLimits.EnforceAsync);
        app.Use(async (context, next) =>
        {
            // A path under /api or /admin that no function serves gets a problem, never the dashboard's page.
            if ((context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/admin"))
                && context.GetEndpoint() is null or { DisplayName: Dashboard.FallbackName })
            {
                await NotAFunctionAsync(context);
                return;
            }

            await next(context);
        });
        app.MapGrpcService<FunctionRpcService>();
        app.MapSignalRStandIn();
        AgentFiles.Map(app);
        Dashboard.Serve(app);
        AdminEndpoints.Map(app);
        var functions = app.Services.GetRequiredService<FunctionEndpoints>();
        ((IEndpointRouteBuilder)app).DataSources.Add(functions);
        return app;
    }

    /// <summary>Waits until the worker has loaded every function and the routes are served; throws with the worker's error otherwise.</summary>
    public static async Task WaitReadyAsync(WebApplication app, CancellationToken cancellationToken = default)
    {
        var index = await app.Services.GetRequiredService<WorkerSupervisor>().Ready.WaitAsync(cancellationToken);
        app.Services.GetRequiredService<FunctionEndpoints>().Serve(index);
    }

    /// <summary>Runs until Ctrl-C or SIGTERM; exits non-zero, with the worker's own error text, if the worker never gets ready.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var app = Build(args);
        await app.StartAsync();
        try
        {
            await WaitReadyAsync(app);
        }
        catch (Exception ex)
        {
            await app.StopAsync();
            // Last, so that whoever shows the end of LocalHost's output shows why.
            await Console.Error.WriteLineAsync($"LocalHost could not start the function app: {ex.Message}");
            return 1;
        }

        var supervisor = app.Services.GetRequiredService<WorkerSupervisor>();
        app.Logger.LogInformation("LocalHost ready: {Count} functions on the worker, serving {Urls}",
            supervisor.Current?.Index.Functions.Count ?? 0, string.Join(", ", app.Urls));
        await app.WaitForShutdownAsync();
        return 0;
    }

    // A path under /api or /admin that no function serves: 503 while the worker starts, else 404, both as problems.
    private static Task NotAFunctionAsync(HttpContext context)
    {
        if (context.RequestServices.GetRequiredService<WorkerSupervisor>().Current is null)
        {
            return Problems.WorkerUnavailableAsync(context);
        }

        return Problems.WriteAsync(context, StatusCodes.Status404NotFound, "Not found",
            $"No function serves {context.Request.Method} {context.Request.Path}. The routes are listed in the README's API reference.");
    }
}
