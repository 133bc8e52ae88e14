using System.ComponentModel.DataAnnotations;

namespace AirtableSync.Revisions;

/// <summary>
/// "Revisions": { "RequestsPerSecondPerBase": 4, "PageSize": 50, "ConcurrentRecords": 3, "MaxThrottleRetries": 5,
///                "MaxThrottleBackoff": "00:00:30", "RevalidateEveryRecords": 50, "MaxPagesPerRecord": 100,
///                "AttemptTimeout": "00:02:00" }
/// </summary>
public sealed class RevisionOptions
{
    public const string SectionName = "Revisions";

    /// <summary>
    /// The internal endpoint behaves like the public ~5 requests/s per base and answers bursts with 403
    /// (docs/airtable/revision-history.md §7 [L]); 4/s leaves headroom because the real limit is not documented.
    /// </summary>
    [Range(0.1, 100)]
    public double RequestsPerSecondPerBase { get; set; } = 4;

    /// <summary>The web client asks for 10; working implementations use up to 100 and no cap is known (§2.2 [U]).</summary>
    [Range(1, 100)]
    public int PageSize { get; set; } = 50;

    /// <summary>Records fetched at once per job; §7 recommends concurrency ≤ 3.</summary>
    [Range(1, 16)]
    public int ConcurrentRecords { get; set; } = 3;

    /// <summary>403/429/503 are throttling first (§7); after this many backoffs the session is re-validated.</summary>
    [Range(0, 20)]
    public int MaxThrottleRetries { get; set; } = 5;

    /// <summary>Backoff is min(this, 1 s·2ⁿ) plus up to 0.5 s jitter; the official penalty is ~30 s (§7).</summary>
    public TimeSpan MaxThrottleBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Long jobs re-check the cookies every this many records (§5.7: every 50 records).</summary>
    [Range(1, 100000)]
    public int RevalidateEveryRecords { get; set; } = 50;

    /// <summary>Loop guard besides the repeated-cursor check (§3.2: FWK caps at 100 pages).</summary>
    [Range(1, 10000)]
    public int MaxPagesPerRecord { get; set; } = 100;

    /// <summary>Bound on one attempt (pacing wait, request and body); backoffs between attempts are not counted.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromMinutes(2);
}
