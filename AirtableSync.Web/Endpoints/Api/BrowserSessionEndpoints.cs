using AirtableSync.WebSession;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AirtableSync.Web.Endpoints.Api;

// REST for the browser login wizard: start a login, answer its MFA / e-mail code, read the session state.
// API keys only: any key reads the state, starting a login or answering a code needs an admin-scope key. The Connect
// page's wizard is the same flow for signed-in admins.
public static class BrowserSessionEndpoints
{
    public static IEndpointRouteBuilder MapBrowserSessions(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/browser-sessions").WithTags("Browser sessions")
            .RequireAuthorization(Api.RestApiExtensions.PolicyName);
        group.MapPost("", StartAsync);
        group.MapGet("/current", GetCurrentAsync);
        group.MapGet("/{id}", GetLogin);
        group.MapPost("/{id}/mfa", SubmitCodeAsync);
        group.MapGet("/{id}/screen", GetScreenAsync);
        group.MapPost("/{id}/pointer", SendPointerAsync);
        group.MapDelete("/{id}", CancelAsync);
        return app;
    }

    internal sealed record StartLoginRequest(string? Email, string? Password);

    internal sealed record SubmitCodeRequest(string? Code);

    /// <param name="Type">"move", "down" or "up".</param>
    /// <param name="X">Page coordinates (CSS pixels), as given by the screen's X-Page-Width/X-Page-Height.</param>
    internal sealed record PointerRequest(string? Type, double? X, double? Y);

    /// <param name="HandedOver">A challenge waits for a person: GET …/screen shows it, POST …/pointer presses on it.</param>
    internal sealed record BrowserLoginResponse(string Id, string State, string? Message, string? UserId, bool HandedOver);

    internal sealed record CurrentSessionResponse(string State, string? UserId, DateTimeOffset? ValidatedAt);

    // Answers once the login needs a person (MFA, e-mail code, challenge) or has finished.
    private static async Task<Results<Ok<BrowserLoginResponse>, ValidationProblem, ProblemHttpResult>> StartAsync(
        StartLoginRequest request, BrowserLoginCoordinator logins, CancellationToken cancellationToken)
    {
        var problems = LoginInputRules.Problems(request.Email, request.Password);
        if (problems.Count > 0 || request.Email is null || request.Password is null)
        {
            return TypedResults.ValidationProblem(problems.ToDictionary(p => p.Key, p => new[] { p.Value }));
        }
        try
        {
            return TypedResults.Ok(ToResponse(await logins.StartAsync(request.Email, request.Password, cancellationToken)));
        }
        catch (BrowserLoginInProgressException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status409Conflict, title: "A login is already running");
        }
    }

    private static async Task<Results<Ok<BrowserLoginResponse>, ValidationProblem, NotFound, ProblemHttpResult>> SubmitCodeAsync(
        string id, SubmitCodeRequest request, BrowserLoginCoordinator logins, CancellationToken cancellationToken)
    {
        if (LoginInputRules.NormalizeCode(request.Code) is not { } code)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["code"] = [LoginInputRules.CodeProblem] });
        }
        if (logins.Find(id) is null)
        {
            return TypedResults.NotFound();
        }
        try
        {
            return TypedResults.Ok(ToResponse(await logins.SubmitCodeAsync(id, code, cancellationToken)));
        }
        catch (InvalidOperationException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status409Conflict, title: "The login is not waiting for a code");
        }
    }

    // The wizard's picture, for API clients; only while a challenge is handed over.
    private static async Task<Results<FileContentHttpResult, NotFound, ProblemHttpResult>> GetScreenAsync(
        string id, BrowserLoginCoordinator logins, HttpResponse response, CancellationToken cancellationToken)
    {
        if (logins.Find(id) is null)
        {
            return TypedResults.NotFound();
        }
        try
        {
            var screen = await logins.CaptureScreenAsync(id, cancellationToken);
            response.Headers.CacheControl = "no-store";
            response.Headers["X-Page-Width"] = screen.Width.ToString(System.Globalization.CultureInfo.InvariantCulture);
            response.Headers["X-Page-Height"] = screen.Height.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.File(screen.Image, screen.ContentType);
        }
        catch (InvalidOperationException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status409Conflict, title: "No challenge is handed over");
        }
    }

    private static async Task<Results<NoContent, ValidationProblem, NotFound, ProblemHttpResult>> SendPointerAsync(
        string id, PointerRequest request, BrowserLoginCoordinator logins, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Enum.TryParse<BrowserPointerAction>(request.Type, ignoreCase: true, out var action) || !Enum.IsDefined(action) || int.TryParse(request.Type, out _))
        {
            errors["type"] = ["The type is move, down or up."];
        }
        if (request.X is not (>= 0) || request.Y is not (>= 0))
        {
            errors["x"] = ["x and y are page coordinates, 0 or more."];
        }
        if (errors.Count > 0 || request.X is not { } x || request.Y is not { } y)
        {
            return TypedResults.ValidationProblem(errors);
        }
        if (logins.Find(id) is null)
        {
            return TypedResults.NotFound();
        }
        try
        {
            await logins.SendPointerAsync(id, new BrowserPointerInput(action, x, y), cancellationToken);
            return TypedResults.NoContent();
        }
        catch (ArgumentOutOfRangeException)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["x"] = ["The point is outside the page."] });
        }
        catch (InvalidOperationException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status409Conflict, title: "No challenge is handed over");
        }
    }

    private static Results<Ok<BrowserLoginResponse>, NotFound> GetLogin(string id, BrowserLoginCoordinator logins) =>
        logins.GetStatus(id) is { } status ? TypedResults.Ok(ToResponse(status)) : TypedResults.NotFound();

    private static async Task<Results<NoContent, NotFound>> CancelAsync(string id, BrowserLoginCoordinator logins) =>
        await logins.CancelAsync(id) ? TypedResults.NoContent() : TypedResults.NotFound();

    // Probes Airtable live (docs/airtable/revision-history.md §5.7); when Airtable cannot be reached, answers the last known state.
    private static async Task<Ok<CurrentSessionResponse>> GetCurrentAsync(WebSessionValidator validator, CancellationToken cancellationToken)
    {
        WebSessionCheck check;
        try
        {
            check = await validator.ValidateAsync(cancellationToken);
        }
        catch (HttpRequestException)
        {
            check = await validator.GetCurrentAsync(cancellationToken);
        }
        return TypedResults.Ok(new CurrentSessionResponse(Camel(check.State.ToString()), check.AirtableUserId, check.ValidatedAt));
    }

    private static BrowserLoginResponse ToResponse(BrowserLoginStatus status) =>
        new(status.Id, Camel(status.State.ToString()), status.Message, status.AirtableUserId, status.HandedOver);

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
