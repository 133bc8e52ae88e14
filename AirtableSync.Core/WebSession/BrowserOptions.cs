using System.ComponentModel.DataAnnotations;

namespace AirtableSync.WebSession;

/// <summary>
/// "Browser": { "ExecutablePath": "/usr/bin/chromium", "Headless": true, "ProfileDirectory": "",
///              "StepTimeout": "00:00:30", "MfaTimeout": "00:05:00", "MaxMfaAttempts": 3,
///              "MinKeyDelayMs": 40, "MaxKeyDelayMs": 150, "ConnectionId": "airtable-web",
///              "VirtualDisplay": "Auto", "XvfbPath": "Xvfb" }
/// </summary>
public sealed class BrowserOptions
{
    public const string SectionName = "Browser";

    /// <summary>Playwright cannot download browsers here; the system Chromium is always named explicitly.</summary>
    [Required]
    public string ExecutablePath { get; set; } = "/usr/bin/chromium";

    /// <summary>
    /// Headless Chromium is the one most often challenged (docs/airtable/revision-history.md §6). Set false to log in in a
    /// headful window: on a desktop it is visible; on a server the app starts a virtual display (see
    /// <see cref="AirtableSync.WebSession.VirtualDisplay"/>) and a challenge is shown to the admin in the login wizard.
    /// </summary>
    public bool Headless { get; set; } = true;

    /// <summary>Auto: a headful browser with no DISPLAY set gets an app-started Xvfb. Never: use whatever DISPLAY says.</summary>
    [EnumDataType(typeof(VirtualDisplayMode))]
    public VirtualDisplayMode VirtualDisplay { get; set; } = VirtualDisplayMode.Auto;

    /// <summary>The Xvfb executable (a name on PATH or a full path); Debian's package is "xvfb".</summary>
    [Required]
    public string XvfbPath { get; set; } = "Xvfb";

    /// <summary>
    /// Parent of the persistent profiles, one sub-directory per connection (§6: reused profiles build trust).
    /// Empty: <c>{Storage:DataDirectory}/browser-profiles</c>. Relative paths are resolved against the content root,
    /// like the data directory; the resolved absolute path is what the app reads after start-up.
    /// </summary>
    public string ProfileDirectory { get; set; } = "";

    /// <summary>Limit for each automated step (a page load, a click and its answer).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan StepTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a login waits for a person (MFA code, e-mail code, challenge); 5 min as in §5.2.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan MfaTimeout { get; set; } = TimeSpan.FromMinutes(5);

    [Range(1, 10)]
    public int MaxMfaAttempts { get; set; } = 3;

    /// <summary>Key hold time range; people type 40–150 ms per key (§6). Tests shrink it.</summary>
    [Range(0, 2000)]
    public int MinKeyDelayMs { get; set; } = 40;

    [Range(0, 2000)]
    public int MaxKeyDelayMs { get; set; } = 150;

    /// <summary>The stored connection (and profile) the browser session belongs to; one web session per app for now.</summary>
    [Required]
    public string ConnectionId { get; set; } = "airtable-web";
}

public enum VirtualDisplayMode { Auto, Never }
