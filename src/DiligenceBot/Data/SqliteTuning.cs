using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DiligenceBot.Data;

/// <summary>
/// What SQLite needs to serve a team's morning burst: write-ahead logging (readers never wait for the writer, a
/// commit is one append), <c>synchronous=NORMAL</c> (durable at checkpoints; what SQLite recommends with WAL) and a
/// native busy timeout, so a writer that meets another process's write (Hangfire, a second instance on the same
/// file) waits in SQLite's own short sleeps instead of failing. Applied to every connection as it opens; WAL is
/// kept in the file, the other two are per connection.
/// </summary>
internal sealed class SqliteConnectionTuning : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
