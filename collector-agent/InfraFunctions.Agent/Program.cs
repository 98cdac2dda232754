using InfraFunctions.Agent;
using InfraFunctions.Agent.Delivery;
using InfraFunctions.Agent.Enrollment;
using InfraFunctions.Agent.Hosting;
using InfraFunctions.Agent.Native;

InterruptSignal.Restore();
ResidentSet.UseOneMallocArena();
try
{
    var (options, command) = AgentConfiguration.Load(args, Environment.GetEnvironmentVariables());
    if (AgentConfiguration.KeyOnCommandLine(args))
    {
        await Console.Error.WriteLineAsync(
            "infra-agent: WARNING: the agent key was given with --key, and every local user can read a command line (ps, /proc/PID/cmdline). "
            + "Pass it in INFRA_AGENT_KEY or a mode-600 configuration file instead.");
    }

    if (command == AgentCommand.Once)
    {
        return await OnceCommand.RunAsync(options, TimeProvider.System, Console.Out);
    }

    // No key yet: trade the enrollment token for one. --enroll gives up after a few tries, the service never.
    if (command == AgentCommand.Enroll || options.Key is null)
    {
        using var enrollHttp = IngestClient.CreateHttpClient(key: null);
        var client = new EnrollmentClient(enrollHttp, options.Endpoint!, TimeProvider.System);
        var attempts = command == AgentCommand.Run ? int.MaxValue : 5;
        var output = command == AgentCommand.Enroll ? Console.Out : Console.Error;
        var key = await Enroller.EnrollAsync(options, client, Backoff.Default(), attempts, TimeProvider.System, output);
        if (key is null)
        {
            // The service only gets here on a refusal, which a restart would only repeat: the unit does not restart
            // on this exit status (RestartPreventExitStatus), so a refused host stops calling until it is fixed.
            return command == AgentCommand.Run ? RefusedExitCode : 1;
        }

        if (command == AgentCommand.Enroll)
        {
            return 0;
        }

        options = options with { Key = key };
    }

    if (command == AgentCommand.PostOnce)
    {
        using var http = IngestClient.CreateHttpClient(options.Key);
        var client = new IngestClient(http, options.Endpoint!, TimeProvider.System);
        return await PostOnceCommand.RunAsync(options, client, TimeProvider.System, Console.Out, Console.Error);
    }

    await AgentHost.RunAsync(options);
    return 0;
}
catch (AgentConfigurationException e)
{
    await Console.Error.WriteLineAsync($"infra-agent: {e.Message}");
    return 2;
}

/// <summary>The program's exit statuses beyond 0 (done), 1 (a one-shot command failed) and 2 (bad configuration).</summary>
internal static partial class Program
{
    /// <summary>The service's enrollment was refused (the token expired, was revoked or used up, or the host id is outside its pattern).</summary>
    public const int RefusedExitCode = 3;
}
