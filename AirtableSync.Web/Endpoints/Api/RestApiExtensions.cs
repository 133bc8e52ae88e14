using AirtableSync.Web.Auth;
using Microsoft.AspNetCore.Authentication;

namespace AirtableSync.Web.Endpoints.Api;

public static class RestApiExtensions
{
    public const string PolicyName = "RestApi";

    /// <summary>"Api": { "Keys": [ "..." ] } — REST API for automation, with an OpenAPI document at /openapi/v1.json.</summary>
    public static IServiceCollection AddRestApi(this IServiceCollection services)
    {
        services.AddSingleton<ApiKeys>();
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.SectionName)
            .Validate(o => o.Keys.All(k => k.Length >= 16), "Every Api:Keys entry must be at least 16 characters long.")
            .ValidateOnStart();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder().AddPolicy(PolicyName, policy => policy
            .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser()
            // Read-only keys may read; every POST/PUT/PATCH/DELETE (syncs, cancel, resume, connections, the schedule,
            // browser sessions) needs an admin-scope key. Decided by method here, so a new write endpoint cannot forget it.
            .RequireAssertion(context => context.User.IsInRole(AppRoles.Admin)
                || (context.Resource is HttpContext http && (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)))));
        services.AddProblemDetails();
        // Enums travel as camelCase strings ("partiallySucceeded"), the shape the REST contract documents.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase)));
        services.AddOpenApi();
        return services;
    }

    public static IEndpointRouteBuilder MapRestApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi().RequireAuthorization(PolicyName);
        var api = app.MapGroup("/api/v1").RequireAuthorization(PolicyName).WithTags("AirtableSync");
        api.MapCatalogApi();
        api.MapJobsApi();
        api.MapRevisionsApi();
        api.MapActivityApi();
        api.MapAnalyticsApi();
        api.MapConnectionsApi();
        api.MapScheduleApi();
        // A key-holder's typo (or a method the path does not take) is "no such endpoint", not the sign-in
        // challenge the app's fallback policy would answer for a path no endpoint claims. Routes with literal
        // segments always win over this catch-all.
        api.Map("{**path}", (HttpContext context) => Results.Problem(
                statusCode: StatusCodes.Status404NotFound, title: "No such API endpoint",
                detail: $"{context.Request.Method} {context.Request.Path} is not part of the API; its endpoints are listed in /openapi/v1.json."))
            .ExcludeFromDescription();
        return app;
    }
}
