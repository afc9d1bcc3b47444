using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace DiligenceBot.Bench;

/// <summary>
/// Fast inserts for the seed: one prepared <c>INSERT</c> per entity type, built from the app's EF model (table, column
/// names, and each column's type mapping with its value converter), so every value is stored exactly as EF Core would
/// store it (Guids as upper-case text, dates as text, DateTimeOffsets as the context's binary ticks, enums as the
/// configured strings) without EF's per-entity change tracking. Store-generated integer keys are left to SQLite.
/// </summary>
public sealed class BulkInsert<T> : IDisposable
    where T : class
{
    private readonly DbCommand _command;
    private readonly (PropertyInfo Clr, RelationalTypeMapping Mapping, DbParameter Parameter)[] _columns;

    public BulkInsert(DbContext db, DbTransaction transaction)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model");
        var table = entity.GetTableName() ?? throw new InvalidOperationException($"{typeof(T).Name} has no table");
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        var properties = entity.GetProperties()
            .Where(p => !(p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd && (p.ClrType == typeof(long) || p.ClrType == typeof(int))))
            .ToList();
        _command = transaction.Connection!.CreateCommand();
        _command.Transaction = transaction;
        _columns = new (PropertyInfo, RelationalTypeMapping, DbParameter)[properties.Count];
        for (var i = 0; i < properties.Count; i++)
        {
            var p = properties[i];
            var clr = p.PropertyInfo ?? throw new InvalidOperationException($"{typeof(T).Name}.{p.Name} is a shadow property");
            var mapping = p.GetRelationalTypeMapping();
            var parameter = mapping.CreateParameter(_command, "@p" + i, null, p.IsNullable);
            _command.Parameters.Add(parameter);
            _columns[i] = (clr, mapping, parameter);
        }

        var names = properties.Select(p => "\"" + p.GetColumnName(store) + "\"");
        _command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", names)}) VALUES ({string.Join(", ", properties.Select((_, i) => "@p" + i))})";
        _command.Prepare();
    }

    public int Count { get; private set; }

    public void Add(T row)
    {
        foreach (var (clr, mapping, parameter) in _columns)
        {
            var value = clr.GetValue(row);
            if (value is not null && mapping.Converter is { } converter)
            {
                value = converter.ConvertToProvider(value);
            }

            parameter.Value = value ?? DBNull.Value;
        }

        _command.ExecuteNonQuery();
        Count++;
    }

    public void Dispose() => _command.Dispose();
}
