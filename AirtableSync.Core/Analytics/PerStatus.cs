namespace AirtableSync.Analytics;

// A value per status name index that grows as the history reveals new names.
internal sealed class PerStatus<T>(Func<T> create)
{
    private readonly List<T> _items = [];

    public int Count => _items.Count;

    public T this[int index]
    {
        get
        {
            while (_items.Count <= index)
            {
                _items.Add(create());
            }
            return _items[index];
        }
        set
        {
            _ = this[index];
            _items[index] = value;
        }
    }
}
