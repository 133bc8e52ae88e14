using Microsoft.Data.Sqlite;

namespace AirtableSync.Storage.Sqlite;

public sealed partial class SqliteSyncStore
{
    private const string JobColumns = "id, kind, status, parameters_json, progress_json, created_at, started_at, finished_at, error, trigger, requested_by, tables_json, log_json";

    public Task SaveJobAsync(JobEntry job, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(job.Id, nameof(job));
        return WriteAsync(async db =>
        {
            await using var upsert = db.Command($"""
                INSERT INTO jobs ({JobColumns}) VALUES ($id, $kind, $status, $parameters, $progress, $created, $started, $finished, $error, $trigger, $requestedBy, $tables, $log)
                ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, status = excluded.status, parameters_json = excluded.parameters_json,
                    progress_json = excluded.progress_json, created_at = excluded.created_at, started_at = excluded.started_at,
                    finished_at = excluded.finished_at, error = excluded.error, trigger = excluded.trigger,
                    requested_by = excluded.requested_by, tables_json = excluded.tables_json, log_json = excluded.log_json
                """)
                .With("$id", job.Id).With("$kind", job.Kind.ToString()).With("$status", job.Status.ToString())
                .With("$parameters", job.ParametersJson).With("$progress", StorageJson.Serialize(job.Progress))
                .With("$created", StoredTime.ToMilliseconds(job.CreatedAt)).With("$started", StoredTime.ToMilliseconds(job.StartedAt))
                .With("$finished", StoredTime.ToMilliseconds(job.FinishedAt)).With("$error", job.Error)
                .With("$trigger", job.Trigger.ToString()).With("$requestedBy", job.RequestedBy)
                .With("$tables", StorageJson.Serialize(job.Tables)).With("$log", StorageJson.Serialize(job.Log));
            await upsert.ExecuteNonQueryAsync(cancellationToken);
            // Failures are merged, never replaced: a save carrying a stale list must not drop failures that
            // AddJobFailureAsync appended concurrently.
            await using var merge = db.Command("""
                INSERT INTO job_failures (job_id, item, message, at) SELECT $job, $item, $message, $at
                WHERE NOT EXISTS (SELECT 1 FROM job_failures WHERE job_id = $job AND item = $item AND message = $message AND at = $at)
                """);
            foreach (var failure in job.Failures)
            {
                merge.Parameters.Clear();
                merge.With("$job", job.Id).With("$item", failure.Item).With("$message", failure.Message).With("$at", StoredTime.ToMilliseconds(failure.At));
                await merge.ExecuteNonQueryAsync(cancellationToken);
            }
        }, cancellationToken);
    }

    public Task AddJobFailureAsync(string jobId, JobFailure failure, CancellationToken cancellationToken = default) =>
        WriteAsync(async db =>
        {
            await using var insert = db.Command("""
                INSERT INTO job_failures (job_id, item, message, at) SELECT id, $item, $message, $at FROM jobs WHERE id = $job
                """).With("$job", jobId).With("$item", failure.Item).With("$message", failure.Message).With("$at", StoredTime.ToMilliseconds(failure.At));
            if (await insert.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                throw new KeyNotFoundException($"Job {jobId} does not exist; its failure '{failure.Item}: {failure.Message}' was not recorded.");
            }
        }, cancellationToken);

    public Task<JobEntry?> GetJobAsync(string jobId, CancellationToken cancellationToken = default) =>
        ReadAsync(async db => (await QueryJobsAsync(db, "WHERE id = $id", c => c.With("$id", jobId), cancellationToken)).SingleOrDefault(), cancellationToken);

    public Task<IReadOnlyList<JobEntry>> ListJobsAsync(int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return ReadAsync<IReadOnlyList<JobEntry>>(
            db => QueryJobsAsync(db, "ORDER BY created_at DESC, id DESC LIMIT $limit", c => c.With("$limit", limit), cancellationToken),
            cancellationToken);
    }

    public Task<IReadOnlyList<string>> InterruptUnfinishedJobsAsync(DateTimeOffset at, CancellationToken cancellationToken = default) =>
        WriteAsync<IReadOnlyList<string>>(async db =>
        {
            await using var command = db.Command("""
                UPDATE jobs SET status = 'Interrupted', finished_at = $at WHERE status IN ('Queued', 'Running') RETURNING id
                """).With("$at", StoredTime.ToMilliseconds(at));
            return await ListAsync(command, r => r.GetString(0), cancellationToken);
        }, cancellationToken);

    private static async Task<IReadOnlyList<JobEntry>> QueryJobsAsync(SqliteConnection db, string clause, Func<SqliteCommand, SqliteCommand> bind, CancellationToken cancellationToken)
    {
        await using var transaction = db.BeginTransaction(deferred: true); // jobs and their failures from one snapshot
        await using var jobs = bind(db.Command($"SELECT {JobColumns} FROM jobs {clause}"));
        var rows = await ListAsync(jobs, r => (
            Id: r.GetString(0), Kind: Enum.Parse<JobKind>(r.GetString(1)), Status: Enum.Parse<JobStatus>(r.GetString(2)),
            Parameters: r.GetString(3), Progress: StorageJson.Deserialize<JobProgress>(r.GetString(4)),
            Created: r.GetTime(5), Started: r.GetNullableTime(6), Finished: r.GetNullableTime(7), Error: r.GetNullableString(8),
            Trigger: r.GetNullableString(9) is { } trigger ? Enum.Parse<JobTrigger>(trigger) : JobTrigger.Unknown, RequestedBy: r.GetNullableString(10),
            Tables: r.GetNullableString(11) is { } tables ? StorageJson.Deserialize<List<JobTableCounts>>(tables) : [],
            Log: r.GetNullableString(12) is { } log ? StorageJson.Deserialize<List<JobLogLine>>(log) : []), cancellationToken);
        await using var failures = db.Command("""
            SELECT job_id, item, message, at FROM job_failures WHERE job_id IN (SELECT value FROM json_each($ids)) ORDER BY seq
            """).With("$ids", StorageJson.Serialize(rows.Select(row => row.Id)));
        var byJob = (await ListAsync(failures, r => (Job: r.GetString(0), Failure: new JobFailure(r.GetString(1), r.GetString(2), r.GetTime(3))), cancellationToken))
            .ToLookup(f => f.Job, f => f.Failure, StringComparer.Ordinal);
        return rows.Select(row => new JobEntry
        {
            Id = row.Id,
            Kind = row.Kind,
            Status = row.Status,
            ParametersJson = row.Parameters,
            Progress = row.Progress,
            CreatedAt = row.Created,
            StartedAt = row.Started,
            FinishedAt = row.Finished,
            Error = row.Error,
            Failures = byJob[row.Id].ToList(),
            Trigger = row.Trigger,
            RequestedBy = row.RequestedBy,
            Tables = row.Tables,
            Log = row.Log,
        }).ToList();
    }
}
