using Microsoft.AspNetCore.Http;

namespace AirtableSync.Sandbox.PublicApi;

// Unknown parameters are 422, not ignored, so a client's typo (or an offset in the query of a POST listRecords,
// docs/airtable/public-api.md §3.2) fails loudly here instead of looping forever against Airtable.
internal static class QueryParameters
{
    public static void AllowOnly(IQueryCollection query, params string[] allowed)
    {
        foreach (var key in query.Keys)
        {
            if (!allowed.Contains(key, StringComparer.Ordinal))
            {
                throw PublicApiError.InvalidRequest($"Invalid request: parameter validation failed. Unknown parameter \"{key}\".");
            }
        }
    }

    public static string? Single(IQueryCollection query, string key)
    {
        var values = query[key];
        return values.Count switch
        {
            0 => null,
            1 => values[0],
            _ => throw PublicApiError.InvalidRequest($"Invalid request: parameter \"{key}\" was given more than once."),
        };
    }

    public static bool Boolean(string? value, string key) => value switch
    {
        null or "false" or "0" => false,
        "true" or "1" => true,
        _ => throw PublicApiError.InvalidRequest($"Invalid request: parameter \"{key}\" must be true or false."),
    };
}
