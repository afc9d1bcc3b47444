using DiligenceBot.Conversations;
using DiligenceBot.Data;
using DiligenceBot.Localization;
using Microsoft.Extensions.Options;

namespace DiligenceBot.Scheduling;

/// <summary>
/// "reload" / "重新加载": an admin applies edited seed files (teams, people, meeting times, log templates, coaching playbooks and thresholds) without a
/// restart; the team jobs are synced at once. A file with an error changes nothing.
/// </summary>
public sealed class ReloadVerb(DiligenceDbContext db, IOptions<DatabaseOptions> options, IOptions<DirectorySync.DirectoryOptions> directory, TimeProvider time, IServiceProvider services) : IBotVerb
{
    public async Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        if (request.Person is not { IsAdmin: true } admin || admin.TenantId != request.TenantId)
        {
            return BotAnswer.Refused(Texts.Schedule.ReloadAdminOnly.In(language));
        }

        int changes;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            try
            {
                changes = await DataExtensions.ApplySeedsAsync(db, options.Value, directory.Value, time, cancellationToken);
                // The coaching playbooks and thresholds are files read into memory: a bad one undoes the database part too.
                services.GetService<Coaching.CoachingLibrary>()?.Reload();
                await transaction.CommitAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is InvalidDataException or System.Text.Json.JsonException or FormatException or ArgumentException)
            {
                await transaction.RollbackAsync(cancellationToken);
                return BotAnswer.Refused(Texts.Schedule.ReloadFailed.Format(language, ex.Message.Length > 200 ? ex.Message[..200] : ex.Message));
            }
        }

        if (services.GetService<IEnumerable<IHostedService>>()?.OfType<TeamJobs>().FirstOrDefault() is { } jobs)
        {
            await jobs.SyncAsync(cancellationToken);
        }

        return BotAnswer.WithText(Texts.Schedule.Reloaded.Format(language, changes));
    }
}
