namespace InfraFunctions.Tests.Silences;

/// <summary>The silence tests share one LocalHost and run one after another, so a count of silences is theirs alone.</summary>
[CollectionDefinition(Name)]
public sealed class SilencesCollection : ICollectionFixture<SilencesFixture>
{
    public const string Name = "silences";
}
