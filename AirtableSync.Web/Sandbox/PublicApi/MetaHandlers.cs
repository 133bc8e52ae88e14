using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace AirtableSync.Sandbox.PublicApi;

// /v0/meta/whoami, /v0/meta/bases and /v0/meta/bases/{baseId}/tables (docs/airtable/public-api.md §1.5, §2.1, §2.2).
internal static class MetaHandlers
{
    // Offsets look like Airtable's (itr…/app…) but only name the next base; they do not expire.
    private const string BaseListCursor = "itrBaseListCursor";

    public static Task WhoAmIAsync(HttpContext context, FakeAirtableState state, FakeAccessToken token, CancellationToken cancellationToken)
    {
        QueryParameters.AllowOnly(context.Request.Query);
        var user = state.Users.FindById(token.UserId);
        return PublicApiResponses.WriteJsonAsync(context, 200, w =>
        {
            w.WriteStartObject();
            w.WriteString("id", token.UserId);
            if (token.Scopes.Contains("user.email:read") && user is not null)
            {
                w.WriteString("email", user.Email);
            }
            if (token.Kind == FakeTokenKind.OAuthAccess)
            {
                w.WriteStartArray("scopes");
                foreach (var scope in token.Scopes)
                {
                    w.WriteStringValue(scope);
                }
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }, cancellationToken);
    }

    public static Task ListBasesAsync(HttpContext context, FakeAirtableState state, FakeAccessToken token, CancellationToken cancellationToken)
    {
        QueryParameters.AllowOnly(context.Request.Query, "offset");
        var bases = state.Workspace.GetBases().Where(b => state.Workspace.CanAccess(token.Token, b.Id)).ToList();
        var start = 0;
        if (QueryParameters.Single(context.Request.Query, "offset") is { } offset)
        {
            var next = offset.Split('/') is [BaseListCursor, var baseId] ? bases.FindIndex(b => b.Id == baseId) : -1;
            start = next >= 0 ? next : throw new PublicApiError(422, "INVALID_OFFSET_VALUE", "The offset is invalid.");
        }
        var page = bases.Skip(start).Take(state.Options.BaseListPageSize).ToList();
        var nextIndex = start + page.Count;
        return PublicApiResponses.WriteJsonAsync(context, 200, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("bases");
            foreach (var b in page)
            {
                w.WriteStartObject();
                w.WriteString("id", b.Id);
                w.WriteString("name", b.Name);
                w.WriteString("permissionLevel", b.PermissionLevel);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            if (nextIndex < bases.Count)
            {
                w.WriteString("offset", BaseListCursor + "/" + bases[nextIndex].Id);
            }
            w.WriteEndObject();
        }, cancellationToken);
    }

    public static Task BaseSchemaAsync(HttpContext context, FakeAirtableState state, PublicApiRoute route, CancellationToken cancellationToken)
    {
        QueryParameters.AllowOnly(context.Request.Query, "include[]");
        var include = context.Request.Query["include[]"];
        if (include.Any(i => i != "visibleFieldIds"))
        {
            throw PublicApiError.InvalidRequest("Invalid request: include[] accepts only visibleFieldIds.");
        }
        var tables = state.Workspace.GetTables(route.BaseId ?? "");
        return PublicApiResponses.WriteJsonAsync(context, 200, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("tables");
            foreach (var table in tables)
            {
                SchemaJsonWriter.WriteTable(w, table, includeVisibleFieldIds: include.Count > 0);
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }, cancellationToken);
    }
}
