using InfraFunctions.Agent;
using InfraFunctions.Agent.Hosting;
using InfraFunctions.Agent.Native;

InterruptSignal.Restore();
ResidentSet.UseOneMallocArena();
try
{
    var (options, once) = AgentConfiguration.Load(args, Environment.GetEnvironmentVariables());
    if (AgentConfiguration.KeyOnCommandLine(args))
    {
        await Console.Error.WriteLineAsync(
            "infra-agent: WARNING: the agent key was given with --key, and every local user can read a command line (ps, /proc/PID/cmdline). "
            + "Pass it in INFRA_AGENT_KEY or a mode-600 configuration file instead.");
    }

    if (once)
    {
        return await OnceCommand.RunAsync(options, TimeProvider.System, Console.Out);
    }

    await AgentHost.RunAsync(options);
    return 0;
}
catch (AgentConfigurationException e)
{
    await Console.Error.WriteLineAsync($"infra-agent: {e.Message}");
    return 2;
}
