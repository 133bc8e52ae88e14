using AirtableSync.Storage;
using AirtableSync.Storage.Mongo;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Bson.Serialization.Serializers;
using MongoDB.Driver;

namespace AirtableSync.Tests.Storage;

/// <summary>
/// What the MongoDB provider sends, rendered by the driver's own renderers (no server needed). The
/// contract suite in <see cref="MongoSyncStoreTests"/> proves the behaviour where a MongoDB is reachable.
/// </summary>
public sealed class MongoDocumentRenderingTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly BsonDateTime AtBson = new(At.ToUnixTimeMilliseconds());
    private static readonly RenderArgs<BsonDocument> Args = new(BsonDocumentSerializer.Instance, BsonSerializer.SerializerRegistry);

    private static BsonDocument Render(FilterDefinition<BsonDocument> filter) => filter.Render(Args);
    private static BsonDocument Render(UpdateDefinition<BsonDocument> update) => update.Render(Args).AsBsonDocument;
    private static BsonDocument Render(SortDefinition<BsonDocument> sort) => sort.Render(Args);

    [Fact]
    public void RecordWriteIsAnUpsertKeepingTheRawJsonBesideParsedCells()
    {
        const string raw = """{"fldA":"x","fldErr":{"error":"#ERROR!"},"fldN":1.50,"fldLook":{"$date":"not a date"}}""";
        var content = RecordContent.Analyze(new RecordData("rec1", At, raw));

        var model = MongoRecordDocuments.Write("appBase", "tblTable", content, At);
        var update = Render(model.Update);

        Assert.True(model.IsUpsert);
        Assert.Equal(new BsonDocument("_id", "rec1"), Render(model.Filter));
        var set = update["$set"].AsBsonDocument;
        Assert.Equal(["baseId", "tableId", "createdTime", "deleted", "deletedAt", "contentHash", "lastSeenAt", "updatedAt", "searchText", "fieldsJson", "fields"], set.Names);
        Assert.Equal(raw, set["fieldsJson"].AsString);
        Assert.Equal(
            new BsonDocument { ["fldA"] = "x", ["fldErr"] = new BsonDocument("error", "#ERROR!"), ["fldN"] = 1.5, ["fldLook"] = new BsonDocument("$date", "not a date") },
            set["fields"].AsBsonDocument);
        Assert.Equal("x\n#error!\n1.50\nnot a date", set["searchText"].AsString);
        Assert.Equal(content.Hash, set["contentHash"].AsInt64);
        Assert.Equal((false, BsonNull.Value, AtBson), (set["deleted"].AsBoolean, set["deletedAt"], set["updatedAt"]));
        Assert.Equal(new BsonDocument { ["firstSeenAt"] = AtBson, ["revisionsFetchedAt"] = BsonNull.Value }, update["$setOnInsert"].AsBsonDocument);
    }

    [Fact]
    public void UnchangedRecordsOnlyMoveLastSeenInOneUpdateMany()
    {
        var model = MongoRecordDocuments.Touch(["rec1", "rec2"], At);

        Assert.Equal(new BsonDocument("_id", new BsonDocument("$in", new BsonArray { "rec1", "rec2" })), Render(model.Filter));
        Assert.Equal(new BsonDocument("$set", new BsonDocument("lastSeenAt", AtBson)), Render(model.Update));
    }

    [Fact]
    public void PageFilterScopesToTheTableHidesTombstonesAndSearchesEscapedText()
    {
        var query = new RecordQuery("appBase", "tblTable", Search: "100% (C)");

        var filter = Render(MongoRecordDocuments.Page(query, RecordQueryRules.SearchTerm(query)));
        var withDeleted = Render(MongoRecordDocuments.Page(query with { IncludeDeleted = true }, null));

        Assert.Equal(new BsonDocument
        {
            ["baseId"] = "appBase",
            ["tableId"] = "tblTable",
            ["deleted"] = false,
            ["searchText"] = new BsonRegularExpression(@"100% \(c\)"),
        }, filter);
        // Both values of deleted named, so the page index still serves a window with tombstones.
        Assert.Equal(new BsonDocument { ["baseId"] = "appBase", ["tableId"] = "tblTable", ["deleted"] = new BsonDocument("$in", new BsonArray { false, true }) }, withDeleted);
    }

    [Fact]
    public void PageOrderWithoutASortFieldIsCreatedTimeThenId()
    {
        var descending = new RecordQuery("appBase", "tblTable", SortDirection: AirtableSync.Model.SortDirection.Descending);

        Assert.Equal(new BsonDocument { ["createdTime"] = -1, ["_id"] = -1 }, Render(MongoRecordDocuments.Order(descending)));
        Assert.Equal(new BsonDocument { ["createdTime"] = 1, ["_id"] = 1 }, Render(MongoRecordDocuments.Order(new RecordQuery("appBase", "tblTable"))));
    }

    private static BsonDocument[] RenderSortedPage(RecordSort sort) =>
        [.. MongoRecordDocuments.SortedPage(MongoRecordDocuments.Page(new RecordQuery("appBase", "tblTable"), null), sort, 10, 5).Render(Args).Documents];

    private static BsonDocument BlankFlag(string cell) => BsonDocument.Parse($$"""
        { "$cond" : [{ "$or" : [{ "$eq" : [{ "$ifNull" : ["{{cell}}", null] }, null] }, { "$eq" : ["{{cell}}", ""] }, { "$eq" : ["{{cell}}", { "$literal" : [] }] }] }, 1, 0] }
        """);

    [Fact]
    public void SortingByACellPutsBlanksFirstInTheKeysThenTheCellThenCreatedTimeThenId()
    {
        var stages = RenderSortedPage(new RecordSort("fldName", Descending: true, RecordSortKind.Value, []));

        Assert.Equal(new BsonDocument("$match", new BsonDocument { ["baseId"] = "appBase", ["tableId"] = "tblTable", ["deleted"] = false }), stages[0]);
        Assert.Equal(new BsonDocument("$addFields", new BsonDocument("_sortBlank", BlankFlag("$fields.fldName"))), stages[1]);
        // The blank flag ascends whatever the direction: blanks stay last.
        Assert.Equal(new BsonDocument("$sort", new BsonDocument { ["_sortBlank"] = 1, ["fields.fldName"] = -1, ["createdTime"] = -1, ["_id"] = -1 }), stages[2]);
        Assert.Equal(new BsonDocument("$skip", 10), stages[3]);
        Assert.Equal(new BsonDocument("$limit", 5), stages[4]);
        Assert.Equal(new BsonDocument("$project", new BsonDocument { ["fields"] = 0, ["_sortBlank"] = 0 }), stages[5]);
    }

    [Fact]
    public void SortingByAValueReadsValuesThenBlanksInTheCellsOrderOffAPartialIndexPerTableAndField()
    {
        var sort = new RecordSort("fldName", Descending: true, RecordSortKind.Value, []);
        var isBlank = BsonDocument.Parse("""
            { "$or" : [{ "$eq" : [{ "$ifNull" : ["$fields.fldName", null] }, null] }, { "$eq" : ["$fields.fldName", ""] }, { "$eq" : ["$fields.fldName", { "$literal" : [] }] }] }
            """);

        // The keys SortedPage sorts on after its blank flag.
        Assert.Equal(new BsonDocument { ["fields.fldName"] = -1, ["createdTime"] = -1, ["_id"] = -1 }, Render(MongoRecordDocuments.ValueOrder(sort)));
        Assert.Equal(new BsonDocument { ["fields.fldName"] = 1, ["createdTime"] = 1, ["_id"] = 1 }, Render(MongoRecordDocuments.ValueOrder(sort with { Descending = false })));
        Assert.Equal(new BsonDocument("$expr", isBlank), Render(MongoRecordDocuments.CellIsBlank("fldName", blank: true)));
        Assert.Equal(new BsonDocument("$expr", new BsonDocument("$not", new BsonArray { isBlank })), Render(MongoRecordDocuments.CellIsBlank("fldName", blank: false)));
        var index = MongoRecordDocuments.ValueSortIndex("tblTable", "fldName");
        Assert.Equal("sort_tblTable_fldName", index.Options.Name);
        Assert.Equal(new BsonDocument { ["baseId"] = 1, ["deleted"] = 1, ["fields.fldName"] = 1, ["createdTime"] = 1, ["_id"] = 1 }, index.Keys.Render(Args));
        Assert.Equal(new BsonDocument("tableId", "tblTable"), Render(((CreateIndexOptions<BsonDocument>)index.Options).PartialFilterExpression));
    }

    [Fact]
    public void SortingByASelectUsesTheFirstChosenOptionsPositionAmongLiteralChoices()
    {
        var stages = RenderSortedPage(new RecordSort("fldTags", Descending: false, RecordSortKind.ChoiceOrder, ["Todo", "$Done"]));

        var first = BsonDocument.Parse("""{ "$cond" : [{ "$isArray" : "$fields.fldTags" }, { "$arrayElemAt" : ["$fields.fldTags", 0] }, "$fields.fldTags"] }""");
        var rank = BsonDocument.Parse("""
            { "$let" : { "vars" : { "position" : { "$indexOfArray" : [{ "$literal" : ["Todo", "$Done"] }, "FIRST"] } },
                         "in" : { "$cond" : [{ "$lt" : ["$$position", 0] }, 2, "$$position"] } } }
            """);
        rank["$let"]["vars"]["position"]["$indexOfArray"][1] = first;
        Assert.Equal(new BsonDocument("$addFields", new BsonDocument { ["_sortBlank"] = BlankFlag("$fields.fldTags"), ["_sortRank"] = rank, ["_sortValue"] = first }), stages[1]);
        Assert.Equal(new BsonDocument("$sort", new BsonDocument { ["_sortBlank"] = 1, ["_sortRank"] = 1, ["_sortValue"] = 1, ["createdTime"] = 1, ["_id"] = 1 }), stages[2]);
        Assert.Equal(new BsonDocument("$project", new BsonDocument { ["fields"] = 0, ["_sortBlank"] = 0, ["_sortRank"] = 0, ["_sortValue"] = 0 }), stages[5]);
    }

    [Fact]
    public void SortingByACheckboxTreatsAbsentAsUnchecked()
    {
        var stages = RenderSortedPage(new RecordSort("fldDone", Descending: true, RecordSortKind.Checkbox, []));

        Assert.Equal(BsonDocument.Parse("""{ "$addFields" : { "_sortValue" : { "$ifNull" : ["$fields.fldDone", false] } } }"""), stages[1]);
        Assert.Equal(new BsonDocument("$sort", new BsonDocument { ["_sortValue"] = -1, ["createdTime"] = -1, ["_id"] = -1 }), stages[2]);
    }

    [Fact]
    public void TheSortComesFromTheSchemaFieldsTypeAndChoices()
    {
        FieldSchema[] fields =
        [
            new("fldStatus", "Status", "singleSelect", null, """{"choices":[{"id":"sel1","name":"B"},{"id":"sel2","name":"A"}]}"""),
            new("fldDone", "Done", "checkbox", null, null),
            new("fldOld", "Old", "singleSelect", null, """{"choices":[{"name":"X"}]}""", IsRemoved: true),
        ];
        RecordSort? For(string field) => RecordSort.For(new RecordQuery("appBase", "tblTable", SortFieldId: field), fields);

        Assert.Equal(RecordSortKind.ChoiceOrder, For("fldStatus")?.Kind);
        Assert.Equal(["B", "A"], For("fldStatus")?.Choices);
        Assert.Equal(RecordSortKind.Checkbox, For("fldDone")?.Kind);
        Assert.Equal(RecordSortKind.Value, For("fldOld")?.Kind);
        Assert.Equal(RecordSortKind.Value, For("fldUnknown")?.Kind);
        Assert.Null(RecordSort.For(new RecordQuery("appBase", "tblTable"), fields));
    }

    [Fact]
    public void TombstonesAreLiveRecordsOfTheTableNotSeenSinceTheScanStarted()
    {
        Assert.Equal(new BsonDocument
        {
            ["baseId"] = "appBase",
            ["tableId"] = "tblTable",
            ["deleted"] = false,
            ["lastSeenAt"] = new BsonDocument("$lt", AtBson),
        }, Render(MongoRecordDocuments.NotSeenSince("appBase", "tblTable", At)));
        Assert.Equal(new BsonDocument("$set", new BsonDocument { ["deleted"] = true, ["deletedAt"] = AtBson }), Render(MongoRecordDocuments.Tombstone(At)));
    }

    [Fact]
    public void RecordsNeedRevisionsWhenNeverFetchedOrChangedSince()
    {
        var filter = Render(MongoRecordDocuments.NeedingRevisions("appBase", "tblTable"));

        Assert.Equal(new BsonArray
        {
            new BsonDocument("revisionsFetchedAt", BsonNull.Value),
            new BsonDocument("$expr", new BsonDocument("$lt", new BsonArray { "$revisionsFetchedAt", "$updatedAt" })),
        }, filter["$or"].AsBsonArray);
        Assert.False(filter["deleted"].AsBoolean);
    }

    [Fact]
    public void IndexesCoverTheRecordKeyPagingUpdatedAtAndTheRevisionKey()
    {
        string Describe(CreateIndexModel<BsonDocument> index) =>
            $"{index.Options.Name} {index.Keys.Render(Args)} unique={index.Options.Unique ?? false}";

        var records = MongoIndexes.All[MongoCollections.Records].Select(Describe);
        var revisions = MongoIndexes.All[MongoCollections.Revisions].Select(Describe);

        Assert.Equal(
        [
            """baseId_tableId_recordId { "baseId" : 1, "tableId" : 1, "_id" : 1 } unique=True""",
            """page { "baseId" : 1, "tableId" : 1, "deleted" : 1, "createdTime" : 1, "_id" : 1 } unique=False""",
            """updatedAt { "updatedAt" : 1 } unique=False""",
        ], records);
        Assert.Contains("""recordId_activityId_fieldId { "recordId" : 1, "activityId" : 1, "fieldId" : 1 } unique=True""", revisions);
        Assert.Contains("""scope_key { "scope" : 1, "key" : 1 } unique=True""", MongoIndexes.All[MongoCollections.Checkpoints].Select(Describe));
    }

    [Fact]
    public void UserNamesAndApiKeyHashesAreUniqueIndexesAndDocumentsRoundTrip()
    {
        string Describe(CreateIndexModel<BsonDocument> index) => $"{index.Options.Name} {index.Keys.Render(Args)} unique={index.Options.Unique ?? false}";
        var user = new AppUser
        {
            Id = "usr1",
            UserName = "Ada",
            NormalizedUserName = "ADA",
            DisplayName = "Ada L.",
            Role = AppRole.Admin,
            PasswordHash = "AQAAAA-hash",
            FailedSignIns = 2,
            LockedUntil = At,
            Disabled = false,
            CreatedAt = At,
            LastSignInAt = null,
        };
        var key = new StoredApiKey("key1", "export", "ats_abc123", "0f1e", ApiKeyScope.ReadOnly, "usr1", At, null, At);

        Assert.Equal(["""normalizedUserName { "normalizedUserName" : 1 } unique=True"""], MongoIndexes.All[MongoCollections.Users].Select(Describe));
        Assert.Contains("""keyHash { "keyHash" : 1 } unique=True""", MongoIndexes.All[MongoCollections.ApiKeys].Select(Describe));
        Assert.Equal(user, MongoAccountDocuments.ReadUser(MongoAccountDocuments.User(user)));
        Assert.Equal(key, MongoAccountDocuments.ReadApiKey(MongoAccountDocuments.ApiKey(key)));
        Assert.Equal(AtBson, MongoAccountDocuments.ApiKey(key)["revokedAt"]);
    }

    [Fact]
    public void ConnectionDocumentsRoundTripEveryField()
    {
        var connection = new StoredConnection
        {
            Id = "oauth-usrA",
            Kind = ConnectionKind.OAuth,
            Status = ConnectionStatus.NeedsReauthorization,
            ProtectedSecret = "CfDJ8-protected",
            SecretHint = "…wxyz",
            AirtableUserId = "usrA",
            Email = "ada@example.com",
            Scopes = ["data.records:read", "schema.bases:read"],
            SecretExpiresAt = At.AddDays(60),
            ValidatedAt = At.AddMinutes(1),
            StatusMessage = "refresh token revoked",
            CreatedAt = At.AddMinutes(2),
            UpdatedAt = At.AddMinutes(3),
        };

        var read = MongoSettingsDocuments.ReadConnection(MongoSettingsDocuments.Connection(connection));

        Assert.Equal(connection with { Scopes = [] }, read with { Scopes = [] });
        Assert.Equal(connection.Scopes, read.Scopes);
    }

    [Fact]
    public void RecordsAreReadFromTheFieldsTheirUpsertsWrite()
    {
        var document = new BsonDocument
        {
            ["_id"] = "rec1",
            ["baseId"] = "app1",
            ["tableId"] = "tbl1",
            ["createdTime"] = MongoValues.Date(At),
            ["fieldsJson"] = """{"fld1":1.50}""",
            ["firstSeenAt"] = MongoValues.Date(At.AddMinutes(1)),
            ["lastSeenAt"] = MongoValues.Date(At.AddMinutes(2)),
            ["updatedAt"] = MongoValues.Date(At.AddMinutes(3)),
            ["deletedAt"] = MongoValues.Date(At.AddMinutes(4)),
            ["revisionsFetchedAt"] = BsonNull.Value,
        };

        var record = MongoRecordDocuments.Read(document);

        Assert.Equal(new StoredRecord
        {
            BaseId = "app1",
            TableId = "tbl1",
            Id = "rec1",
            CreatedTime = At,
            FieldsJson = """{"fld1":1.50}""",
            FirstSeenAt = At.AddMinutes(1),
            LastSeenAt = At.AddMinutes(2),
            UpdatedAt = At.AddMinutes(3),
            DeletedAt = At.AddMinutes(4),
            RevisionsFetchedAt = null,
        }, record);
    }

    [Fact]
    public void JobSavesMergeFailuresWhileAppendsPush()
    {
        var failure = new JobFailure("rec1", "bad", At);
        var job = new JobEntry
        {
            Id = "job1",
            Kind = JobKind.RecordSync,
            Status = JobStatus.Running,
            ParametersJson = "{}",
            Progress = new JobProgress("records", null, 5, 10, 2.5, TimeSpan.FromSeconds(2)),
            CreatedAt = At,
            StartedAt = At,
            FinishedAt = null,
            Error = null,
            Failures = [failure],
        };

        var save = Render(MongoJobDocuments.Save(job));
        var push = Render(MongoJobDocuments.PushFailure(failure));

        var failureDocument = new BsonDocument { ["item"] = "rec1", ["message"] = "bad", ["at"] = AtBson };
        Assert.Equal(new BsonDocument("failures", new BsonDocument("$each", new BsonArray { failureDocument })), save["$addToSet"].AsBsonDocument);
        Assert.Equal(new BsonDocument { ["phase"] = "records", ["currentItem"] = BsonNull.Value, ["completed"] = 5L, ["total"] = 10L, ["ratePerSecond"] = 2.5, ["estimatedRemaining"] = "00:00:02" },
            save["$set"]["progress"].AsBsonDocument);
        Assert.Equal(new BsonDocument("$push", new BsonDocument("failures", failureDocument)), push);
        Assert.Equal(new BsonDocument("status", new BsonDocument("$in", new BsonArray { "Queued", "Running" })), Render(MongoJobDocuments.Unfinished));
    }

    [Fact]
    public void AJobsOriginCountsAndStepsAreSavedAndReadBack()
    {
        var job = new JobEntry
        {
            Id = "job1",
            Kind = JobKind.FullSync,
            Status = JobStatus.Succeeded,
            ParametersJson = "{}",
            Progress = JobProgress.NotStarted,
            CreatedAt = At,
            StartedAt = At,
            FinishedAt = At.AddMinutes(1),
            Error = null,
            Failures = [],
            Trigger = JobTrigger.Api,
            RequestedBy = "nightly export",
            Tables = [new JobTableCounts("appBase", "Marketing", "tblCampaigns", "Campaigns", 462, 4, 1, 0, 1_204)],
            Log = [new JobLogLine(At, "Base Marketing: schema, 1 table")],
        };

        var set = Render(MongoJobDocuments.Save(job))["$set"].AsBsonDocument;
        var read = MongoJobDocuments.Read(new BsonDocument("_id", "job1").AddRange(set));

        Assert.Equal("Api", set["trigger"].AsString);
        Assert.Equal("Campaigns", set["tables"][0]["tableName"].AsString);
        Assert.Equal((job.Trigger, job.RequestedBy), (read.Trigger, read.RequestedBy));
        Assert.Equal(job.Tables, read.Tables);
        Assert.Equal(job.Log, read.Log);
    }

    [Fact]
    public void AJobDocumentFromBeforeJobsKeptTheirOriginReadsAsUnknownWithNoCountsOrSteps()
    {
        var document = new BsonDocument
        {
            ["_id"] = "job1", ["kind"] = "FullSync", ["status"] = "Succeeded", ["parametersJson"] = "{}",
            ["progress"] = new BsonDocument { ["phase"] = "records", ["completed"] = 462L, ["total"] = 462L },
            ["createdAt"] = AtBson, ["startedAt"] = AtBson, ["finishedAt"] = AtBson, ["error"] = BsonNull.Value,
        };

        var job = MongoJobDocuments.Read(document);

        Assert.Equal((JobTrigger.Unknown, null), (job.Trigger, job.RequestedBy));
        Assert.Empty(job.Tables);
        Assert.Empty(job.Log);
    }

    [Fact]
    public void RevisionEventsAreUpsertedByTheirKey()
    {
        var model = MongoHistoryDocuments.Event(new RevisionEvent
        {
            RecordId = "rec1", BaseId = "appBase", TableId = "tblTable", ActivityId = "act1", FieldId = "fldS", ChangedAt = At, NewValues = ["Done"],
        });

        Assert.True(model.IsUpsert);
        Assert.Equal(new BsonDocument { ["recordId"] = "rec1", ["activityId"] = "act1", ["fieldId"] = "fldS" }, Render(model.Filter));
        Assert.Equal(AtBson, model.Replacement["changedAt"]);
        Assert.Equal(new BsonArray { "Done" }, model.Replacement["event"]["newValues"]);
        Assert.Equal(new BsonDocument { ["changedAt"] = -1, ["activityId"] = -1, ["fieldId"] = 1 }, Render(MongoHistoryDocuments.NewestFirst));
    }

    [Fact]
    public void CellsTooOddForBsonStillParseForSorting()
    {
        var fields = MongoValues.DocumentFromJson("""{"big":123456789012345678901234567890,"nested":[{"$oid":"x"}],"nothing":null}""");

        Assert.Equal(1.2345678901234568E+29, fields["big"].AsDouble);
        Assert.Equal(new BsonDocument("$oid", "x"), fields["nested"][0]);
        Assert.Equal(BsonNull.Value, fields["nothing"]);
    }

    [Fact]
    public void PreferencesRoundTripAndADocumentWithoutTheFieldReadsAsTheDefault()
    {
        var document = MongoAccountDocuments.Preferences("local:usr1", new UserPreferences(DarkMode: true), DateTimeOffset.UnixEpoch);

        Assert.Equal("local:usr1", document["_id"].AsString);
        Assert.Equal(new UserPreferences(DarkMode: true), MongoAccountDocuments.ReadPreferences(document));
        Assert.Equal(UserPreferences.Default, MongoAccountDocuments.ReadPreferences(new BsonDocument("_id", "local:usr2")));
    }

    [Fact]
    public void GridLayoutsRoundTripUnderAnIdPerPersonAndTable()
    {
        var document = MongoAccountDocuments.GridLayout("external:a/b", "appA", "tblA", new GridLayout(["fldB", "fldA"], ["fldC"]), DateTimeOffset.UnixEpoch);

        Assert.Equal("external%3Aa%2Fb/appA/tblA", document["_id"].AsString);
        Assert.NotEqual(MongoAccountDocuments.GridLayoutId("external:a", "b/appA", "tblA"), document["_id"].AsString);
        var read = MongoAccountDocuments.ReadGridLayout(document);
        Assert.Equal(["fldB", "fldA"], read.Order);
        Assert.Equal(["fldC"], read.Hidden);
        Assert.Empty(MongoAccountDocuments.ReadGridLayout(new BsonDocument("_id", "x")).Order);
    }
}
