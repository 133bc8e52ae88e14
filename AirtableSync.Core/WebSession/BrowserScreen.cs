namespace AirtableSync.WebSession;

/// <summary>A picture of the login's page; <paramref name="Width"/> × <paramref name="Height"/> are page (CSS) pixels, the pointer's coordinate space.</summary>
public sealed record BrowserScreen(byte[] Image, string ContentType, int Width, int Height);

public enum BrowserPointerAction { Move, Down, Up }

/// <summary>One pointer event from the admin, at page coordinates (CSS pixels from the page's top-left corner).</summary>
public sealed record BrowserPointerInput(BrowserPointerAction Action, double X, double Y);
