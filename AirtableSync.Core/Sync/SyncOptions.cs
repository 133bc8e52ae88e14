using System.ComponentModel.DataAnnotations;

namespace AirtableSync.Sync;

/// <summary>
/// "Sync": { "StreamsPerBase": 4, "MaxSlicesPerTable": 8, "ParallelBases": 3,
///           "IncrementalOverlap": "00:05:00", "FullReconciliationInterval": "1.00:00:00",
///           "WriteBatchRecords": 1000, "WriteBatchMaxDelay": "00:00:02" }
/// </summary>
public sealed class SyncOptions
{
    public const string SectionName = "Sync";

    /// <summary>
    /// Concurrent record scans per base. Paging is sequential within a scan, so one scan is bound by latency
    /// (≈3 pages/s at 300 ms); a few streams keep the base's 5 requests/s busy. The per-base limiter, not this
    /// number, guarantees the rate limit.
    /// </summary>
    [Range(1, 32)]
    public int StreamsPerBase { get; set; } = 4;

    /// <summary>Upper bound of disjoint slices one large table is split into when it would otherwise leave streams idle.</summary>
    [Range(1, 62)]
    public int MaxSlicesPerTable { get; set; } = 8;

    /// <summary>Bases synced at once; they share the per-token limit (docs/airtable/public-api.md §4.1).</summary>
    [Range(1, 64)]
    public int ParallelBases { get; set; } = 3;

    /// <summary>
    /// Incremental syncs ask for records modified after the previous sync's start minus this overlap, because
    /// LAST_MODIFIED_TIME() comparisons are reported unreliable at the edges (docs/airtable/public-api.md §3.6: clock skew, precision).
    /// </summary>
    public TimeSpan IncrementalOverlap { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Incremental mode cannot see deletions (docs/airtable/public-api.md §3.6 item 3); a table whose last complete full scan is
    /// older than this is scanned fully instead, which also tombstones deleted records.
    /// </summary>
    public TimeSpan FullReconciliationInterval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// Records a scan gathers (Airtable sends 100 per page) before one store write. SQLite commits dominate
    /// at 100 records a transaction; at 1,000 the storage benchmark's first pass ran well over twice as fast.
    /// </summary>
    [Range(100, 10_000)]
    public int WriteBatchRecords { get; set; } = 1000;

    /// <summary>Longest a fetched page waits for its batch: keeps progress live and bounds what a crash re-fetches.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan WriteBatchMaxDelay { get; set; } = TimeSpan.FromSeconds(2);
}
