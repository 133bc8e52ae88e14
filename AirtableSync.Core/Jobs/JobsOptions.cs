using System.ComponentModel.DataAnnotations;

namespace AirtableSync.Jobs;

public sealed class JobsOptions
{
    public const string SectionName = "Jobs";

    /// <summary>Jobs waiting to run; when full, <see cref="JobQueue.EnqueueAsync"/> waits instead of piling up work.</summary>
    [Range(1, 10_000)]
    public int QueueCapacity { get; set; } = 100;

    /// <summary>
    /// Airtable allows 5 requests/s per base and 50 per token (docs/airtable/public-api.md §4.1), so a few
    /// concurrent jobs already saturate one connection; more would only queue inside the rate limiter.
    /// </summary>
    [Range(1, 32)]
    public int MaxConcurrentJobs { get; set; } = 2;

    /// <summary>Progress is pushed to subscribers on every report but written to the store at most this often.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ProgressPersistInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Records/s and the ETA are measured over this sliding window, so a slow page does not swing the estimate.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ProgressRateWindow { get; set; } = TimeSpan.FromSeconds(30);
}
