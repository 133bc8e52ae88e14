namespace AirtableSync.Jobs;

/// <summary>
/// Marks an exception after which no further item of a job can succeed (revoked token, missing scope,
/// exhausted monthly quota — docs/airtable/public-api.md §4.3). <see cref="JobContext.RunItemAsync"/> rethrows
/// these instead of recording them per item, and the runner fails the job at once with <see cref="Exception.Message"/>,
/// so the message must be user-readable and must not contain secrets.
/// The Airtable client's authentication exceptions should implement this interface.
/// </summary>
public interface IFailFastException;
