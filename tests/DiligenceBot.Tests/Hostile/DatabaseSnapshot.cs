using System.Data.Common;
using System.Text;
using DiligenceBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.Tests.Hostile;

/// <summary>
/// Every row of every table of the app's database as text (SQLite or PostgreSQL), to compare before and after: any
/// insert, delete or changed column — a timestamp included — shows. The dispatcher's lease table is left out.
/// </summary>
public static class DatabaseSnapshot
{
    public static async Task<string> TakeAsync(BotApp bot)
    {
        await using var db = bot.CreateDbContext();
        // Opened and closed by hand: a pooled context keeps a connection it did not open itself when it goes back to
        // the pool, and 100 snapshots left open exhaust Npgsql's pool of 100.
        await db.Database.OpenConnectionAsync();
        try
        {
            return await ReadAsync(db);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<string> ReadAsync(DbContext db)
    {
        var connection = db.Database.GetDbConnection();
        var tables = new List<string>();
        var sqlite = db.Database.ProviderName!.Contains("Sqlite", StringComparison.Ordinal);
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = sqlite
                ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
                : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var text = new StringBuilder();
        // The dispatcher's lease is renewed by its heartbeat whatever the requests do: it is liveness, not a record.
        foreach (var table in tables.Where(t => t is not ("__EFMigrationsHistory" or "DispatcherLeases")))
        {
            var rows = new List<string>();
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add(Row(reader));
            }

            rows.Sort(StringComparer.Ordinal);
            text.Append('[').Append(table).Append("]\n");
            foreach (var row in rows)
            {
                text.Append(row).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>The lines of <paramref name="after"/> that are not in <paramref name="before"/> and the other way round.</summary>
    public static string Difference(string before, string after)
    {
        var a = before.Split('\n').ToHashSet(StringComparer.Ordinal);
        var b = after.Split('\n').ToHashSet(StringComparer.Ordinal);
        return string.Join('\n', b.Except(a).Select(l => "+ " + l).Concat(a.Except(b).Select(l => "- " + l)).Take(20));
    }

    private static string Row(DbDataReader reader)
    {
        var values = new string[reader.FieldCount];
        for (var i = 0; i < reader.FieldCount; i++)
        {
            values[i] = reader.GetName(i) + "=" + (reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture));
        }

        return string.Join('|', values);
    }
}
