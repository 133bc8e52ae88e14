using AirtableSync.Airtable;
using AirtableSync.Connections;
using AirtableSync.Jobs;
using AirtableSync.Analytics;
using AirtableSync.Revisions;
using AirtableSync.Storage;
using AirtableSync.Sync;
using AirtableSync.Web.Auth;
using AirtableSync.Web.Benchmarks;
using AirtableSync.Web.Components;
using AirtableSync.Web.Components.Pages;
using AirtableSync.Web.Components.Pages.Analytics;
using AirtableSync.Web.Components.Pages.Connect;
using AirtableSync.Web.Components.Pages.Jobs;
using AirtableSync.Web.Components.Pages.ActivityFeed.Export;
using AirtableSync.Web.Components.Pages.RecordList.Export;
using AirtableSync.Web.Endpoints;
using AirtableSync.Web.Endpoints.Api;
using AirtableSync.Web.Sandbox;
using AirtableSync.Web.Security;
using AirtableSync.WebSession;
using MudBlazor.Services;

if (args is ["benchmark", .. var benchmarkArgs])
{
    return await BenchmarkCommand.RunAsync(benchmarkArgs);
}

var builder = WebApplication.CreateBuilder(SandboxHosting.TranslateSandboxSwitch(args));
builder.AddSandboxIfEnabled();

builder.Services.AddSyncStorage();
builder.Services.AddAirtableClient();
builder.Services.AddAirtableConnections();
builder.Services.AddJobs();
builder.Services.AddSync();
builder.Services.AddSyncScheduler();
builder.Services.AddWebSession();
builder.Services.AddRevisions();
builder.Services.AddAnalytics();
builder.Services.AddAppSignIn(builder.Configuration);
builder.Services.AddRestApi();
builder.Services.AddRecordBrowsing();
builder.Services.AddJobsPage();
builder.Services.AddAdminPages();
builder.Services.AddSecurityHardening();
// Toasts confirm an action and go: bottom left, away from the page's action buttons (top right), gone after 4 s.
builder.Services.AddMudServices(mud =>
{
    mud.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomLeft;
    mud.SnackbarConfiguration.VisibleStateDuration = 4000;
    mud.SnackbarConfiguration.RequireInteraction = false;
    mud.SnackbarConfiguration.PreventDuplicates = true;
    mud.SnackbarConfiguration.ShowCloseIcon = true;
});
builder.Services.AddRazorComponents().AddInteractiveServerComponents();

// Development's default would throw on a malformed body, for the developer page to show the request with its
// credentials; a 400 problem answer is what every environment gives instead.
builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);

var app = builder.Build();

app.UseSecurityHardening();

// In every environment an error answer never shows the request: the developer exception page would print its
// headers, API keys and cookies included. The exception itself is in the log.
app.UseExceptionHandler("/Error", createScopeForErrors: true);
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
    app.UseHttpsRedirection();
}
// Friendly not-found pages for people; API callers (and the API's OpenAPI document) keep their status codes.
app.UseWhen(context => !context.Request.Path.StartsWithSegments("/api") && !context.Request.Path.StartsWithSegments("/openapi"),
    branch => branch.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
// API callers get an RFC 7807 body for every error the framework answers without one (malformed JSON, 401, 404, 405).
app.UseWhen(context => context.Request.Path.StartsWithSegments("/api"), branch => branch.UseStatusCodePages());
app.UseFirstRunSetup();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

// Static files are public (the sign-in page needs its CSS); everything else falls under the fallback policy.
app.MapStaticAssets().AllowAnonymous();
app.MapAccountEndpoints();
app.MapRestApi();
app.MapBrowserSessions();
app.MapAirtableOAuth();
app.MapRecordExport();
app.MapActivityExport();
app.MapAnalyticsExport();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

await app.RunAsync();
return 0;

// Public so that tests can host the app with WebApplicationFactory.
public partial class Program;
