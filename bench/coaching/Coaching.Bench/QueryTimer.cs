using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DiligenceBot.Bench;

/// <summary>
/// Diagnostics for the split run only (never in the headline runs): each query's time from execution to the reader's
/// disposal (SQLite's work plus EF's materialisation of the rows) and its row count, named after what it reads.
/// </summary>
public sealed class QueryTimer : DbCommandInterceptor
{
    private readonly List<(string Name, TimeSpan Duration, int Rows)> _queries = [];
    private readonly Dictionary<string, string> _sql = new(StringComparer.Ordinal);

    public IReadOnlyList<(string Name, TimeSpan Duration, int Rows)> Queries => _queries;

    /// <summary>The SQL of the first query of each name.</summary>
    public IReadOnlyDictionary<string, string> Sql => _sql;

    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(eventData);
        // ReadCount includes the last Read() that found no more rows.
        var name = NameOf(command.CommandText);
        _queries.Add((name, eventData.Duration, Math.Max(0, eventData.ReadCount - 1)));
        _sql.TryAdd(name, command.CommandText);
        return result;
    }

    private static string NameOf(string sql) =>
        sql.Contains("\"Evaluation\"", StringComparison.Ordinal) ? "returned-log comments (WorkLogs ⋈ WorkLogReviews)"
        : sql.Contains("FROM \"WorkLogs\"", StringComparison.Ordinal) && sql.Contains("MIN(", StringComparison.OrdinalIgnoreCase) ? "team start dates (first log per team)"
        : sql.Contains("FROM \"WorkLogs\"", StringComparison.Ordinal) ? "work logs"
        : sql.Contains("FROM \"TransferForms\"", StringComparison.Ordinal) ? "transfer forms"
        : sql.Contains("FROM \"CoachingObservations\"", StringComparison.Ordinal) ? "observations"
        : sql.Contains("FROM \"CoachingPulses\"", StringComparison.Ordinal) ? "pulses"
        : sql.Contains("FROM \"Teams\"", StringComparison.Ordinal) ? "teams"
        : "other";
}
