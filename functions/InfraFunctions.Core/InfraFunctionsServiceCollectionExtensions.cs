using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace InfraFunctions.Core;

public static class InfraFunctionsServiceCollectionExtensions
{
    public static IServiceCollection AddInfraFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        return services;
    }
}
