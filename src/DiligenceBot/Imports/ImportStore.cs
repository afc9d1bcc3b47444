using DiligenceBot.Data;
using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.Imports;

/// <summary>
/// How every kind stores its checked rows, so a file of 100,000 rows neither tracks 100,000 entities nor stores half of
/// itself: all in one transaction (inside the provider's execution strategy), rows already stored read untracked and
/// updated in chunks of <see cref="UpdatesPerSave"/>, new rows inserted in bulk (<see cref="BulkInsert"/>).
/// </summary>
public static class ImportStore
{
    /// <summary>Rows saved per SaveChanges when stored rows change (keeps the change tracker small).</summary>
    public const int UpdatesPerSave = 1000;

    /// <summary>Runs <paramref name="store"/> in one transaction, saves what it left tracked (the audit entry) and commits; nothing is stored if it throws.</summary>
    public static async Task<TResult> InOneTransactionAsync<TResult>(DiligenceDbContext db, Func<Task<TResult>> store, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var result = await store();
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return result;
        });
    }

    /// <summary>Updates each stored row from its new row (<paramref name="copy"/>: stored, row) in chunks, then inserts the new rows in bulk.</summary>
    public static async Task WriteAsync<T>(DiligenceDbContext db, IReadOnlyList<T> added, IReadOnlyList<(T Stored, T Row)> changed, Action<T, T> copy,
        CancellationToken cancellationToken)
        where T : class
    {
        foreach (var chunk in changed.Chunk(UpdatesPerSave))
        {
            foreach (var (stored, row) in chunk)
            {
                db.Attach(stored);
                copy(stored, row);
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        await BulkInsert.InsertAsync(db, added, cancellationToken);
    }

    /// <summary>
    /// Each row whose key is among the <paramref name="stored"/> rows replaces it (<paramref name="copy"/>: stored, row);
    /// the others are added. How many were replaced.
    /// </summary>
    public static async Task<int> ReplaceAsync<T, TKey>(DiligenceDbContext db, IReadOnlyList<T> rows, IEnumerable<T> stored, Func<T, TKey> keyOf, Action<T, T> copy,
        CancellationToken cancellationToken)
        where T : class
        where TKey : notnull
    {
        var existing = stored.ToDictionary(keyOf);
        var added = new List<T>();
        var changed = new List<(T Stored, T Row)>();
        foreach (var row in rows)
        {
            if (existing.TryGetValue(keyOf(row), out var match))
            {
                changed.Add((match, row));
            }
            else
            {
                added.Add(row);
            }
        }

        await WriteAsync(db, added, changed, copy, cancellationToken);
        return changed.Count;
    }
}
