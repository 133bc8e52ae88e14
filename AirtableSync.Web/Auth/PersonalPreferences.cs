using System.Security.Claims;
using AirtableSync.Storage;

namespace AirtableSync.Web.Auth;

// The signed-in person's display choices, read and written in the store under a key from their sign-in, so a choice
// made on one page holds on every other, after a reload, in another browser and after signing in again.
public sealed class PersonalPreferences(CurrentUser currentUser, IAccountStore store, TimeProvider time, ILogger<PersonalPreferences> logger)
{
    // Local accounts by their id (a renamed account keeps its choices); anyone else by the sign-in provider's subject.
    public static string? KeyOf(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true)
        {
            return null;
        }
        if (principal.HasClaim(AppRoles.LocalAccountClaim, "true") && principal.FindFirstValue(ClaimTypes.NameIdentifier) is { Length: > 0 } id)
        {
            return $"local:{id}";
        }
        return (principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? principal.Identity.Name) is { Length: > 0 } subject ? $"external:{subject}" : null;
    }

    /// <summary>The person's choices, or the defaults when signed out, when they never chose, or when the store cannot be read.</summary>
    public async Task<UserPreferences> GetAsync(CancellationToken cancellationToken = default)
    {
        if (KeyOf(await currentUser.GetPrincipalAsync()) is not { } key)
        {
            return UserPreferences.Default;
        }
        try
        {
            return await store.GetUserPreferencesAsync(key, cancellationToken) ?? UserPreferences.Default;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A look is not worth an error page: the app shows its defaults.
            logger.LogWarning(e, "Could not read display preferences");
            return UserPreferences.Default;
        }
    }

    /// <summary>False when the choice could not be kept (signed out, or the store failed; logged): it then holds for this page only.</summary>
    public async Task<bool> SaveAsync(UserPreferences preferences, CancellationToken cancellationToken = default)
    {
        if (KeyOf(await currentUser.GetPrincipalAsync()) is not { } key)
        {
            return false;
        }
        try
        {
            await store.SaveUserPreferencesAsync(key, preferences, time.GetUtcNow(), cancellationToken);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not save display preferences");
            return false;
        }
    }

    /// <summary>The person's columns of one table's grid, or null (the defaults) when signed out, never changed, or unreadable.</summary>
    public async Task<GridLayout?> GetGridLayoutAsync(string baseId, string tableId, CancellationToken cancellationToken = default)
    {
        if (KeyOf(await currentUser.GetPrincipalAsync()) is not { } key)
        {
            return null;
        }
        try
        {
            return await store.GetGridLayoutAsync(key, baseId, tableId, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not read the grid layout of {BaseId}/{TableId}", baseId, tableId);
            return null;
        }
    }

    /// <summary>Null forgets the layout. False when it could not be kept (signed out, or the store failed; logged).</summary>
    public async Task<bool> SaveGridLayoutAsync(string baseId, string tableId, GridLayout? layout, CancellationToken cancellationToken = default)
    {
        if (KeyOf(await currentUser.GetPrincipalAsync()) is not { } key)
        {
            return false;
        }
        try
        {
            await store.SaveGridLayoutAsync(key, baseId, tableId, layout, time.GetUtcNow(), cancellationToken);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not save the grid layout of {BaseId}/{TableId}", baseId, tableId);
            return false;
        }
    }
}
