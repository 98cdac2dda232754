using InfraFunctions.Contracts;

namespace InfraFunctions.Agent.Collectors.ServiceChecks;

/// <summary>The latest result of each check, written by the check loops and read by samples without waiting.</summary>
internal sealed class CheckResults(int count)
{
    private readonly CheckResult?[] latest = new CheckResult?[count];

    public void Set(int index, CheckResult result) => Volatile.Write(ref latest[index], result);

    /// <summary>Every check that has a result yet, in configured order.</summary>
    public List<CheckResult> Snapshot()
    {
        var results = new List<CheckResult>(latest.Length);
        for (var i = 0; i < latest.Length; i++)
        {
            if (Volatile.Read(ref latest[i]) is { } result)
            {
                results.Add(result);
            }
        }

        return results;
    }
}
