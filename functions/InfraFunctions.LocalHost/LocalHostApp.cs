using InfraFunctions.Core;
using InfraFunctions.LocalHost.SignalR;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace InfraFunctions.LocalHost;

/// <summary>
/// The function app without the Functions runtime (DESIGN §4): every HTTP function of functions.metadata at
/// /{routePrefix}/{route} with its methods and auth level, every timer on its schedule, the admin run endpoint,
/// and the built dashboard at /. A development host only: in Azure the same functions run on the real host.
/// </summary>
public static class LocalHostApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls(builder.Configuration["LocalHost:Urls"] ?? "http://localhost:7071");
        configure?.Invoke(builder);

        builder.Services.AddInfraFunctions(builder.Configuration);
        builder.Services.AddSignalRStandIn(builder.Configuration);
        builder.Services.AddOptions<LocalHostOptions>().BindConfiguration(LocalHostOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(sp => new FunctionCatalog(sp.GetRequiredService<IOptions<LocalHostOptions>>().Value.MetadataDirectory ?? AppContext.BaseDirectory));
        builder.Services.AddSingleton<TimerScheduler>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<TimerScheduler>());

        var app = builder.Build();
        var catalog = app.Services.GetRequiredService<FunctionCatalog>();
        foreach (var timer in catalog.Timers)
        {
            TimerScheduler.Schedule(timer, app.Configuration); // a missing or bad schedule fails at start, naming the setting
        }

        app.MapSignalRStandIn();
        ServeDashboard(app);
        MapFunctions(app, catalog);
        return app;
    }

    private static void MapFunctions(WebApplication app, FunctionCatalog catalog)
    {
        foreach (var function in catalog.Http)
        {
            var f = function;
            app.MapMethods("/" + catalog.Template(f), f.Methods, async context =>
            {
                var key = context.RequestServices.GetRequiredService<IOptions<LocalHostOptions>>().Value.MasterKey;
                if (await FunctionKeyCheck.AdmitAsync(context, f.AuthLevel, key))
                {
                    await FunctionInvoker.InvokeHttpAsync(f, context);
                }
            }).WithMetadata(f).WithDisplayName(f.Name);
        }

        // Azure's admin API for running a non-HTTP function now: POST /admin/functions/{name} with the master key.
        app.MapPost("/admin/functions/{name}", async (HttpContext context, string name, TimerScheduler timers) =>
        {
            var key = context.RequestServices.GetRequiredService<IOptions<LocalHostOptions>>().Value.MasterKey;
            if (!await FunctionKeyCheck.AdmitAsync(context, "Admin", key))
            {
                return;
            }

            var timer = catalog.Timers.FirstOrDefault(t => t.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (timer is null)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                context.Response.ContentType = "application/problem+json";
                await context.Response.WriteAsJsonAsync(new { title = "Not found", status = 404, detail = $"No timer function named '{name}'. Timers: {string.Join(", ", catalog.Timers.Select(t => t.Name))}." });
                return;
            }

            var reply = await timers.RunNowAsync(timer, context.RequestAborted);
            context.Response.StatusCode = StatusCodes.Status202Accepted;
            if (reply is not null)
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(reply, context.RequestAborted);
            }
        });
    }

    private static void ServeDashboard(WebApplication app)
    {
        var root = app.Services.GetRequiredService<IOptions<LocalHostOptions>>().Value.StaticRoot ?? FindDashboard();
        if (root is null || !Directory.Exists(root))
        {
            app.Logger.LogInformation("No built dashboard found (static-web/dist); serving the API only");
            return;
        }

        var files = new PhysicalFileProvider(Path.GetFullPath(root));
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        app.MapFallback("/{*path:nonfile}", async context =>
        {
            // Client-side routes fall back to index.html, as staticwebapp.config.json's navigationFallback does.
            if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/admin"))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.SendFileAsync(files.GetFileInfo("index.html"));
        });
    }

    private static string? FindDashboard()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "static-web", "dist");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
