using DiligenceBot.BotFramework;
using DiligenceBot.BotFramework.Hosting;
using DiligenceBot.BotFramework.Schema;
using DiligenceBot.Data;
using DiligenceBot.Organisation;
using DiligenceBot.Help;
using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.Conversations;

/// <summary>
/// Install and membership events: store the conversation references needed for proactive messages, retire
/// them when the bot or a member is removed, and greet on install with the welcome card.
/// </summary>
public sealed class InstallLifecycle(
    DiligenceDbContext db,
    DirectoryLookup directory,
    TimeProvider time,
    Notifications.NotificationDispatcher notifications,
    Notifications.MessageStop messageStop,
    ILogger<InstallLifecycle> logger)
{
    public async Task<InvokeResponse?> OnInstallationUpdateAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        switch (activity.Action)
        {
            case InstallationActions.Add or InstallationActions.AddUpgrade:
                await StoreAsync(activity, activity.From!, cancellationToken);
                await RetryUndeliveredAsync(activity, cancellationToken);
                if (activity.Action == InstallationActions.Add)
                {
                    await WelcomeAsync(turn, cancellationToken);
                }

                break;
            case InstallationActions.Remove or InstallationActions.RemoveUpgrade:
                await RetireAsync(activity.Conversation!.Id!, userId: null, ConversationEnds.Uninstalled, cancellationToken);
                await StopMessagesAsync(activity, cancellationToken);
                break;
        }

        return null;
    }

    public async Task<InvokeResponse?> OnConversationUpdateAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var botId = activity.Recipient?.Id;
        foreach (var member in activity.MembersAdded ?? [])
        {
            // An account id longer than any Teams issues cannot be stored, and is no one the bot could message.
            if (string.IsNullOrEmpty(member.Id) || member.Id.Length > ActivityLimits.AccountId || member.AadObjectId?.Length > ActivityLimits.ShortId)
            {
                continue;
            }

            if (member.Id == botId)
            {
                // The bot joined: in a personal chat the user is the sender; otherwise keep the conversation itself.
                await StoreAsync(activity, IsPersonal(activity) ? activity.From! : null, cancellationToken);
            }
            else
            {
                await StoreAsync(activity, member, cancellationToken);
            }
        }

        foreach (var member in activity.MembersRemoved ?? [])
        {
            if (member.Id == botId)
            {
                await RetireAsync(activity.Conversation!.Id!, userId: null, "bot removed", cancellationToken);
            }
            else if (!string.IsNullOrEmpty(member.Id))
            {
                await RetireAsync(activity.Conversation!.Id!, member.Id, "member removed", cancellationToken);
            }
        }

        return null;
    }

    /// <summary>
    /// Someone who could not be reached has just installed the bot: messages of the last week that failed for that
    /// reason get another chance (their renderers skip whatever is no longer current).
    /// </summary>
    private async Task RetryUndeliveredAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (await directory.FindByAadObjectIdAsync(activity.TenantId ?? string.Empty, activity.From?.AadObjectId, cancellationToken) is not { } person)
        {
            return;
        }

        var now = time.GetUtcNow();
        var since = now.AddDays(-7);
        var retried = await db.Notifications
            .Where(n => n.RecipientId == person.Id && n.TenantId == person.TenantId && n.Status == Notifications.NotificationStatus.Undeliverable && n.CreatedAt > since)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, Notifications.NotificationStatus.Pending).SetProperty(n => n.NextAttemptAt, now), cancellationToken);
        if (retried > 0)
        {
            notifications.Wake();
        }
    }

    /// <summary>
    /// The app was removed from a personal scope: unless the person can still be reached some other way, every message
    /// waiting for them is dropped and the uninstall audited. (Removed from a team or group chat: its reference is
    /// retired above, and nothing addressed to a person is sent into a team's conversation.)
    /// </summary>
    private async Task StopMessagesAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (!IsPersonal(activity)
            || await directory.FindByAadObjectIdAsync(activity.TenantId ?? string.Empty, activity.From?.AadObjectId, cancellationToken) is not { } person
            || await db.ConversationRecords.AnyAsync(c => c.TenantId == person.TenantId && c.AadObjectId == person.AadObjectId && c.RetiredAt == null && c.UserId != string.Empty, cancellationToken))
        {
            return;
        }

        await messageStop.StopAsync(person, Notifications.MessageStop.UninstalledAction, person.Id, ConversationEnds.Uninstalled, activity.Id, cancellationToken);
    }

    /// <summary>A one-to-one chat with the bot (Teams' "personal" conversation), not a group chat or channel.</summary>
    internal static bool IsPersonal(Activity activity) =>
        activity.Conversation?.ConversationType is null or "personal" && activity.Conversation?.IsGroup != true;

    /// <summary>
    /// Teams sends installationUpdate and conversationUpdate at the same moment; serialising per conversation
    /// within an instance avoids the insert race (the unique index and one retry still cover several instances).
    /// </summary>
    private static readonly SemaphoreSlim[] ConversationLocks = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    /// <summary>Creates or refreshes the reference for (conversation, user); a retired one comes back to life.</summary>
    private async Task StoreAsync(Activity activity, ChannelAccount? user, CancellationToken cancellationToken)
    {
        var gate = ConversationLocks[(int)((uint)StringComparer.Ordinal.GetHashCode(activity.Conversation!.Id!) % ConversationLocks.Length)];
        await gate.WaitAsync(cancellationToken);
        try
        {
            await StoreUnderLockAsync(activity, user, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task StoreUnderLockAsync(Activity activity, ChannelAccount? user, CancellationToken cancellationToken)
    {
        var conversationId = activity.Conversation!.Id!;
        var userId = user?.Id ?? string.Empty;
        var now = time.GetUtcNow();
        for (var attempt = 0; ; attempt++)
        {
            var record = await db.ConversationRecords.SingleOrDefaultAsync(
                c => c.ConversationId == conversationId && c.UserId == userId, cancellationToken);
            if (record is null)
            {
                record = new ConversationRecord
                {
                    TenantId = activity.TenantId ?? string.Empty,
                    ChannelId = activity.ChannelId ?? Channels.MsTeams,
                    ServiceUrl = activity.ServiceUrl!,
                    ConversationId = conversationId,
                    UserId = userId,
                    CreatedAt = now,
                };
                db.ConversationRecords.Add(record);
            }

            record.TenantId = activity.TenantId ?? record.TenantId;
            record.ServiceUrl = activity.ServiceUrl!;
            record.ConversationType = Fit(activity.Conversation.ConversationType, 32) ?? (activity.Conversation.IsGroup == true ? "groupChat" : "personal");
            // Lifecycle events often omit the name; never wipe what an earlier event told us.
            record.AadObjectId = user?.AadObjectId?.ToLowerInvariant() ?? record.AadObjectId;
            record.UserName = user?.Name is { } name ? name[..Math.Min(name.Length, 200)] : record.UserName;
            record.BotId = activity.Recipient?.Id;
            record.TeamsTeamId = Fit(activity.ChannelData?.Team?.Id, 512);
            if (user is not null && user.Id == activity.From?.Id)
            {
                // Locale and time zone are the sender's; never copy them onto another member. A value longer than any
                // locale or IANA zone name is not one, and is ignored.
                record.Locale = Fit(activity.Locale, 16) ?? Fit(activity.GetClientInfo()?.Locale, 16) ?? record.Locale;
                record.TimeZone = Fit(activity.GetClientInfo()?.TimeZone, 64) ?? Fit(activity.LocalTimezone, 64) ?? record.TimeZone;
            }

            record.UpdatedAt = now;
            record.RetiredAt = null;
            record.RetiredReason = null;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                Log.ReferenceStored(logger, LogText.Untrusted(conversationId)!, LogText.Untrusted(userId)!);
                return;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // Teams sends installationUpdate and conversationUpdate together: the other one inserted first.
                db.ChangeTracker.Clear();
            }
        }
    }

    private static string? Fit(string? value, int max) => value is { Length: > 0 } && value.Length <= max ? value : null;

    private async Task RetireAsync(string conversationId, string? userId, string reason, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var records = await db.ConversationRecords
            .Where(c => c.ConversationId == conversationId && c.RetiredAt == null && (userId == null || c.UserId == userId))
            .ToListAsync(cancellationToken);
        foreach (var record in records)
        {
            record.RetiredAt = now;
            record.RetiredReason = reason;
        }

        await db.SaveChangesAsync(cancellationToken);
        Log.ReferencesRetired(logger, LogText.Untrusted(conversationId)!, records.Count, reason);
    }

    private async Task WelcomeAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var person = await directory.FindByAadObjectIdAsync(activity.TenantId ?? string.Empty, activity.From?.AadObjectId, cancellationToken);
        var language = BotTurnDispatcher.LanguageOf(activity, person);
        var leads = person is not null && IsPersonal(activity) && (await directory.TeamsLedByAsync(person, cancellationToken)).Count > 0;
        // Installed for them by the organisation (asked of Graph, not found installed already) and not greeted yet:
        // the welcome says why they have it. Asked, not answered: Teams' event may overtake Graph's 201.
        var installed = person is null || !IsPersonal(activity) ? null : await db.AppInstallations.SingleOrDefaultAsync(
            i => i.TenantId == person.TenantId && i.PersonId == person.Id && i.Attempts > 0 && i.State != Installation.AppInstallationState.Failed
                && !i.WasInstalled && i.WelcomedAt == null,
            cancellationToken);
        var card = IsPersonal(activity)
            ? HelpCards.Welcome(person, leads, language, installedForThem: installed is not null)
            : HelpCards.WelcomeTeam(activity.ChannelData?.Team?.Name ?? activity.Conversation?.Name, language);
        var result = await turn.SendAsync(OutgoingActivity.FromCard(card), cancellationToken);
        if (installed is not null && result.Succeeded)
        {
            installed.WelcomedAt = time.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
        }

        if (!result.Succeeded)
        {
            Log.WelcomeNotSent(logger, LogText.Untrusted(activity.Conversation!.Id)!, result.Outcome.ToString());
            if (result.ConversationGone)
            {
                // Teams says the bot cannot post here (403/404): the reference just stored is already dead.
                await RetireAsync(activity.Conversation.Id!, userId: null, $"connector {result.StatusCode}", cancellationToken);
            }
        }
    }
}
