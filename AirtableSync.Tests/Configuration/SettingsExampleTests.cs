using System.Collections;
using System.Reflection;
using System.Text.Json;
using AirtableSync.Airtable;
using AirtableSync.Connections;
using AirtableSync.Jobs;
using AirtableSync.Revisions;
using AirtableSync.Storage;
using AirtableSync.Sync;
using AirtableSync.Web.Auth;
using AirtableSync.Web.Endpoints.Api;
using AirtableSync.Web.Security;
using AirtableSync.WebSession;

namespace AirtableSync.Tests.Configuration;

/// <summary>appsettings.Development.json.example promises to list every setting the app reads; this keeps the promise.</summary>
public sealed class SettingsExampleTests
{
    public static TheoryData<string, Type> BoundSections => new()
    {
        { StorageOptions.SectionName, typeof(StorageOptions) },
        { AirtableOptions.SectionName, typeof(AirtableOptions) },
        { AirtableOptions.SectionName, typeof(AirtableResilienceOptions) },
        { AirtableOAuthOptions.SectionName, typeof(AirtableOAuthOptions) },
        { BrowserOptions.SectionName, typeof(BrowserOptions) },
        { SyncOptions.SectionName, typeof(SyncOptions) },
        { RevisionOptions.SectionName, typeof(RevisionOptions) },
        { JobsOptions.SectionName, typeof(JobsOptions) },
        { ApiOptions.SectionName, typeof(ApiOptions) },
        { SecurityOptions.SectionName, typeof(SecurityOptions) },
        { AuthOptions.SectionName, typeof(AuthOptions) },
    };

    [Theory]
    [MemberData(nameof(BoundSections))]
    public void TheExampleListsEverySettingOfTheSection(string section, Type options)
    {
        var example = LoadExample();

        var missing = SettingPaths(options, section).Where(path => !Has(example, path)).ToList();

        Assert.True(missing.Count == 0, $"appsettings.Development.json.example lacks: {string.Join(", ", missing)}");
    }

    [Fact]
    public void TheExampleIsValidJsonWithComments() =>
        Assert.Equal(JsonValueKind.Object, LoadExample().ValueKind);

    private static IEnumerable<string> SettingPaths(Type options, string prefix)
    {
        foreach (var property in options.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod?.IsPublic == true))
        {
            var path = $"{prefix}:{property.Name}";
            if (IsNestedSection(property.PropertyType))
            {
                foreach (var nested in SettingPaths(property.PropertyType, path))
                {
                    yield return nested;
                }
            }
            else
            {
                yield return path;
            }
        }
    }

    private static bool IsNestedSection(Type type) =>
        type.IsClass && type != typeof(string) && type != typeof(Uri) && !typeof(IEnumerable).IsAssignableFrom(type);

    private static bool Has(JsonElement root, string path)
    {
        var element = root;
        foreach (var name in path.Split(':'))
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return false;
            }
        }
        return true;
    }

    private static JsonElement LoadExample()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AirtableSync.sln")))
        {
            directory = directory.Parent;
        }
        Assert.NotNull(directory);
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory.FullName, "appsettings.Development.json.example")),
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = false });
        return document.RootElement.Clone();
    }
}
