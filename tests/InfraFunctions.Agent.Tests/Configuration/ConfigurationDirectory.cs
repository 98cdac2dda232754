using System.Collections;
using InfraFunctions.Agent.Tests.Delivery;

namespace InfraFunctions.Agent.Tests.Configuration;

/// <summary>
/// A directory for one test's agent configuration: loads the agent's options from flags and an environment of the
/// test's own (no configuration file unless one is written), and writes a configuration file with the mode the agent accepts.
/// </summary>
internal sealed class ConfigurationDirectory : IDisposable
{
    private readonly TempDirectory _directory = new();

    public string Path => _directory.Path;

    /// <summary>The options for these flags (<c>--once</c> added) and environment variables.</summary>
    public AgentOptions Load(string[] args, params (string Key, string Value)[] environment)
    {
        var env = new Hashtable { ["PATH"] = "/usr/bin" };
        foreach (var (key, value) in environment)
        {
            env[key] = value;
        }

        return AgentConfiguration.Load(["--once", .. args], env, System.IO.Path.Combine(Path, "missing.json")).Options;
    }

    /// <summary>Writes <c>agent.json</c>, readable by its owner only; returns its path.</summary>
    public string WriteConfig(string json)
    {
        var path = System.IO.Path.Combine(Path, "agent.json");
        File.WriteAllText(path, json);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return path;
    }

    public void Dispose() => _directory.Dispose();
}
