using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InfraFunctions.Core.Rules;

/// <summary>Registers the rule store as the rules in force, rule validation, the metric catalog and previews.</summary>
public static class RulesServiceCollectionExtensions
{
    public static IServiceCollection AddRules(this IServiceCollection services)
    {
        services.AddSingleton<RuleRepository>();
        // The stored rules take the place of the built-in-only default, whichever was registered first; a source
        // registered before the domain (a test's) is left as it is.
        foreach (var builtInOnly in services.Where(d => d.ServiceType == typeof(IRuleSource) && d.ImplementationType == typeof(BuiltInRuleSource)).ToArray())
        {
            services.Remove(builtInOnly);
        }

        services.TryAddSingleton<IRuleSource>(sp => sp.GetRequiredService<RuleRepository>());
        services.AddSingleton<RuleValidation>();
        services.AddSingleton<RuleCatalog>();
        services.AddSingleton<RulePreview>();
        return services;
    }
}
