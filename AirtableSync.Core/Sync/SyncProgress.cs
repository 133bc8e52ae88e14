namespace AirtableSync.Sync;

// Thread-safe running totals of one sync job, shared by the concurrent table scans.
public sealed class SyncProgress
{
    private long _records;
    private long _expectedRecords;

    public long Records => Interlocked.Read(ref _records);

    // Records expected from the local copy's counts; 0 when unknown (first sync).
    public long ExpectedRecords => Interlocked.Read(ref _expectedRecords);

    public string? CurrentTable { get; set; }

    public void AddRecords(int count) => Interlocked.Add(ref _records, count);

    public void Expect(long count) => Interlocked.Add(ref _expectedRecords, count);

    // A total for the progress bar, never below what was already done; null while unknown.
    public long? Total => ExpectedRecords > 0 ? Math.Max(ExpectedRecords, Records) : null;
}
