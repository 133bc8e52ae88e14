using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace AirtableSync.Revisions;

// The revision client's one pipeline, outermost first:
// 1. throttle retry — 403/429/503 (docs/airtable/revision-history.md §7: bursts get 403, not only 429), on the same cookies;
// min(cap, 1 s·2ⁿ) + ≤0.5 s jitter, Retry-After wins when given;
// 2. per-attempt timeout, the pacing wait and the body read included;
// 3. per-base pacing (RevisionRateLimiter) and buffering of the body, so the retry can read it.
// Every wait runs on the injected TimeProvider. Expired sessions, permission 403s and other errors
// are not retried; AirtableRevisionClient turns them into exceptions.
internal static class RevisionResiliencePipeline
{
    public const string Name = "airtable-revisions";

    // The base a request is paced under; the client sets it on every request.
    public static readonly HttpRequestOptionsKey<string> BaseId = new("AirtableSync.Revisions.BaseId");

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<RevisionOptions>>().Value;
        var limiter = services.GetRequiredService<RevisionRateLimiter>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger<AirtableRevisionClient>();
        builder.TimeProvider = services.GetRequiredService<TimeProvider>();

        if (options.MaxThrottleRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                Name = "ThrottleRetry",
                MaxRetryAttempts = options.MaxThrottleRetries,
                ShouldHandle = args => args.Outcome.Result is { } response ? IsThrottledAsync(response, args.Context.CancellationToken) : ValueTask.FromResult(false),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(
                    Backoff(args.AttemptNumber, args.Outcome.Result?.Headers.RetryAfter?.Delta, options.MaxThrottleBackoff)),
                OnRetry = args =>
                {
                    var request = args.Context.GetRequestMessage();
                    var baseId = request is not null && request.Options.TryGetValue(BaseId, out var id) ? id : "(unknown)";
                    logger.LogInformation("Revision endpoint throttled {Status} for base {BaseId}; backing off {Delay}",
                        (int?)args.Outcome.Result?.StatusCode, baseId, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            });
        }

        builder.AddTimeout(options.AttemptTimeout);
        builder.AddStrategy(_ => new RevisionRequestPacing(limiter), new RevisionRequestPacingOptions());
    }

    private static async ValueTask<bool> IsThrottledAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable))
        {
            return false;
        }

        // Only a 403's body matters: INVALID_PERMISSIONS there is a permission error, not throttling (§7).
        var body = response.StatusCode == HttpStatusCode.Forbidden ? (await RevisionResponseBody.ReadAsync(response, cancellationToken)).Text : "";
        return RevisionResponseClassifier.Classify(response, body) == RevisionResponseKind.Throttled;
    }

    // min(cap, 1 s·2ⁿ) + ≤0.5 s jitter, as docs/airtable/revision-history.md §7 reports working; Retry-After wins when given.
    internal static TimeSpan Backoff(int attempt, TimeSpan? retryAfter, TimeSpan cap) => retryAfter ?? TimeSpan.FromMilliseconds(
        Math.Min(cap.TotalMilliseconds, 1000 * Math.Pow(2, attempt)) + RandomNumberGenerator.GetInt32(0, 500));
}

internal sealed class RevisionRequestPacingOptions : ResilienceStrategyOptions
{
    public RevisionRequestPacingOptions() => Name = "RevisionRequestPacing";
}

// Every attempt, retries included, waits for its base's slot; the answer's body is buffered for the retry's check and the client.
internal sealed class RevisionRequestPacing(RevisionRateLimiter limiter) : ResilienceStrategy<HttpResponseMessage>
{
    protected override async ValueTask<Outcome<HttpResponseMessage>> ExecuteCore<TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<HttpResponseMessage>>> callback, ResilienceContext context, TState state)
    {
        var request = context.GetRequestMessage();
        var baseId = request is not null && request.Options.TryGetValue(RevisionResiliencePipeline.BaseId, out var id) ? id : "";
        try
        {
            await limiter.AcquireAsync(baseId, context.CancellationToken);
        }
        catch (OperationCanceledException ex)
        {
            return Outcome.FromException<HttpResponseMessage>(ex);
        }

        var outcome = await callback(context, state);
        if (outcome.Result is { } response)
        {
            try
            {
                await response.Content.LoadIntoBufferAsync(context.CancellationToken);
            }
            catch (Exception ex) when (ex is OperationCanceledException or HttpRequestException or IOException)
            {
                response.Dispose();
                return Outcome.FromException<HttpResponseMessage>(ex);
            }
        }

        return outcome;
    }
}
