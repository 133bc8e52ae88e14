using AirtableSync.Storage;

namespace AirtableSync.Web.Components.Pages.Jobs;

// The same words on the Jobs page and the dashboard.
public static class JobKindLabel
{
    public static string Of(JobKind kind) => kind switch
    {
        JobKind.FullSync => "Full sync",
        JobKind.IncrementalSync => "Incremental sync",
        JobKind.RecordSync => "Record sync",
        JobKind.SchemaSync => "Schema sync",
        JobKind.RevisionSync => "Revision history sync",
        _ => kind.ToString(),
    };
}
