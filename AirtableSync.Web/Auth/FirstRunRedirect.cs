namespace AirtableSync.Web.Auth;

// Until the first user exists every page leads to /setup (and /setup to the sign-in page afterwards). The REST API,
// static files and Blazor's own endpoints are left alone: they have their own answers.
public static class FirstRunRedirect
{
    public static IApplicationBuilder UseFirstRunSetup(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var path = context.Request.Path;
        var isSetup = path.StartsWithSegments(AccountPaths.Setup);
        if (isSetup || !IsInfrastructure(path))
        {
            var anyUser = await context.RequestServices.GetRequiredService<UserPresence>().AnyAsync(context.RequestAborted);
            if (!anyUser && !isSetup)
            {
                context.Response.Redirect(AccountPaths.Setup);
                return;
            }
            if (anyUser && isSetup)
            {
                // Setup is over for good: nobody may create another "first" admin.
                context.Response.Redirect(AccountPaths.Login);
                return;
            }
        }
        await next(context);
    });

    private static bool IsInfrastructure(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi") || path.StartsWithSegments("/_framework")
        || path.StartsWithSegments("/_content") || path.StartsWithSegments("/_blazor") || path.StartsWithSegments("/not-found")
        || path.StartsWithSegments("/Error") || Path.HasExtension(path.Value);
}
