namespace InfraFunctions.Agent.Parsing;

/// <summary>What the parser knows of one metric family while reading a file.</summary>
internal sealed class PrometheusFamily
{
    /// <summary>The <c># TYPE</c>, lower case; null until one is read.</summary>
    public string? Type { get; set; }

    public bool Help { get; set; }

    public bool Samples { get; set; }
}
