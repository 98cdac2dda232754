using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InfraFunctions.Core.Rules;

/// <summary>Registers the rule store as the rules in force, rule validation, the metric catalog and previews.</summary>
public static class RulesServiceCollectionExtensions
{
    public static IServiceCollection AddRules(this IServiceCollection services)
    {
        services.AddSingleton<RuleRepository>();
        services.Replace(ServiceDescriptor.Singleton<IRuleSource>(sp => sp.GetRequiredService<RuleRepository>()));
        services.AddSingleton<RuleValidation>();
        services.AddSingleton<RuleCatalog>();
        services.AddSingleton<RulePreview>();
        return services;
    }
}
