using MongoDB.Bson;
using MongoDB.Driver;

namespace AirtableSync.Storage.Mongo;

public sealed partial class MongoSyncStore
{
    private IMongoCollection<BsonDocument> Jobs => Collection(MongoCollections.Jobs);

    public Task SaveJobAsync(JobEntry job, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(job.Id, nameof(job));
        return Jobs.UpdateOneAsync(MongoJobDocuments.ById(job.Id), MongoJobDocuments.Save(job), new UpdateOptions { IsUpsert = true }, cancellationToken);
    }

    public async Task AddJobFailureAsync(string jobId, JobFailure failure, CancellationToken cancellationToken = default)
    {
        var result = await Jobs.UpdateOneAsync(MongoJobDocuments.ById(jobId), MongoJobDocuments.PushFailure(failure), cancellationToken: cancellationToken);
        if (result.MatchedCount == 0)
        {
            throw new KeyNotFoundException($"Job {jobId} does not exist; its failure '{failure.Item}: {failure.Message}' was not recorded.");
        }
    }

    public async Task<JobEntry?> GetJobAsync(string jobId, CancellationToken cancellationToken = default)
    {
        var document = await Jobs.Find(MongoJobDocuments.ById(jobId)).FirstOrDefaultAsync(cancellationToken);
        return document is null ? null : MongoJobDocuments.Read(document);
    }

    public async Task<IReadOnlyList<JobEntry>> ListJobsAsync(int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var documents = await Jobs.Find(Filter.Empty).Sort(Builders<BsonDocument>.Sort.Descending("createdAt").Descending("_id"))
            .Limit(limit).ToListAsync(cancellationToken);
        return documents.Select(MongoJobDocuments.Read).ToList();
    }

    public async Task<IReadOnlyList<string>> InterruptUnfinishedJobsAsync(DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var ids = await Jobs.Find(MongoJobDocuments.Unfinished).Project(Builders<BsonDocument>.Projection.Include("_id")).ToListAsync(cancellationToken);
        var jobIds = ids.Select(d => d["_id"].AsString).ToList();
        if (jobIds.Count > 0)
        {
            await Jobs.UpdateManyAsync(Filter.In("_id", jobIds) & MongoJobDocuments.Unfinished, MongoJobDocuments.Interrupt(at), cancellationToken: cancellationToken);
        }
        return jobIds;
    }
}
