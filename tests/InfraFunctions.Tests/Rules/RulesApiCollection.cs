namespace InfraFunctions.Tests.Rules;

/// <summary>The rules API test classes share one LocalHost and run one after the other (the rule list is global).</summary>
[CollectionDefinition(Name)]
public sealed class RulesApiCollection : ICollectionFixture<RulesApiFixture>
{
    public const string Name = "rules-api";
}
