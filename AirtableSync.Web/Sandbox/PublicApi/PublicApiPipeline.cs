using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace AirtableSync.Sandbox.PublicApi;

// Every /v0 request gets the checks Airtable applies, then its handler; the outcome is logged.
internal static class PublicApiPipeline
{
    private const string AirtableOrigin = "https://api.airtable.com";

    public static async Task HandleAsync(HttpContext context)
    {
        var state = context.RequestServices.GetRequiredService<FakeAirtableState>();
        var cancellationToken = context.RequestAborted;
        var arrival = FakeArrival.Of(context, state.TimeProvider);
        var path = context.Request.Path.Value ?? "/";
        var segments = path["/v0/".Length..].Split('/');
        var route = PublicApiRoute.Match(context.Request.Method, segments);
        var info = new FakeRequestInfo(context.Request.Method, path, route?.BaseId ?? PublicApiRoute.GuessBaseId(segments));
        FakeAccessToken? token = null;
        string? errorType = null;
        var logged = false;
        // Logged when the response starts, before the client can see it: a test that asserts on the log right
        // after its call returns must find the entry. The finally covers requests whose response never starts.
        void Log()
        {
            if (logged)
            {
                return;
            }
            logged = true;
            state.RequestLog.Add(new FakeRequestLogEntry(
                arrival,
                context.Request.Method,
                path,
                info.BaseId,
                token?.UserId,
                token is null ? null : FakeRequestLog.TokenIdOf(token.Token),
                context.Response.StatusCode,
                errorType));
        }
        context.Response.OnStarting(() =>
        {
            Log();
            return Task.CompletedTask;
        });
        try
        {
            if (state.Faults.TryTake(info) is { } fault)
            {
                errorType = FaultResponses.TypeOf(fault);
                await FaultResponses.WriteAsync(context, fault, cancellationToken);
                return;
            }
            CheckUrlLength(context, state.Options);
            if (route is null)
            {
                throw PublicApiError.NotFoundBare();
            }
            token = BearerAuthentication.Authenticate(context.Request, state.Tokens);
            var userKey = token.Kind == FakeTokenKind.OAuthAccess && !state.Options.PerTokenLimitAppliesToOAuth ? null : token.UserId;
            if (state.RateLimiter.TryAdmit(route.BaseId, userKey, arrival) is not null)
            {
                throw PublicApiError.RateLimited();
            }
            if (!route.IsMeta && state.BillingLimitExceeded)
            {
                throw PublicApiError.BillingLimit();
            }
            if (route.RequiredScope is { } scope && !token.Scopes.Contains(scope))
            {
                throw PublicApiError.NoPermission();
            }
            if (route.BaseId is { } baseId && !state.Workspace.CanAccess(token.Token, baseId))
            {
                throw PublicApiError.NoPermission();
            }
            await DispatchAsync(context, state, route, token, cancellationToken);
        }
        catch (PublicApiError error)
        {
            errorType = error.Type;
            await PublicApiResponses.WriteErrorAsync(context, error, cancellationToken);
        }
        catch (ArgumentException) when (!context.Response.HasStarted)
        {
            // A test removed the table or base between the handler's lookups: answer as for a vanished model.
            errorType = "NOT_FOUND";
            await PublicApiResponses.WriteErrorAsync(context, PublicApiError.NotFoundBare(), cancellationToken);
        }
        finally
        {
            Log();
        }
    }

    private static Task DispatchAsync(HttpContext context, FakeAirtableState state, PublicApiRoute route, FakeAccessToken token, CancellationToken cancellationToken) =>
        route.Kind switch
        {
            PublicApiRouteKind.WhoAmI => MetaHandlers.WhoAmIAsync(context, state, token, cancellationToken),
            PublicApiRouteKind.ListBases => MetaHandlers.ListBasesAsync(context, state, token, cancellationToken),
            PublicApiRouteKind.BaseSchema => MetaHandlers.BaseSchemaAsync(context, state, route, cancellationToken),
            PublicApiRouteKind.GetRecord => RecordHandlers.GetRecordAsync(context, state, route, cancellationToken),
            _ => RecordHandlers.ListRecordsAsync(context, state, route, cancellationToken),
        };

    // Airtable rejects URLs over 16,000 characters (docs/airtable/public-api.md §3.2, API team notice), counted as Airtable sees
    // them: https://api.airtable.com + raw path and query, not the loopback host. The notice says only "rejected", so 414
    // INVALID_REQUEST_URL_TOO_LONG is the fake's choice; clients should switch to POST listRecords before it.
    private static void CheckUrlLength(HttpContext context, FakeAirtableOptions options)
    {
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget
            ?? context.Request.Path.Value + context.Request.QueryString.Value;
        var length = AirtableOrigin.Length + rawTarget.Length;
        if (length > options.MaxUrlLength)
        {
            throw new PublicApiError(414, "INVALID_REQUEST_URL_TOO_LONG", $"The URL is {length} characters; the limit is {options.MaxUrlLength}.");
        }
    }
}
