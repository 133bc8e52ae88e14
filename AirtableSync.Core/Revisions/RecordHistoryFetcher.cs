using AirtableSync.Storage;
using AirtableSync.WebSession;
using Microsoft.Extensions.Options;

namespace AirtableSync.Revisions;

// Fetches one record's history newest first, page by page, until the end (offsetV2 null), a repeated cursor,
// the page cap, or — incrementally — the first page holding an activity already stored.
public sealed class RecordHistoryFetcher(
    AirtableRevisionClient client,
    RevisionActivityNormalizer normalizer,
    IRevisionStore revisionStore,
    IRecordStore recordStore,
    TimeProvider time,
    IOptions<RevisionOptions> options)
{
    public async Task<HistoryFetchOutcome> FetchAsync(AirtableWebSession session, StoredRecord record, RevisionFieldRoles roles, RevisionSchema schema, CancellationToken cancellationToken)
    {
        var known = await revisionStore.GetKnownActivityIdsAsync(record.Id, cancellationToken);
        var context = new RevisionPageContext(record.BaseId, record.TableId, record.Id, roles, schema);
        string? cursor = null;
        var requests = 0;
        var stored = 0;
        var seenCursors = new HashSet<string>(StringComparer.Ordinal);
        while (requests < options.Value.MaxPagesPerRecord)
        {
            var json = await client.ReadPageAsync(session, record.BaseId, record.Id, cursor, cancellationToken);
            requests++;
            var page = normalizer.Normalize(json, context);
            stored += await revisionStore.UpsertRevisionEventsAsync(page.Events, cancellationToken);
            await revisionStore.UpsertRecordCommentsAsync(page.Comments, cancellationToken);

            var reachedKnown = page.Events.Any(e => known.Contains(e.ActivityId)) || page.SkippedActivityIds.Any(known.Contains);
            if (reachedKnown || page.NextOffsetV2 is not { Length: > 0 } next || !seenCursors.Add(next))
            {
                break;
            }
            cursor = next;
        }
        await recordStore.MarkRevisionsFetchedAsync(record.Id, time.GetUtcNow(), cancellationToken);
        return new HistoryFetchOutcome(requests, stored);
    }
}

// NewEvents: revision events stored that were not stored before.
public sealed record HistoryFetchOutcome(int Requests, int NewEvents);
