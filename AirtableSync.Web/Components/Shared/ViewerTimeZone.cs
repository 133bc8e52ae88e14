using System.Globalization;
using Microsoft.JSInterop;

namespace AirtableSync.Web.Components.Shared;

// The viewer's time zone and formatting locale, asked once per circuit from the browser (Intl). The server's own
// culture says nothing about the viewer (in a container it is usually the invariant one). Until the browser has
// answered, or when it cannot tell, times are shown in UTC with the server's culture. Tests set both directly.
public sealed class ViewerTimeZone(IJSRuntime js, ILogger<ViewerTimeZone> logger)
{
    private TimeZoneInfo? _zone;
    private CultureInfo? _culture;
    private Task<TimeZoneInfo>? _resolving;

    public TimeZoneInfo Current => _zone ?? TimeZoneInfo.Utc;

    public CultureInfo Culture => _culture ?? CultureInfo.CurrentCulture;

    public void Set(TimeZoneInfo zone) => _zone = zone;

    public void Set(CultureInfo culture) => _culture = culture;

    // Call from OnAfterRenderAsync (JS interop is unavailable while prerendering). Every timestamp on a page calls
    // this; they share one browser round trip.
    public Task<TimeZoneInfo> ResolveAsync() => _zone is { } known ? Task.FromResult(known) : _resolving ??= AskBrowserAsync();

    private async Task<TimeZoneInfo> AskBrowserAsync()
    {
        try
        {
            await using var module = await js.InvokeAsync<IJSObjectReference>("import", "./js/viewer-time-zone.js");
            if (module is null)
            {
                return Current;
            }
            var locale = await module.InvokeAsync<string?>("locale");
            if (_culture is null && CultureOf(locale) is { } culture)
            {
                _culture = culture;
            }
            var id = await module.InvokeAsync<string?>("timeZone");
            if (!string.IsNullOrEmpty(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
            {
                _zone = zone;
            }
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or InvalidOperationException or TaskCanceledException)
        {
            // Not cached: the next caller (e.g. after a reconnect) asks again.
            _resolving = null;
            logger.LogDebug(ex, "Browser time zone unavailable; showing UTC");
        }
        return Current;
    }

    private CultureInfo? CultureOf(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale))
        {
            return null;
        }
        try
        {
            return CultureInfo.GetCultureInfo(locale, predefinedOnly: true);
        }
        catch (CultureNotFoundException)
        {
            logger.LogDebug("Browser locale {Locale} is unknown here; keeping the server's culture", locale);
            return null;
        }
    }
}
