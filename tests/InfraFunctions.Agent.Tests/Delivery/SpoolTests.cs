using System.Text;
using InfraFunctions.Agent.Delivery;
using Microsoft.Extensions.Logging.Abstractions;

namespace InfraFunctions.Agent.Tests.Delivery;

public sealed class SpoolTests : IDisposable
{
    private readonly TempDirectory directory = new();

    [Fact]
    public void RecordsAreReadBackInTheOrderTheyWereAppended()
    {
        using var spool = Open();
        for (var i = 0; i < 5; i++)
        {
            spool.Append(Record(i));
        }

        Assert.Equal(["0", "1", "2", "3", "4"], Texts(spool.ReadPending(100, long.MaxValue)));
        Assert.Equal(["0", "1"], Texts(spool.ReadPending(2, long.MaxValue)));
    }

    [Fact]
    public void ATornLastRecordIsCutOffOnRestartAndLaterAppendsAreRead()
    {
        using (var spool = Open())
        {
            for (var i = 0; i < 3; i++)
            {
                spool.Append(Record(i));
            }
        }

        // A kill mid-write leaves part of the last record: cut the file inside it.
        var segment = directory.Segments().Single();
        using (var file = new FileStream(segment, FileMode.Open))
        {
            file.SetLength(file.Length - 3);
        }

        using var reopened = Open();
        Assert.Equal(["0", "1"], Texts(reopened.ReadPending(100, long.MaxValue)));
        reopened.Append(Record(3));
        Assert.Equal(["0", "1", "3"], Texts(reopened.ReadPending(100, long.MaxValue)));
    }

    [Fact]
    public void AHalfWrittenHeaderOrACorruptPayloadIsDetected()
    {
        using (var spool = Open())
        {
            spool.Append(Record(0));
            spool.Append(Record(1));
        }

        var segment = directory.Segments().Single();
        var bytes = File.ReadAllBytes(segment);
        bytes[^1] ^= 0xFF; // the CRC of the last record no longer matches
        File.WriteAllBytes(segment, [.. bytes, 0x05, 0x00]);

        using var reopened = Open();
        Assert.Equal(["0"], Texts(reopened.ReadPending(100, long.MaxValue)));
    }

    [Fact]
    public void AcknowledgedRecordsAreNeverReadAgainEvenAfterARestart()
    {
        using (var spool = Open())
        {
            for (var i = 0; i < 4; i++)
            {
                spool.Append(Record(i));
            }

            spool.Acknowledge(spool.ReadPending(3, long.MaxValue));
            Assert.Equal(["3"], Texts(spool.ReadPending(100, long.MaxValue)));
        }

        using var reopened = Open();
        Assert.Equal(["3"], Texts(reopened.ReadPending(100, long.MaxValue)));
        reopened.Acknowledge(reopened.ReadPending(100, long.MaxValue));
        Assert.Empty(reopened.ReadPending(100, long.MaxValue).Records);
        Assert.Equal(0, reopened.PendingBytes);
    }

    [Fact]
    public void AnUnacknowledgedBatchIsReadAgainAfterAKill()
    {
        using (var spool = Open())
        {
            spool.Append(Record(0));
            spool.Append(Record(1));
            _ = spool.ReadPending(100, long.MaxValue); // posted, but the reply never came
        }

        using var reopened = Open();
        Assert.Equal(["0", "1"], Texts(reopened.ReadPending(100, long.MaxValue)));
    }

