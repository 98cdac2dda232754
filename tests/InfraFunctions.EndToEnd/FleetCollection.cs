namespace InfraFunctions.EndToEnd;

/// <summary>The tests that share one dashboard with a fleet of 1,000 posted hosts (posting them is the slow part).</summary>
[CollectionDefinition(Name)]
public sealed class FleetCollection : ICollectionFixture<FleetFixture>
{
    public const string Name = "fleet of 1,000 hosts";
}
