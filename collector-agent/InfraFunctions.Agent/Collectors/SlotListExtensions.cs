namespace InfraFunctions.Agent.Collectors;

internal static class SlotListExtensions
{
    /// <summary>Reference search from <paramref name="start"/>: the chosen list stays a few dozen long.</summary>
    public static bool Contains(this List<ProcessSlot> list, ProcessSlot slot, int start)
    {
        for (var i = start; i < list.Count; i++)
        {
            if (ReferenceEquals(list[i], slot))
            {
                return true;
            }
        }

        return false;
    }
}
