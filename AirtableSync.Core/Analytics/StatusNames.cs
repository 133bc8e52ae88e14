using AirtableSync.Revisions;

namespace AirtableSync.Analytics;

// The names a Status field's history uses, numbered so per-status figures live in small arrays, and their mapping to
// the schema's current choices, decided once the whole table was read (docs/analytics.md, "Renamed and removed statuses"):
// - a name equal to a current choice's name (or id) is that choice;
// - events keep the name a choice had at the time, and Airtable records no event for a rename. A rename shows where a
//   record's history ends in a name the schema no longer has while its current cell (which Airtable writes with the
//   current name) holds a current choice: each such record votes old name → that choice, and the choice with the most
//   votes takes the old name (ties: schema order). A renamed status nobody's history ends in cannot be recognised;
//   it is reported like a removed one;
// - any other name is a removed choice: reported by that name, with a null choice id.
internal sealed class StatusNames
{
    private readonly Dictionary<string, int> _indexes = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];
    private readonly IReadOnlyList<SchemaChoice> _choices;
    private readonly Dictionary<string, int> _choiceByName = new(StringComparer.Ordinal);
    private readonly Dictionary<(int Name, int Choice), int> _votes = [];

    public StatusNames(IReadOnlyList<SchemaChoice> choices)
    {
        _choices = choices;
        for (var c = 0; c < choices.Count; c++)
        {
            if (choices[c].Name is { } name)
            {
                _choiceByName.TryAdd(name, c);
            }
            if (choices[c].Id is { } id)
            {
                _choiceByName.TryAdd(id, c);
            }
        }
        // Current choices first, so their indexes follow the schema's order.
        foreach (var choice in choices)
        {
            if (choice.Name is { } name)
            {
                IndexOf(name);
            }
        }
    }

    public int Count => _names.Count;

    public int IndexOf(string name)
    {
        if (!_indexes.TryGetValue(name, out var index))
        {
            index = _names.Count;
            _names.Add(name);
            _indexes.Add(name, index);
        }
        return index;
    }

    public bool IsCurrent(int index) => _choiceByName.ContainsKey(_names[index]);

    /// <summary>The choice a current name stands for, known before the table is read; null for any other name.</summary>
    public StatusRef? CurrentRef(int index) =>
        _choiceByName.TryGetValue(_names[index], out var c) ? new StatusRef(_choices[c].Id, _choices[c].Name ?? _names[index]) : null;

    /// <summary>A record whose history ends in <paramref name="lastKey"/> while its cell holds <paramref name="cellKey"/>.</summary>
    public void Observe(string? lastKey, string? cellKey)
    {
        if (lastKey is null || cellKey is null || lastKey == cellKey
            || _choiceByName.ContainsKey(lastKey) || !_choiceByName.TryGetValue(cellKey, out var choice))
        {
            return;
        }
        var key = (IndexOf(lastKey), choice);
        _votes[key] = _votes.GetValueOrDefault(key) + 1;
    }

    /// <summary>The status each name index stands for, after every record was observed.</summary>
    public StatusRef[] Resolve()
    {
        var refs = new StatusRef[_names.Count];
        for (var i = 0; i < refs.Length; i++)
        {
            var name = _names[i];
            var choice = _choiceByName.TryGetValue(name, out var c) ? c
                : _votes.Where(v => v.Key.Name == i).OrderByDescending(v => v.Value).ThenBy(v => v.Key.Choice).Select(v => (int?)v.Key.Choice).FirstOrDefault() ?? -1;
            refs[i] = choice >= 0 ? new StatusRef(_choices[choice].Id, _choices[choice].Name ?? name) : new StatusRef(null, name);
        }
        return refs;
    }

    /// <summary>The distinct statuses of <paramref name="refs"/>: current choices in schema order, then removed names in ordinal order.</summary>
    public List<StatusRef> Ordered(StatusRef[] refs)
    {
        var order = _choices.Select((choice, index) => (choice.Id, index)).Where(c => c.Id is not null).ToDictionary(c => c.Id!, c => c.index, StringComparer.Ordinal);
        return [.. refs.Distinct()
            .OrderBy(r => r.ChoiceId is { } id && order.TryGetValue(id, out var at) ? at : int.MaxValue)
            .ThenBy(r => r.Name, StringComparer.Ordinal)];
    }

    /// <summary>The status asked for by choice id or name (exact, then ignoring case); a name no choice has is taken as a removed status's.</summary>
    public StatusRef Find(string status)
    {
        var choice = _choiceByName.TryGetValue(status, out var exact) ? exact
            : _choices.ToList().FindIndex(c => string.Equals(c.Name, status, StringComparison.OrdinalIgnoreCase));
        return choice >= 0 ? new StatusRef(_choices[choice].Id, _choices[choice].Name ?? status) : new StatusRef(null, status);
    }
}
