namespace InfraFunctions.Core.Rules;

/// <summary>Every rule in force, built-in ones included, as alert evaluation reads them (each instance may cache them briefly).</summary>
public interface IRuleSource
{
    /// <summary>How long a change may take to reach evaluation on every instance.</summary>
    TimeSpan CacheFor { get; }

    ValueTask<IReadOnlyList<RuleDefinition>> ListAsync(CancellationToken cancellationToken = default);
}
