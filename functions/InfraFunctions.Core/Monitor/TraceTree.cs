namespace InfraFunctions.Core.Monitor;

/// <summary>Orders a trace's spans as a tree: each span right after its parent, siblings by start time.</summary>
public static class TraceTree
{
    /// <summary>
    /// Depth-first from the roots, setting <see cref="TraceSpan.Depth"/> and <see cref="TraceSpan.OffsetMs"/>. A root is a
    /// span without a parent, or whose parent is not in the trace (the caller's span, or one the window or sampling left
    /// out), so no span is ever dropped. Spans whose parents only point at each other are shown from the earliest of them.
    /// </summary>
    public static IReadOnlyList<TraceSpan> Order(IReadOnlyList<TraceSpan> spans)
    {
        if (spans.Count == 0)
        {
            return [];
        }

        var first = spans.Min(s => s.Start);
        var ids = spans.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        bool IsRoot(int i) => spans[i].ParentId is not { Length: > 0 } parent || parent == spans[i].Id || !ids.Contains(parent);
        var all = InOrder(spans, Enumerable.Range(0, spans.Count)).ToArray();
        var children = all.Where(i => !IsRoot(i)).ToLookup(i => spans[i].ParentId!, StringComparer.Ordinal);
        var placed = new bool[spans.Count];
        var ordered = new List<TraceSpan>(spans.Count);

        void Walk(IEnumerable<int> tops)
        {
            var stack = new Stack<(int Index, int Depth)>();
            foreach (var top in tops.Reverse())
            {
                stack.Push((top, 0));
            }

            while (stack.TryPop(out var next))
            {
                if (placed[next.Index])
                {
                    continue;
                }

                placed[next.Index] = true;
                var span = spans[next.Index];
                ordered.Add(span with { Depth = next.Depth, OffsetMs = Math.Round((span.Start - first).TotalMilliseconds, 3) });
                foreach (var child in children[span.Id].Reverse())
                {
                    stack.Push((child, next.Depth + 1));
                }
            }
        }

        Walk(all.Where(IsRoot));
        foreach (var i in all.Where(i => !placed[i]))
        {
            Walk([i]);
        }

        return ordered;
    }

    // Siblings by start; a request before a dependency that starts with it, then by id so the order is stable.
    private static IEnumerable<int> InOrder(IReadOnlyList<TraceSpan> spans, IEnumerable<int> indexes) =>
        indexes.OrderBy(i => spans[i].Start).ThenBy(i => spans[i].Kind == "request" ? 0 : 1).ThenBy(i => spans[i].Id, StringComparer.Ordinal);
}
