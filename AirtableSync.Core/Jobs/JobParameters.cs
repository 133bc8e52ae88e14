using System.Text.Json;
using System.Text.Json.Nodes;

namespace AirtableSync.Jobs;

// A job's parameters are a JSON object (JobEntry.ParametersJson) so an interrupted job can be
// resumed after a restart. Resuming adds two reserved properties: resumeOf (the job resumed) and
// checkpointScope (inherited along a chain of resumes, see JobContext.CheckpointScope).
internal static class JobParameters
{
    public const string ResumeOf = "resumeOf";
    public const string CheckpointScope = "checkpointScope";

    public static JsonSerializerOptions SerializerOptions => JsonSerializerOptions.Web;

    public static string DefaultCheckpointScope(string jobId) => $"job:{jobId}";

    public static string Serialize(object parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var node = JsonSerializer.SerializeToNode(parameters, parameters.GetType(), SerializerOptions);
        if (node is not JsonObject json)
        {
            throw new ArgumentException("Job parameters must serialize to a JSON object (a record or class), not an array or a single value.", nameof(parameters));
        }
        if (json.ContainsKey(ResumeOf) || json.ContainsKey(CheckpointScope))
        {
            throw new ArgumentException($"'{ResumeOf}' and '{CheckpointScope}' are reserved job parameter names; they are set when a job is resumed.", nameof(parameters));
        }
        return json.ToJsonString(SerializerOptions);
    }

    public static string ForResume(JobEntry original)
    {
        var json = TryParse(original.ParametersJson) ?? [];
        json[CheckpointScope] = ReadString(json, CheckpointScope) ?? DefaultCheckpointScope(original.Id);
        json[ResumeOf] = original.Id;
        return json.ToJsonString(SerializerOptions);
    }

    public static string? ReadString(string parametersJson, string name) =>
        TryParse(parametersJson) is { } json ? ReadString(json, name) : null;

    private static string? ReadString(JsonObject json, string name) =>
        json[name] is JsonValue value && value.TryGetValue(out string? text) ? text : null;

    private static JsonObject? TryParse(string parametersJson)
    {
        try
        {
            return JsonNode.Parse(parametersJson) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
