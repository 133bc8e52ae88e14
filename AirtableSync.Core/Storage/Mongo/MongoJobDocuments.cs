using MongoDB.Bson;
using MongoDB.Driver;

namespace AirtableSync.Storage.Mongo;

// The jobs collection: one document per job with its failures in an array, so appends are atomic $pushes.
internal static class MongoJobDocuments
{
    private static UpdateDefinitionBuilder<BsonDocument> Update => Builders<BsonDocument>.Update;

    public static FilterDefinition<BsonDocument> ById(string jobId) => Builders<BsonDocument>.Filter.Eq("_id", jobId);

    public static BsonDocument Failure(JobFailure failure) => new()
    {
        ["item"] = failure.Item,
        ["message"] = failure.Message,
        ["at"] = MongoValues.Date(failure.At),
    };

    // Upserts the job's own fields and merges its failures with $addToSet: a save carrying a stale list
    // must not drop failures appended concurrently by PushFailure.
    public static UpdateDefinition<BsonDocument> Save(JobEntry job) => Update
        .Set("kind", job.Kind.ToString()).Set("status", job.Status.ToString())
        .Set("parametersJson", job.ParametersJson).Set("progress", MongoValues.Structured(job.Progress))
        .Set("createdAt", MongoValues.Date(job.CreatedAt)).Set("startedAt", MongoValues.Date(job.StartedAt))
        .Set("finishedAt", MongoValues.Date(job.FinishedAt)).Set("error", MongoValues.Text(job.Error))
        .Set("trigger", job.Trigger.ToString()).Set("requestedBy", MongoValues.Text(job.RequestedBy))
        .Set("tables", MongoValues.Structured(job.Tables)).Set("log", MongoValues.Structured(job.Log))
        .AddToSetEach("failures", job.Failures.Select(Failure));

    public static UpdateDefinition<BsonDocument> PushFailure(JobFailure failure) => Update.Push("failures", Failure(failure));

    public static FilterDefinition<BsonDocument> Unfinished { get; } =
        Builders<BsonDocument>.Filter.In("status", new[] { nameof(JobStatus.Queued), nameof(JobStatus.Running) });

    public static UpdateDefinition<BsonDocument> Interrupt(DateTimeOffset at) =>
        Update.Set("status", nameof(JobStatus.Interrupted)).Set("finishedAt", MongoValues.Date(at));

    public static JobEntry Read(BsonDocument d) => new()
    {
        Id = d["_id"].AsString,
        Kind = Enum.Parse<JobKind>(d["kind"].AsString),
        Status = Enum.Parse<JobStatus>(d["status"].AsString),
        ParametersJson = d["parametersJson"].AsString,
        Progress = MongoValues.FromStructured<JobProgress>(d["progress"]),
        CreatedAt = d.GetDate("createdAt"),
        StartedAt = d.GetNullableDate("startedAt"),
        FinishedAt = d.GetNullableDate("finishedAt"),
        Error = d.GetNullableString("error"),
        Failures = d.TryGetValue("failures", out var failures)
            ? failures.AsBsonArray.Select(f => f.AsBsonDocument).Select(f => new JobFailure(f["item"].AsString, f["message"].AsString, f.GetDate("at"))).ToList()
            : [],
        // Documents from before these fields existed: unknown trigger, no counts, no log.
        Trigger = d.GetNullableString("trigger") is { } trigger ? Enum.Parse<JobTrigger>(trigger) : JobTrigger.Unknown,
        RequestedBy = d.GetNullableString("requestedBy"),
        Tables = d.TryGetValue("tables", out var tables) && tables.IsBsonArray ? MongoValues.FromStructured<List<JobTableCounts>>(tables) : [],
        Log = d.TryGetValue("log", out var log) && log.IsBsonArray ? MongoValues.FromStructured<List<JobLogLine>>(log) : [],
    };
}
