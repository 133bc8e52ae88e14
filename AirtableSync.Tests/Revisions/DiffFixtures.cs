namespace AirtableSync.Tests.Revisions;

/// <summary>
/// Hand-written fragments shaped like docs/airtable/revision-history.md §4.3 (E1–E5) and the selectors quoted there. They are typed
/// here, not produced by the fake's generator, so that the parser is checked against the documented shapes.
/// </summary>
internal static class DiffFixtures
{
    /// <summary>Wraps a value in the §4.1 container skeleton (E3): header with columnId, value container, value div.</summary>
    public static string Container(string fieldId, string fieldName, string columnType, string kindClass, string valueHtml) => $"""
        <div class="historicalCellContainer">
          <div class="micro strong caps" columnId="{fieldId}">{fieldName}</div>
          <div class="historicalCellValueContainer" columntypeifunchanged="{columnType}">
            <div class="historicalCellValue {kindClass}" data-columntype="{columnType}">
              {valueHtml}
            </div>
          </div>
        </div>
        """;

    /// <summary>E1 verbatim shape: span dialect, new choice first, old choice struck with the negative class.</summary>
    public const string E1StatusSpans = """
        <div class="historicalCellContainer">
          <div class="micro strong caps" columnId="fldStatus">Status</div>
          <div class="historicalCellValueContainer" columntypeifunchanged="select">
            <div class="historicalCellValue diff" data-columntype="select">
              <div>
                <span class="colors-background-success" title="On Hold">On Hold</span>
                <span class="strikethrough colors-background-negative" title="In Progress">In Progress</span>
              </div>
            </div>
          </div>
        </div>
        """;

    /// <summary>E2 shape: a word diff of a text field.</summary>
    public const string E2TextChunks = """
        <div class="textDiff overflow-hidden">
          <span class="pre-wrap colors-background-negative colors-foreground-accent-negative strikethrough">VK</span>
          <span class="pre-wrap colors-background-success">VK1</span>
        </div>
        """;

    /// <summary>E4 shape: select spans coloured with choice colours, the old one with inline line-through, name in a titled div.</summary>
    public static string E4SelectStyled(string newColor, string oldColor) => $"""
        <span style="background-color: var(--palette-{newColor})"><div title="On Hold">On Hold</div></span>
        <span style="background-color: var(--palette-{oldColor}); text-decoration:line-through"><div title="Pending Review">Pending Review</div></span>
        """;

    /// <summary>E4 shape: a collaborator set from empty, only the name div.</summary>
    public const string E4CollaboratorName = """<div class="flex-auto truncate">Ali Jaan</div>""";

    /// <summary>E5 shape: a filled value is a success span.</summary>
    public const string E5FilledText = """<span class="pre-wrap colors-background-success">Hello world</span>""";

    /// <summary>choiceToken pills in <c>div.inline-block.relative</c> wrappers with ± badges (U-PY selectors, §4.3).</summary>
    public static string ChoicePill(string name, string color, bool struck, string? badge, string hrefAttribute = "href")
    {
        var strike = struck ? " text-decoration: line-through;" : "";
        var badgeHtml = badge is null ? "" : $"<div class=\"absolute\" aria-hidden=\"true\"><svg><use {hrefAttribute}=\"#{badge}\"></use></svg></div>";
        return $"""
            <div class="inline-block relative">
              <div class="choiceToken flex items-center rounded-full" style="background-color: var(--palette-{color});{strike}">
                <div class="truncate-pre flex-auto" title="{name}">{Nbsp(name)}</div>
              </div>
              {badgeHtml}
            </div>
            """;
    }

    /// <summary>A collaborator pill: avatar initials (aria-hidden circle), name in the innermost <c>.flex-auto.truncate</c>.</summary>
    public static string Pill(string name, bool struck, string? badge = null)
    {
        var strike = struck ? " strikethrough" : "";
        var initials = string.Concat(name.Split(' ').Select(w => w[0]));
        var badgeHtml = badge is null ? "" : $"<span aria-hidden=\"true\"><svg><use href=\"#{badge}\"></use></svg></span>";
        return $"""
            <div class="pill flex items-center rounded-full{strike}">
              <div class="circle flex-none" aria-hidden="true">{initials}</div>
              <div class="flex-auto truncate"><div class="flex-auto truncate">{Nbsp(name)}</div></div>
              {badgeHtml}
            </div>
            """;
    }

    public static string Nbsp(string text) => text.Replace(" ", "&nbsp;", StringComparison.Ordinal);
}
