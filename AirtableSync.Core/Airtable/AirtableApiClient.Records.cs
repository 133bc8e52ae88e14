using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;

namespace AirtableSync.Airtable;

public sealed partial class AirtableApiClient
{
    // Scans a table page by page (≤100 records each, docs/airtable/public-api.md §3.1–3.3), switching to POST listRecords when
    // the GET URL would pass 16,000 characters. When Airtable drops the scan's iterator (422
    // LIST_RECORDS_ITERATOR_NOT_AVAILABLE, e.g. after sitting out a 30 s penalty) the scan restarts from page 1,
    // up to AirtableResilienceOptions.MaxIteratorRestarts times, and records already yielded are
    // skipped: every record id is yielded at most once per call. A record edited between its first sighting and
    // the restart keeps its first-seen cells until the next scan.
    public async IAsyncEnumerable<AirtableRecordPage> ListRecordsAsync(
        string baseId,
        string tableId,
        ListRecordsRequest? request = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        request ??= new ListRecordsRequest();
        var query = new ListRecordsQuery(baseId, tableId, request);
        var usePost = query.NeedsPost(httpClient.BaseAddress ?? throw new InvalidOperationException("The Airtable HttpClient has no BaseAddress."));
        var yielded = new HashSet<string>(StringComparer.Ordinal);
        var restarts = 0;
        var pageIndex = 0;
        string? offset = null;
        while (true)
        {
            (IReadOnlyList<RecordData> Records, string? Offset) page;
            try
            {
                page = await SendAsync(query.Page(offset, usePost), AirtableJsonReader.ReadRecordsPage, cancellationToken);
            }
            catch (AirtableApiException ex) when (ex.ErrorType == AirtableError.IteratorNotAvailable
                                                  && offset is not null
                                                  && restarts < options.Value.MaxIteratorRestarts)
            {
                restarts++;
                offset = null;
                logger.LogWarning("Airtable dropped the record iterator of {BaseId}/{TableId}; restarting the scan ({Restart}/{Max}), skipping {Count} records already read.",
                    baseId, tableId, restarts, options.Value.MaxIteratorRestarts, yielded.Count);
                continue;
            }

            List<RecordData> fresh = [.. page.Records.Where(r => yielded.Add(r.Id))];
            if (request.MaxRecords is { } max && yielded.Count > max)
            {
                fresh.RemoveRange(fresh.Count - (yielded.Count - max), yielded.Count - max);
            }
            yield return new AirtableRecordPage(fresh, pageIndex++, restarts);
            if (page.Offset is null || (request.MaxRecords is { } cap && yielded.Count >= cap))
            {
                yield break;
            }
            offset = page.Offset;
        }
    }

    // One record (docs/airtable/public-api.md §3.4). A deleted or unknown record fails with 404 NOT_FOUND.
    public Task<RecordData> GetRecordAsync(string baseId, string tableId, string recordId, CancellationToken cancellationToken = default) =>
        SendAsync(
            AirtableCall.Get(
                $"v0/{AirtableCall.Segment(baseId, nameof(baseId))}/{AirtableCall.Segment(tableId, nameof(tableId))}/{AirtableCall.Segment(recordId, nameof(recordId))}",
                baseId,
                "?returnFieldsByFieldId=true"),
            AirtableJsonReader.ReadRecord,
            cancellationToken);
}
