using System.ComponentModel.DataAnnotations;

namespace InfraFunctions.LocalHost;

/// <summary>Settings of the development host itself; the function app never reads these.</summary>
public sealed class LocalHostOptions
{
    public const string SectionName = "LocalHost";

    /// <summary>The key admin-level functions require, as <c>x-functions-key</c> or <c>?code=</c>; run.sh generates it.</summary>
    [Required(ErrorMessage = "LocalHost__MasterKey is required: admin functions need a master key (run.sh generates one in .local/secrets.env).")]
    [MinLength(16, ErrorMessage = "LocalHost__MasterKey must be at least 16 characters.")]
    public string MasterKey { get; set; } = string.Empty;

    /// <summary>The built dashboard to serve at <c>/</c>; by default <c>static-web/dist</c> of the repository.</summary>
    public string? StaticRoot { get; set; }

    /// <summary>Where functions.metadata and host.json are; by default next to this program.</summary>
    public string? MetadataDirectory { get; set; }
}
