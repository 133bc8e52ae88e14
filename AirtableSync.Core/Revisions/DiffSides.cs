namespace AirtableSync.Revisions;

// What a value reader found: both sides, or Unrecognised when the markup had nothing it knows.
internal sealed record DiffSides(IReadOnlyList<string>? Old, IReadOnlyList<string>? New)
{
    public static DiffSides Unrecognised { get; } = new(null, null) { Recognised = false };

    public bool Recognised { get; init; } = true;

    // The change-kind class wins over the markers: nullToValue has no old side, valueToNull no new side (§8.3).
    public static DiffSides For(ChangeKind kind, IReadOnlyList<string> old, IReadOnlyList<string> @new, IReadOnlyList<string> all) => kind switch
    {
        ChangeKind.NullToValue => new(null, all),
        ChangeKind.ValueToNull => new(all, null),
        _ => new(old, @new),
    };
}
