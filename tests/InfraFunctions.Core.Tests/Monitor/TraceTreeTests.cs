using InfraFunctions.Core.Monitor;

namespace InfraFunctions.Core.Tests.Monitor;

public sealed class TraceTreeTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    private static TraceSpan Span(string id, string? parent, int startMs, string kind = "dependency") =>
        new(id, parent, kind, id, null, "InProc", T0.AddMilliseconds(startMs), 5, true, null);

    private static string Shape(IReadOnlyList<TraceSpan> ordered) => string.Join(' ', ordered.Select(s => $"{s.Id}@{s.Depth}"));

    [Fact]
    public void EachSpanFollowsItsParentOneLevelDeeperAndSiblingsRunInStartOrder()
    {
        // Given newest first, as nothing guarantees the rows' order.
        TraceSpan[] spans =
        [
            Span("publish", "req", 30), Span("insert", "store", 12), Span("store", "req", 10),
            Span("validate", "req", 2), Span("req", "caller-span", 0, "request"), Span("upsert", "store", 11),
        ];

        var ordered = TraceTree.Order(spans);

        Assert.Equal("req@0 validate@1 store@1 upsert@2 insert@2 publish@1", Shape(ordered));
        Assert.Equal([0, 2, 10, 11, 12, 30], ordered.Select(s => s.OffsetMs));
        Assert.Equal("req", ordered[1].ParentId);
    }

    [Fact]
    public void SpansWhoseParentIsNotInTheTraceAreShownAsRootsWithTheirChildren()
    {
        // "late" lost its parent to sampling or to the window's edge; its own child still hangs under it.
        TraceSpan[] spans = [Span("req", null, 0, "request"), Span("late", "gone", 50), Span("late-child", "late", 55), Span("step", "req", 5)];

        var ordered = TraceTree.Order(spans);

        Assert.Equal("req@0 step@1 late@0 late-child@1", Shape(ordered));
        Assert.Equal(spans.Length, ordered.Count);
    }

    [Fact]
    public void SeveralRootsAreOrderedByStartAndARequestComesBeforeADependencyThatStartsWithIt()
    {
        TraceSpan[] spans = [Span("b", string.Empty, 20), Span("dep", null, 0), Span("req", null, 0, "request"), Span("a", "req", 1)];

        var ordered = TraceTree.Order(spans);

        Assert.Equal("req@0 a@1 dep@0 b@0", Shape(ordered));
    }

    [Fact]
    public void ParentsThatPointAtEachOtherOrAtThemselvesLoseNoSpanAndEndTheWalk()
    {
        TraceSpan[] spans = [Span("self", "self", 0), Span("x", "y", 10), Span("y", "x", 12), Span("x-child", "x", 15)];

        var ordered = TraceTree.Order(spans);

        Assert.Equal("self@0 x@0 y@1 x-child@1", Shape(ordered));
    }

    [Fact]
    public void AnEmptyTraceHasNoSpans()
    {
        Assert.Empty(TraceTree.Order([]));
    }
}
