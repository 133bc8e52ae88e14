using AirtableSync.Storage;
using AirtableSync.Web.Components.Pages;
using AirtableSync.Web.Components.Shared;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;

namespace AirtableSync.Tests.Ui;

/// <summary>
/// bUnit context for the analyst pages: MudBlazor services, loose JS interop (MudBlazor calls JS we do not
/// assert on), a fake clock, the viewer's zone fixed to UTC, and a real SQLite store filled by each test.
/// </summary>
public abstract class UiTestContext : BunitContext
{
    protected static readonly DateTimeOffset Now = new(2026, 5, 10, 12, 0, 0, TimeSpan.Zero);
    private UiStore? _store;

    protected UiTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLogging();
        Services.AddSingleton<TimeProvider>(Clock);
        Services.AddRecordBrowsing();
        Services.AddScoped<Web.Auth.CurrentUser>();
        Services.AddScoped<Web.Auth.PersonalPreferences>();
        // Pages are rendered for a signed-in admin unless a test says otherwise (SignInAs).
        Authorization = AddAuthorization();
        SignInAs("admin", Web.Auth.AppRoles.Admin);
    }

    protected BunitAuthorizationContext Authorization { get; }

    /// <summary>The circuit's user from now on (not a local account: its role is taken from the claims).</summary>
    protected void SignInAs(string userName, string role)
    {
        Authorization.SetAuthorized(userName).SetRoles(role);
        // bUnit grants policies by name: the Admin policy is what admins pass.
        Authorization.SetPolicies(role == Web.Auth.AppRoles.Admin ? [Web.Auth.AppRoles.AdminPolicy] : []);
    }

    protected FakeTimeProvider Clock { get; } = new(Now);

    protected static CancellationToken Token => Xunit.TestContext.Current.CancellationToken;

    /// <summary>Creates the test's SQLite store, registers it, and lets the test fill it before rendering.</summary>
    protected async Task<ISyncStore> StoreAsync(Func<ISyncStore, Task>? seed = null)
    {
        _store = await UiStore.CreateAsync(Token);
        Services.AddSingleton<ISyncStore>(_store.Store);
        Services.AddSyncStoreRoles();
        if (seed is not null)
        {
            await seed(_store.Store);
        }
        return _store.Store;
    }

    /// <summary>Drops a table of the test's store so that the page's reads fail for real.</summary>
    protected Task BreakStoreAsync(string table) =>
        (_store ?? throw new InvalidOperationException("Create the store first.")).BreakAsync(table, Token);

    /// <summary>Renders a page the way the layout hosts it: after MudBlazor's popover provider.</summary>
    protected IRenderedComponent<TPage> RenderPage<TPage>(Action<ComponentParameterCollectionBuilder<TPage>>? parameters = null)
        where TPage : Microsoft.AspNetCore.Components.IComponent
    {
        Popovers = Render<MudBlazor.MudPopoverProvider>();
        return Render(parameters ?? (_ => { }));
    }

    /// <summary>Where menus and popovers of the page render (after <see cref="RenderPage"/>), outside the page's own markup.</summary>
    protected IRenderedComponent<MudBlazor.MudPopoverProvider> Popovers { get; private set; } = default!;

    /// <summary>The input of a MudBlazor field, whichever element carries the test id.</summary>
    protected static AngleSharp.Dom.IElement InputOf<T>(IRenderedComponent<T> cut, string testId)
        where T : Microsoft.AspNetCore.Components.IComponent
    {
        var element = cut.Find($"[data-testid={testId}]");
        return element.TagName == "INPUT" ? element : element.QuerySelector("input") ?? throw new InvalidOperationException($"No input in {testId}.");
    }

    protected void ViewerZone(TimeZoneInfo zone) => Services.GetRequiredService<ViewerTimeZone>().Set(zone);

    // xUnit disposes a test class through DisposeAsync when it has one, and bUnit's DisposeAsync then calls
    // Dispose(false): the store must be released on both paths or every test leaves its directory behind.
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            ReleaseStore();
        }
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        ReleaseStore();
    }

    private void ReleaseStore()
    {
        _store?.Dispose();
        _store = null;
    }
}
