namespace AirtableSync.WebSession;

// A picture of the login's page; Width × Height are page (CSS) pixels, the pointer's coordinate space.
public sealed record BrowserScreen(byte[] Image, string ContentType, int Width, int Height);

public enum BrowserPointerAction { Move, Down, Up }

// One pointer event from the admin, at page coordinates (CSS pixels from the page's top-left corner).
public sealed record BrowserPointerInput(BrowserPointerAction Action, double X, double Y);
