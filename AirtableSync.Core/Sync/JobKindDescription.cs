using System.Text.Json;
using AirtableSync.Storage;

namespace AirtableSync.Sync;

/// <summary>What a job ran, as a stable machine name (for the REST API) and in words (for people).</summary>
/// <param name="Name">full, incremental, schemaOnly, recordsOnly or revisionsOnly; never renamed, since API clients match on it.</param>
/// <param name="WithRevisions">Whether a full or incremental sync also fetched revision history (always true for revisionsOnly).</param>
public sealed record JobKindDescription(string Name, string Label, bool WithRevisions)
{
    public static JobKindDescription Of(JobEntry job)
    {
        var revisions = IncludesRevisions(job.ParametersJson);
        return job.Kind switch
        {
            JobKind.FullSync => new("full", revisions ? "Full sync with revision history" : "Full sync", revisions),
            JobKind.IncrementalSync => new("incremental", revisions ? "Incremental sync with revision history" : "Incremental sync", revisions),
            JobKind.SchemaSync => new("schemaOnly", "Schema-only sync", false),
            JobKind.RecordSync => new("recordsOnly", "Records-only sync", false),
            JobKind.RevisionSync => new("revisionsOnly", "Revision history sync", true),
            _ => new(job.Kind.ToString(), job.Kind.ToString(), revisions),
        };
    }

    // The job's stored SyncRequest; a row whose parameters are not one (or not JSON) simply fetched no revisions.
    private static bool IncludesRevisions(string parametersJson)
    {
        try
        {
            using var parameters = JsonDocument.Parse(parametersJson);
            return parameters.RootElement.ValueKind == JsonValueKind.Object
                && parameters.RootElement.TryGetProperty("includeRevisions", out var value)
                && value.ValueKind == JsonValueKind.True;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
