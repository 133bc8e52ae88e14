using Microsoft.JSInterop;

namespace AirtableSync.Web.Components.Shared;

// Asked once per circuit from the browser (Intl). Until it is known, or when the browser cannot tell, times are
// shown in UTC. Tests set it directly.
public sealed class ViewerTimeZone(IJSRuntime js, ILogger<ViewerTimeZone> logger)
{
    private TimeZoneInfo? _zone;
    private Task<TimeZoneInfo>? _resolving;

    public TimeZoneInfo Current => _zone ?? TimeZoneInfo.Utc;

    public void Set(TimeZoneInfo zone) => _zone = zone;

    // Call from OnAfterRenderAsync (JS interop is unavailable while prerendering). Every timestamp on a page calls
    // this; they share one browser round trip.
    public Task<TimeZoneInfo> ResolveAsync() => _zone is { } known ? Task.FromResult(known) : _resolving ??= AskBrowserAsync();

    private async Task<TimeZoneInfo> AskBrowserAsync()
    {
        try
        {
            await using var module = await js.InvokeAsync<IJSObjectReference>("import", "./js/viewer-time-zone.js");
            var id = module is null ? null : await module.InvokeAsync<string?>("timeZone");
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
}
