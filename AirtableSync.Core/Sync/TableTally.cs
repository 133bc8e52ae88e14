using System.Globalization;
using AirtableSync.Jobs;
using AirtableSync.Storage;

namespace AirtableSync.Sync;

// One table's counts within a sync job: every write adds to the job's counts, and the table's log line sums them.
internal sealed class TableTally(JobContext job, StoredBase @base, StoredTable table)
{
    private long _seen;
    private long _added;
    private long _changed;

    public void Count(UpsertOutcome outcome)
    {
        Interlocked.Add(ref _seen, outcome.Total);
        Interlocked.Add(ref _added, outcome.Inserted);
        Interlocked.Add(ref _changed, outcome.Updated);
        job.CountTable(Counts(outcome.Total, outcome.Inserted, outcome.Updated, 0));
    }

    public JobTableCounts Deleted(int count) => Counts(0, 0, 0, count);

    // deleted: null after an incremental scan, which cannot know of deletions (docs/airtable/public-api.md §3.6 item 3).
    public string Describe(int? deleted) => deleted is { } count
        ? string.Format(CultureInfo.InvariantCulture, "{0}: {1:N0} records seen, {2:N0} added, {3:N0} changed, {4:N0} deleted",
            table.Name, Interlocked.Read(ref _seen), Interlocked.Read(ref _added), Interlocked.Read(ref _changed), count)
        : string.Format(CultureInfo.InvariantCulture, "{0}: {1:N0} records seen since the last sync, {2:N0} added, {3:N0} changed (deletions show after a full sync)",
            table.Name, Interlocked.Read(ref _seen), Interlocked.Read(ref _added), Interlocked.Read(ref _changed));

    private JobTableCounts Counts(long seen, long added, long changed, long deleted) =>
        new(@base.Id, @base.Name, table.Id, table.Name, seen, added, changed, deleted, RevisionEvents: 0);
}
