using System.Security.Claims;
using System.Text.Json;
using AirtableSync.Jobs;
using AirtableSync.Sync;
using AirtableSync.Web.Auth;

namespace AirtableSync.Web.Components.Pages.Jobs;

// Returns a readable problem or null; exceptions are logged, never shown raw. Admins only, checked here on every
// call: a rendered button must not be enough.
public sealed class JobActions(JobQueue queue, JobCancellation cancellation, JobResumption resumption, CurrentUser currentUser, MudBlazor.ISnackbar snackbar, ILogger<JobActions> logger)
{
    public Task<string?> StartSyncAsync(SyncMode mode, SyncRequest request) => GuardAsync("start the sync", async () =>
    {
        await queue.EnqueueAsync(SyncJobKinds.For(mode), request, JobOrigin.Manual(await UserNameAsync()));
        snackbar.Add("Sync queued", MudBlazor.Severity.Info);
    });

    public Task<string?> CancelAsync(JobEntry job) => GuardAsync("cancel the job", async () =>
    {
        var outcome = await cancellation.CancelAsync(job.Id);
        if (outcome == JobCancelOutcome.NotCancellable)
        {
            snackbar.Add("That job had already finished.", MudBlazor.Severity.Normal);
        }
    });

    public Task<string?> ResumeAsync(JobEntry job) => GuardAsync("resume the job", async () => await resumption.ResumeAsync(job.Id, await UserNameAsync()));

    // A fresh job with the same request, ignoring what the earlier one achieved.
    public Task<string?> RunAgainAsync(JobEntry job) => GuardAsync("run the job again", async () =>
    {
        using var parameters = JsonDocument.Parse(job.ParametersJson);
        var fresh = parameters.RootElement.EnumerateObject()
            .Where(p => p.Name is not ("resumeOf" or "checkpointScope"))
            .ToDictionary(p => p.Name, p => p.Value.Clone());
        await queue.EnqueueAsync(job.Kind, fresh, JobOrigin.Manual(await UserNameAsync()));
    });

    // The name people know the signed-in user by: a local account's display name, or the sign-in provider's name.
    private async Task<string?> UserNameAsync()
    {
        var principal = await currentUser.GetPrincipalAsync();
        return principal.FindFirstValue(AppRoles.DisplayNameClaim) ?? principal.Identity?.Name;
    }

    private Task<string?> GuardAsync(string action, Func<Task> work) => currentUser.RunAdminActionAsync(action, work, logger);
}
