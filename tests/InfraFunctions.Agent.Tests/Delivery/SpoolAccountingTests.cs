using System.Text;
using InfraFunctions.Agent.Delivery;
using Microsoft.Extensions.Logging.Abstractions;

namespace InfraFunctions.Agent.Tests.Delivery;

/// <summary>
/// The drop count the server is told equals exactly the number of samples that were appended and never delivered,
/// whatever the order of appends, posts that succeed, posts that fail and restarts.
/// </summary>
public sealed class SpoolAccountingTests : IDisposable
{
    private readonly TempDirectory directory = new();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void EveryAppendedSampleIsEitherDeliveredOrReportedAsDroppedAndNeverBoth(int seed)
    {
        var random = new Random(seed);
        var spool = Open();
        var appended = 0;
        var delivered = new List<int>();
        long reported = 0;
        SpoolBatch? inFlight = null;
        try
        {
            for (var step = 0; step < 500; step++)
            {
                switch (random.Next(10))
                {
                    case < 6:
                        // Samples of varying size; with a post in flight, these may drop records it holds.
                        spool.Append(Record(appended++, random.Next(50, 1500)));
                        break;
                    case 6:
                        inFlight = spool.ReadPending(random.Next(1, 20), random.Next(500, 8000));
                        break;
                    case 7 when inFlight is not null:
                        Deliver(spool, inFlight, delivered, ref reported);
                        inFlight = null;
                        break;
                    case 8:
                        inFlight = null; // the post failed; the next read starts again from the cursor
                        break;
                    case 9:
                        spool.Dispose(); // a restart: a post in flight never got its answer
                        spool = Open();
                        inFlight = null;
                        break;
                }
            }

            // The server is reachable again: the backlog drains, and the last batch carries the last drops.
            while (spool.ReadPending(20, 8000) is { Records.Count: > 0 } batch)
            {
                Deliver(spool, batch, delivered, ref reported);
            }

            Assert.Equal(0, spool.DroppedSamples);
        }
        finally
        {
            spool.Dispose();
        }

        Assert.Equal(delivered.Distinct().Order(), delivered);
        Assert.True(reported > 0);
        Assert.Equal(appended - delivered.Count, reported);
    }

    public void Dispose() => directory.Dispose();

    private static void Deliver(Spool spool, SpoolBatch batch, List<int> delivered, ref long reported)
    {
        delivered.AddRange(batch.Records.Select(r => int.Parse(Encoding.UTF8.GetString(r).Trim())));
        reported += batch.Dropped;
        spool.Acknowledge(batch);
    }

    private Spool Open() => Spool.Open(directory.Path, 16 * 1024, NullLogger.Instance, 2 * 1024);

    private static byte[] Record(int i, int padding) => Encoding.UTF8.GetBytes(i + new string(' ', padding));
}