    [Fact]
    public void AFullSpoolDropsTheOldestRecordsAndCountsThem()
    {
        const int appended = 200;
        using (var spool = Open(limitBytes: 16 * 1024, segmentBytes: 4 * 1024))
        {
            for (var i = 0; i < appended; i++)
            {
                spool.Append(Record(i, padding: 300));
            }

            var batch = spool.ReadPending(1000, long.MaxValue);
            var kept = Texts(batch).Select(int.Parse).ToArray();
            Assert.True(spool.DroppedSamples > 0);
            Assert.Equal(appended, spool.DroppedSamples + kept.Length);
            Assert.Equal(Enumerable.Range((int)spool.DroppedSamples, kept.Length), kept);
            Assert.InRange(directory.Segments().Sum(s => new FileInfo(s).Length), 1, 16 * 1024);
        }

        using var reopened = Open(limitBytes: 16 * 1024, segmentBytes: 4 * 1024);
        var pending = reopened.ReadPending(1000, long.MaxValue);
        Assert.Equal(reopened.DroppedSamples, pending.Dropped);
        reopened.Acknowledge(pending);
        Assert.Equal(0, reopened.DroppedSamples);
    }

    [Fact]
    public void ARecordDroppedWhileItsBatchIsInFlightIsNotCountedOnceTheBatchIsAcknowledged()
    {
        using var spool = FullOfThree();

        var batch = spool.ReadPending(2, long.MaxValue); // 0 and 1 are being posted
        spool.Append(Record(3, padding: 900));           // the spool is full: 0 goes
        spool.Append(Record(4, padding: 900));           // and 1
        Assert.Equal(2, spool.DroppedSamples);
        spool.Acknowledge(batch);                        // the server had 0 and 1 after all

        Assert.Equal(["0", "1"], Texts(batch));
        Assert.Equal(0, spool.DroppedSamples);
        Assert.Equal(["2", "3", "4"], Texts(spool.ReadPending(100, long.MaxValue)));
    }

    [Fact]
    public void ARecordDroppedWhileItsBatchIsInFlightIsCountedIfThePostFails()
    {
        using var spool = FullOfThree();

        _ = spool.ReadPending(2, long.MaxValue); // posted, but the post failed: never acknowledged
        spool.Append(Record(3, padding: 900));
        var retry = spool.ReadPending(100, long.MaxValue);

        Assert.Equal(["1", "2", "3"], Texts(retry));
        Assert.Equal(1, retry.Dropped);
        spool.Acknowledge(retry);
        Assert.Equal(0, spool.DroppedSamples);
    }

    [Fact]
    public void DropsThatHappenWhileABatchIsInFlightAreStillReportedLater()
    {
        using var spool = FullOfThree();

        var batch = spool.ReadPending(1, long.MaxValue); // only 0 is being posted
        spool.Append(Record(3, padding: 900));
        spool.Append(Record(4, padding: 900));           // 0 and 1 are dropped
        spool.Acknowledge(batch);

        Assert.Equal(1, spool.DroppedSamples);           // 1 was never delivered
        var next = spool.ReadPending(100, long.MaxValue);
        Assert.Equal(["2", "3", "4"], Texts(next));
        Assert.Equal(1, next.Dropped);
    }

    [Fact]
    public void ReadsStopAtTheByteBudgetButAlwaysReturnOneRecord()
    {
        using var spool = Open();
        spool.Append(Record(0, padding: 1000));
        spool.Append(Record(1, padding: 1000));

        Assert.Single(spool.ReadPending(100, 10).Records);
    }

    public void Dispose() => directory.Dispose();

    /// <summary>A spool with room for three records, one a segment, holding records 0, 1 and 2.</summary>
    private Spool FullOfThree()
    {
        var spool = Open(limitBytes: 3 * 1024, segmentBytes: 1024);
        for (var i = 0; i < 3; i++)
        {
            spool.Append(Record(i, padding: 900));
        }

        return spool;
    }

    private Spool Open(long limitBytes = 1024 * 1024, long? segmentBytes = null) =>
        Spool.Open(directory.Path, limitBytes, NullLogger.Instance, segmentBytes);

    private static byte[] Record(int i, int padding = 0) => Encoding.UTF8.GetBytes(i + new string(' ', padding));

    private static string[] Texts(SpoolBatch batch) => batch.Records.Select(r => Encoding.UTF8.GetString(r).Trim()).ToArray();
}
