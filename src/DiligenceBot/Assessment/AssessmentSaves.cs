using DiligenceBot.Data;
using DiligenceBot.Notifications;
using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.Assessment;

/// <summary>The assessment's one way to store a change with its audit entry and messages: all in one save, or nothing.</summary>
public static class AssessmentSaves
{
    /// <summary>
    /// Saves; false when another change got there first (a unique key, a row's stamp), the tracked changes dropped so the
    /// caller answers from what is stored. On success the messages are sent at once.
    /// </summary>
    public static async Task<bool> SaveOnceAsync(DiligenceDbContext db, NotificationDispatcher dispatcher, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }

        dispatcher.Wake();
        return true;
    }
}
