using System.Net;
using Microsoft.Extensions.Logging;
using Polly;

namespace AirtableSync.Airtable;

// The pipeline step every attempt passes right before it leaves: waits for the base's and token's slots
// (AirtableRateLimiters), and when Airtable still answers 429 RATE_LIMIT_REACHED, pauses the
// whole base for the penalty plus jitter (docs/airtable/public-api.md §4.1) — the retry above it then queues at this gate
// with everyone else instead of sleeping on its own.
internal sealed class AirtableRequestGate(AirtableRateLimiters limiters, AirtableResilienceOptions options, ILogger logger)
    : ResilienceStrategy<HttpResponseMessage>
{
    protected override async ValueTask<Outcome<HttpResponseMessage>> ExecuteCore<TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<HttpResponseMessage>>> callback, ResilienceContext context, TState state)
    {
        var request = context.GetRequestMessage();
        string? baseId = null;
        var tokenKey = "anonymous";
        if (request is not null)
        {
            request.Options.TryGetValue(AirtableRequestTags.BaseId, out baseId);
            if (request.Options.TryGetValue(AirtableRequestTags.RateLimitKey, out var key))
            {
                tokenKey = key;
            }
        }

        context.Properties.Set(AirtableRequestTags.LastErrorType, "");
        try
        {
            await limiters.AcquireAsync(baseId, tokenKey, context.CancellationToken);
        }
        catch (OperationCanceledException ex)
        {
            return Outcome.FromException<HttpResponseMessage>(ex);
        }

        var outcome = await callback(context, state);
        if (outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests } response)
        {
            var error = await AirtableError.ReadAsync(response, context.CancellationToken);
            var type = error.Type ?? AirtableError.RateLimitReached;
            context.Properties.Set(AirtableRequestTags.LastErrorType, type);
            if (type != AirtableBillingLimitException.ErrorTypeName)
            {
                var jitter = options.RateLimitPenaltyJitter * Random.Shared.NextDouble();
                var until = limiters.Pause(baseId, tokenKey, options.RateLimitPenalty + jitter);
                logger.LogWarning("Airtable rate limit reached ({ErrorType}) for base {BaseId}; pausing it until {Until:O}.", type, baseId ?? "(meta)", until);
            }
        }
        return outcome;
    }
}
