using System.ComponentModel.DataAnnotations;

namespace AirtableSync.Airtable;

/// <summary>
/// "Airtable": { "ApiBaseUrl": "https://api.airtable.com", "WebBaseUrl": "https://airtable.com",
///               "RequestsPerSecondPerBase": 5, "RequestsPerSecondPerToken": 50, "Sandbox": false,
///               "PersonalAccessToken": null }
/// </summary>
public sealed class AirtableOptions
{
    public const string SectionName = "Airtable";

    /// <summary>Public Web API host (docs/airtable/public-api.md §0).</summary>
    [Required]
    public Uri ApiBaseUrl { get; set; } = new("https://api.airtable.com");

    /// <summary>Web host for OAuth, the login pages and the internal /v0.3 endpoints (docs/airtable/revision-history.md §2).</summary>
    [Required]
    public Uri WebBaseUrl { get; set; } = new("https://airtable.com");

    /// <summary>Airtable allows 5 requests/s per base (docs/airtable/public-api.md §4.1); configurable because Airtable may change it.</summary>
    [Range(0.1, 1000)]
    public double RequestsPerSecondPerBase { get; set; } = 5;

    /// <summary>50 requests/s per user for PAT traffic (docs/airtable/public-api.md §4.1); applied per token for OAuth too, to be safe.</summary>
    [Range(0.1, 10000)]
    public double RequestsPerSecondPerToken { get; set; } = 50;

    /// <summary>Runs the app against the built-in simulated Airtable (the fake) with a sample workspace.</summary>
    public bool Sandbox { get; set; }

    /// <summary>Optional PAT from configuration; validated with whoami at start-up and stored encrypted.</summary>
    public string? PersonalAccessToken { get; set; }
}
