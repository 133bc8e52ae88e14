namespace AirtableSync.Jobs;

// What a running job did so far, per table and step, shared by its concurrent table scans. The log is capped so
// that a job with thousands of failing items still saves a small row; the counts are exact whatever their number.
internal sealed class JobReport(JobEntry initial)
{
    public const int MaxLogLines = 500;

    private readonly Lock _lock = new();
    private readonly List<JobTableCounts> _tables = [.. initial.Tables];
    private readonly List<JobLogLine> _log = [.. initial.Log];
    private int _linesDropped;

    public void Count(JobTableCounts delta)
    {
        lock (_lock)
        {
            var index = _tables.FindIndex(t => t.BaseId == delta.BaseId && t.TableId == delta.TableId);
            if (index < 0)
            {
                _tables.Add(delta);
                return;
            }
            var known = _tables[index];
            _tables[index] = known with
            {
                BaseName = delta.BaseName ?? known.BaseName,
                TableName = delta.TableName,
                Seen = known.Seen + delta.Seen,
                Added = known.Added + delta.Added,
                Changed = known.Changed + delta.Changed,
                Deleted = known.Deleted + delta.Deleted,
                RevisionEvents = known.RevisionEvents + delta.RevisionEvents,
            };
        }
    }

    public void Log(JobLogLine line)
    {
        lock (_lock)
        {
            if (_log.Count < MaxLogLines - 1)
            {
                _log.Add(line);
            }
            else
            {
                _linesDropped++;
            }
        }
    }

    public JobEntry ApplyTo(JobEntry job)
    {
        lock (_lock)
        {
            List<JobLogLine> log = [.. _log];
            if (_linesDropped > 0)
            {
                log.Add(new JobLogLine(log[^1].At, $"… and {_linesDropped:N0} more steps, not kept (see the failures for every failed item)"));
            }
            return job with { Tables = [.. _tables], Log = log };
        }
    }
}
