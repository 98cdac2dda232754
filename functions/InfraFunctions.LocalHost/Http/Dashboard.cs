using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace InfraFunctions.LocalHost.Http;

/// <summary>The built dashboard at <c>/</c>, with a <c>/config.json</c> that puts its API on this origin.</summary>
public static class Dashboard
{
    public const string FallbackName = "dashboard";

    public static void Serve(WebApplication app)
    {
        var root = app.Services.GetRequiredService<IOptions<LocalHostOptions>>().Value.StaticRoot ?? Find();
        if (root is null || !Directory.Exists(root))
        {
            app.Logger.LogInformation("No built dashboard found (static-web/dist); serving the API only");
            return;
        }

        var files = new PhysicalFileProvider(Path.GetFullPath(root));
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });

        // In Azure the deployment writes config.json; locally the API is on the same origin.
        if (!files.GetFileInfo("config.json").Exists)
        {
            app.MapGet("/config.json", () => Results.Json(new Dictionary<string, string> { ["api_base_url"] = string.Empty }));
        }

        app.MapFallback("/{*path:nonfile}", async context =>
        {
            // Client-side routes fall back to index.html, as staticwebapp.config.json's navigationFallback does.
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.SendFileAsync(files.GetFileInfo("index.html"));
        }).WithDisplayName(FallbackName);
    }

    private static string? Find()
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
