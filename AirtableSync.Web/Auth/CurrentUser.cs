using System.Security.Claims;
using AirtableSync.Storage;
using Microsoft.AspNetCore.Components.Authorization;

namespace AirtableSync.Web.Auth;

// A circuit action a non-admin tried to run (a button they should not have had).
public sealed class AdminRequiredException() : UnauthorizedAccessException("Only an admin can do this.");

// Circuit actions ask it before acting: a page's [Authorize] only guards navigation, a rendered button still runs server code.
// A local account's role is re-read from the store, so a demoted or disabled admin loses power at once.
public sealed class CurrentUser(AuthenticationStateProvider authentication, IAccountStore store)
{
    public async Task<ClaimsPrincipal> GetPrincipalAsync() => (await authentication.GetAuthenticationStateAsync()).User;

    public async Task<bool> IsAdminAsync(CancellationToken cancellationToken = default)
    {
        var principal = await GetPrincipalAsync();
        if (principal.Identity?.IsAuthenticated != true || !principal.IsInRole(AppRoles.Admin))
        {
            return false;
        }
        if (principal.HasClaim(AppRoles.LocalAccountClaim, "true"))
        {
            var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
            return id is not null && await store.GetUserAsync(id, cancellationToken) is { Role: AppRole.Admin, Disabled: false };
        }
        return true;
    }

    // Returns the user id (the name for an SSO admin).
    public async Task<string> RequireAdminAsync(CancellationToken cancellationToken = default)
    {
        if (!await IsAdminAsync(cancellationToken))
        {
            throw new AdminRequiredException();
        }
        var principal = await GetPrincipalAsync();
        return principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? principal.Identity?.Name ?? "admin";
    }

    // null when done, otherwise the sentence to show: not an admin, or a failure, which is logged and never shown raw.
    public async Task<string?> RunAdminActionAsync(string action, Func<Task> work, ILogger logger)
    {
        if (!await IsAdminAsync())
        {
            return $"Only an admin can {action}.";
        }
        try
        {
            await work();
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Could not {Action}", action);
            return $"Could not {action}. The error was logged; try again in a moment.";
        }
    }
}
