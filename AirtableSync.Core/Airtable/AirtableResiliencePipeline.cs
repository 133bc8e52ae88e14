using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace AirtableSync.Airtable;

// The Airtable client's one pipeline, outermost first:
// 1. rate-limit retry — 429 RATE_LIMIT_REACHED, no delay of its own (the gate holds the paused base);
// 2. transient retry — 500/502/503/504, network errors, attempt time-outs; exponential + jitter, Retry-After wins;
// 3. the gate — per-base and per-token pacing, and the base pause on 429;
// 4. per-attempt timeout.
// Not the standard handler: its 30 s total timeout would cut every 30 s penalty short (STYLE.md habit 4).
// Billing 429s, 401/403/404/422 are not handled here; the client turns them into exceptions at once.
internal static class AirtableResiliencePipeline
{
    public const string Name = "airtable";

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<AirtableResilienceOptions>>().Value;
        var limiters = services.GetRequiredService<AirtableRateLimiters>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("AirtableSync.Airtable.Resilience");
        builder.TimeProvider = limiters.TimeProvider;

        if (options.MaxRateLimitRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                Name = "RateLimitRetry",
                MaxRetryAttempts = options.MaxRateLimitRetries,
                Delay = TimeSpan.Zero,
                BackoffType = DelayBackoffType.Constant,
                UseJitter = false,
                ShouldHandle = args => ValueTask.FromResult(IsRateLimited(args.Outcome, args.Context)),
            });
        }

        if (options.MaxTransientRetries > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                Name = "TransientRetry",
                MaxRetryAttempts = options.MaxTransientRetries,
                Delay = options.TransientRetryBaseDelay,
                MaxDelay = options.TransientRetryMaxDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldRetryAfterHeader = true,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
                OnRetry = args =>
                {
                    logger.LogWarning("Airtable call failed transiently ({Reason}); retry {Attempt} in {Delay}.",
                        args.Outcome.Result?.StatusCode.ToString() ?? args.Outcome.Exception?.GetType().Name, args.AttemptNumber + 1, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            });
        }

        builder.AddStrategy(_ => new AirtableRequestGate(limiters, options, logger), new AirtableRequestGateOptions());
        builder.AddTimeout(options.AttemptTimeout);
    }

    private static bool IsRateLimited(Outcome<HttpResponseMessage> outcome, ResilienceContext context) =>
        outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests
        && context.Properties.GetValue(AirtableRequestTags.LastErrorType, "") != AirtableBillingLimitException.ErrorTypeName;

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Result.StatusCode: HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout } => true,
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        _ => false,
    };
}

internal sealed class AirtableRequestGateOptions : ResilienceStrategyOptions
{
    public AirtableRequestGateOptions() => Name = "AirtableRequestGate";
}
