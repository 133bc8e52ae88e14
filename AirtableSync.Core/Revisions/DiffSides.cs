namespace AirtableSync.Revisions;

/// <summary>What a value reader found: both sides, or <see cref="Unrecognised"/> when the markup had nothing it knows.</summary>
internal sealed record DiffSides(IReadOnlyList<string>? Old, IReadOnlyList<string>? New)
{
    public static DiffSides Unrecognised { get; } = new(null, null) { Recognised = false };

    public bool Recognised { get; init; } = true;

    /// <summary>The change-kind class wins over the markers: <c>nullToValue</c> has no old side, <c>valueToNull</c> no new side (§8.3).</summary>
    public static DiffSides For(ChangeKind kind, IReadOnlyList<string> old, IReadOnlyList<string> @new, IReadOnlyList<string> all) => kind switch
    {
        ChangeKind.NullToValue => new(null, all),
        ChangeKind.ValueToNull => new(all, null),
        _ => new(old, @new),
    };
}
