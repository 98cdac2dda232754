namespace InfraFunctions.Core.Validation;

/// <summary>The outcome for one sample; a valid one keeps the JSON to store (as posted when it fits), so storing it needs no second serialisation.</summary>
public sealed record SampleValidation(Sample? Sample, IReadOnlyList<string> Errors, string? Json = null)
{
    public bool IsValid => Sample is not null;

    public static SampleValidation Valid(Sample sample, string? json = null) => new(sample, [], json);

    public static SampleValidation Invalid(params string[] errors) => new(null, errors);
}
