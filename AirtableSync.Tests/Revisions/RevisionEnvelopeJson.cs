using System.Text.Json.Nodes;

namespace AirtableSync.Tests.Revisions;

/// <summary>Builds §3.1 envelopes by hand for normalizer tests.</summary>
internal sealed class RevisionEnvelopeJson
{
    private readonly JsonObject _activities = [];
    private readonly JsonObject _users = [];
    private readonly JsonObject _comments = [];
    private readonly JsonArray _ordered = [];

    public string? OffsetV2 { get; set; }

    public RevisionEnvelopeJson User(string id, string name, string email)
    {
        _users[id] = new JsonObject { ["id"] = id, ["name"] = name, ["email"] = email };
        return this;
    }

    public RevisionEnvelopeJson Activity(string id, string createdTime, string userId, string? diffRowHtml, string groupType = "edit")
    {
        var activity = new JsonObject { ["createdTime"] = createdTime, ["originatingUserId"] = userId, ["groupType"] = groupType };
        if (diffRowHtml is not null)
        {
            activity["diffRowHtml"] = diffRowHtml;
        }

        _activities[id] = activity;
        _ordered.Add(id);
        return this;
    }

    public RevisionEnvelopeJson Comment(string id, string createdTime, string userId, string text)
    {
        _comments[id] = new JsonObject { ["id"] = id, ["userId"] = userId, ["text"] = text, ["createdTime"] = createdTime };
        _ordered.Add(id);
        return this;
    }

    public string Build() => new JsonObject
    {
        ["msg"] = "SUCCESS",
        ["data"] = new JsonObject
        {
            ["orderedActivityAndCommentIds"] = _ordered.DeepClone(),
            ["rowActivityInfoById"] = _activities.DeepClone(),
            ["rowActivityOrCommentUserObjById"] = _users.DeepClone(),
            ["commentsById"] = _comments.DeepClone(),
            ["offsetV2"] = OffsetV2,
        },
    }.ToJsonString();
}
