using InfraFunctions.Agent;
using Microsoft.Extensions.Hosting;

try
{
    var (options, once) = AgentConfiguration.Load(args, Environment.GetEnvironmentVariables());
    if (once)
    {
        return await OnceCommand.RunAsync(options, TimeProvider.System, Console.Out);
    }

    var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ApplicationName = "infra-agent" });
    await builder.AddInfraAgent(options).Build().RunAsync();
    return 0;
}
catch (AgentConfigurationException e)
{
    await Console.Error.WriteLineAsync($"infra-agent: {e.Message}");
    return 2;
}
