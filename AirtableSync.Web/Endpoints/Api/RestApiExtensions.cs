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
        api.MapConnectionsApi();
        api.MapScheduleApi();
        return app;
    }
}
