namespace DiligenceBot.Imports;

/// <summary>
/// One string for each value that repeats down a column (district, tier, manager, visits, tenant), so 100,000 rows
/// hold a handful of those rather than 100,000 copies: the first <see cref="Capacity"/> distinct short values are
/// kept. Used for the cells of an import file and for the stored rows an import reads to compare with them.
/// </summary>
public sealed class StringPool
{
    private const int Capacity = 4096, MaxLength = 64;
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public string? Share(string? value)
    {
        if (value is null || value.Length > MaxLength)
        {
            return value;
        }

        if (_values.TryGetValue(value, out var shared))
        {
            return shared;
        }

        if (_values.Count < Capacity)
        {
            _values[value] = value;
        }

        return value;
    }
}
