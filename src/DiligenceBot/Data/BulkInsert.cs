using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace DiligenceBot.Data;

/// <summary>
/// Inserts many rows of one entity type inside the context's current transaction without EF Core's change tracking:
/// multi-row <c>INSERT … VALUES (…), (…)</c> statements of up to <see cref="RowsPerStatement"/> rows, built from the
/// app's model (table and column names quoted by the provider, each value through its column's type mapping and
/// value converter, so it is stored exactly as SaveChanges would store it). Store-generated integer keys are left to
/// the database. For imports of tens of thousands of rows, where tracking every entity would cost seconds and hundreds
/// of megabytes; the rows are not tracked afterwards and their generated keys are not read back.
/// </summary>
public static class BulkInsert
{
    /// <summary>Rows per statement: well under SQL Server's 2,100 parameters and SQLite's 32,766 for a dozen columns.</summary>
    public const int RowsPerStatement = 100;

    public static async Task InsertAsync<T>(DiligenceDbContext db, IReadOnlyList<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("BulkInsert runs inside the caller's transaction, so a failure stores nothing.");
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model");
        var table = entity.GetTableName() ?? throw new InvalidOperationException($"{typeof(T).Name} has no table");
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var columns = entity.GetProperties()
            .Where(p => !(p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd && (p.ClrType == typeof(long) || p.ClrType == typeof(int))))
            .Select(p => (Property: p, Mapping: p.GetRelationalTypeMapping(), Getter: p.GetGetter()))
            .ToArray();
        var head = $"INSERT INTO {sql.DelimitIdentifier(table, entity.GetSchema())} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Property.GetColumnName(store)!)))}) VALUES ";

        // SQLite's page cache (2 MB by default) would spill the transaction's index pages to the WAL over and over; a
        // larger cache for this connection while it inserts, back to what it was afterwards.
        var sqliteCache = db.Database.IsSqlite() ? await SqliteCacheAsync(transaction, LargeSqliteCache, cancellationToken) : (long?)null;
        DbCommand? full = null;
        try
        {
            for (var start = 0; start < rows.Count; start += RowsPerStatement)
            {
                var count = Math.Min(RowsPerStatement, rows.Count - start);
                DbCommand command;
                if (count == RowsPerStatement)
                {
                    // Full statements share one command, prepared once (SQLite and Npgsql keep the prepared statement).
                    if (full is null)
                    {
                        full = Create(transaction, head, columns, count);
                        await full.PrepareAsync(cancellationToken);
                    }

                    command = full;
                }
                else
                {
                    command = Create(transaction, head, columns, count);
                }

                try
                {
                    var parameter = 0;
                    for (var r = start; r < start + count; r++)
                    {
                        foreach (var (property, mapping, getter) in columns)
                        {
                            var value = getter.GetClrValue(rows[r]);
                            if (value is not null && mapping.Converter is { } converter)
                            {
                                value = converter.ConvertToProvider(value);
                            }

                            command.Parameters[parameter++].Value = value ?? DBNull.Value;
                        }
                    }

                    await command.ExecuteNonQueryAsync(cancellationToken);
                }
                finally
                {
                    if (command != full)
                    {
                        await command.DisposeAsync();
                    }
                }
            }
        }
        finally
        {
            if (full is not null)
            {
                await full.DisposeAsync();
            }

            if (sqliteCache is { } previous)
            {
                await SqliteCacheAsync(transaction, previous, CancellationToken.None);
            }
        }
    }

    /// <summary>SQLite's cache size while inserting: 16 MB (negative: kibibytes); more is hardly faster and stays resident.</summary>
    private const long LargeSqliteCache = -16384;

    /// <summary>Sets the connection's <c>cache_size</c> and returns the one it had.</summary>
    private static async Task<long> SqliteCacheAsync(DbTransaction transaction, long size, CancellationToken cancellationToken)
    {
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA cache_size";
        var previous = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        command.CommandText = "PRAGMA cache_size=" + size.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return previous;
    }

    private static DbCommand Create(DbTransaction transaction, string head, (IProperty Property, RelationalTypeMapping Mapping, IClrPropertyGetter Getter)[] columns, int rows)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        var text = new StringBuilder(head);
        var n = 0;
        for (var r = 0; r < rows; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Length; c++)
            {
                var name = "@p" + n++;
                text.Append(c == 0 ? name : ", " + name);
                command.Parameters.Add(columns[c].Mapping.CreateParameter(command, name, null, columns[c].Property.IsNullable));
            }

            text.Append(')');
        }

        command.CommandText = text.ToString();
        return command;
    }
}
