using System.ComponentModel.DataAnnotations;

namespace InfraFunctions.LocalHost;

/// <summary>Settings of the development host itself; the function app never sees these.</summary>
public sealed class LocalHostOptions
{
    public const string SectionName = "LocalHost";

    /// <summary>The key admin-level functions require, as <c>x-functions-key</c> or <c>?code=</c>; run.sh generates it.</summary>
    [Required(ErrorMessage = "LocalHost__MasterKey is required: admin functions need a master key (run.sh generates one in .local/secrets.env).")]
    [MinLength(16, ErrorMessage = "LocalHost__MasterKey must be at least 16 characters.")]
    public string MasterKey { get; set; } = string.Empty;

    /// <summary>A host-wide function key: function-level functions accept it or the master key. Optional.</summary>
    public string? FunctionKey { get; set; }

    /// <summary>The built dashboard to serve at <c>/</c>; by default <c>static-web/dist</c> of the repository.</summary>
    public string? StaticRoot { get; set; }

    /// <summary>
    /// The directory collector-agent/publish.sh wrote (install.sh, SHA256SUMS, infra-agent-linux-&lt;arch&gt;), served
    /// anonymously at <c>/agent/</c>; none when unset.
    /// </summary>
    public string? AgentRoot { get; set; }

    /// <summary>
    /// The function app's build output (worker.config.json, functions.metadata, host.json); by default
    /// <c>functions/InfraFunctions/bin/{configuration}/net10.0</c> of the repository.
    /// </summary>
    public string? FunctionAppDirectory { get; set; }

    /// <summary>How long the worker has to connect, index and load every function before start-up fails.</summary>
    [Range(1, 600)]
    public int StartupTimeoutSeconds { get; set; } = 90;

    /// <summary>How long a terminated worker has to exit by itself before it is killed.</summary>
    [Range(0, 60)]
    public int ShutdownGraceSeconds { get; set; } = 5;
}
