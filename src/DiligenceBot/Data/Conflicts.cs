using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.Data;

/// <summary>What every record with a unique key per card (a draft, a revision) does when another writer got there first.</summary>
public static class Conflicts
{
    /// <summary>
    /// Runs a step; when a unique index or a concurrency stamp says another writer got there first (a re-delivered
    /// copy, a colleague on the same card, a number taken at the same moment), forgets what was tracked and decides
    /// again against what is stored now, up to <paramref name="attempts"/> times in all.
    /// </summary>
    public static async Task<T> AgainOnConflictAsync<T>(this DiligenceDbContext db, Func<Task<T>> step, int attempts = 2)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await step();
            }
            catch (DbUpdateException) when (attempt < attempts)
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}
