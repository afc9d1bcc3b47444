using System.Globalization;
using DiligenceBot.Audit;
using DiligenceBot.BotFramework.Cards;
using DiligenceBot.Conversations;
using DiligenceBot.Data;
using DiligenceBot.Localization;
using DiligenceBot.Notifications;
using DiligenceBot.Organisation;
using DiligenceBot.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.Transfers;

/// <summary>What a person may do with a form (one person can be several of these at once).</summary>
/// <param name="IsProvider">Sent it: may rate and close, or reopen once.</param>
/// <param name="IsReceiver">In the post that has it, or that post's lead: may acknowledge, handle, forward.</param>
/// <param name="IsValueRater">Lead (or delegate) of the provider's team: may rate the information's value.</param>
/// <param name="MaySee">May see the form at all (the above, and people of posts it passed through).</param>
public sealed record TransferRoles(bool IsProvider, bool IsReceiver, bool IsValueRater, bool MaySee);

/// <summary>
/// The transfer forms' shared knowledge: settings, routing and deadlines, numbering without gaps, loading forms
/// within a tenant, who may do what, the audit trail, queuing notifications, and building each person's card.
/// Used by the verbs, the notification renderers and the deadline job.
/// </summary>
public sealed class TransferRegister(DiligenceDbContext db, TimeProvider time, ProactiveSender people, NotificationDispatcher dispatcher, HolidayCalendars calendars)
{
    public const string Routed = "transfer.routed";
    public const string Handled = "transfer.handled";
    public const string Reopened = "transfer.reopened";
    public const string Closed = "transfer.closed";
    public const string AckReminder = "transfer.ack-reminder";
    public const string AckEscalated = "transfer.ack-escalated";
    public const string HandleEscalated = "transfer.handle-escalated";

    /// <summary>The actor recorded in the audit trail for what the deadline job does.</summary>
    public const string SystemActor = "system";

    public DiligenceDbContext Db => db;

    public DateTimeOffset Now => time.GetUtcNow();

    public Task<TransferSettings?> SettingsAsync(string tenantId, CancellationToken cancellationToken) =>
        db.Set<TransferSettings>().AsNoTracking().SingleOrDefaultAsync(s => s.TenantId == tenantId, cancellationToken);

    public Task<List<TransferCategory>> CategoriesAsync(string tenantId, CancellationToken cancellationToken) =>
        db.Set<TransferCategory>().AsNoTracking().Where(c => c.TenantId == tenantId && c.Active).OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(cancellationToken);

    public Task<List<TransferPost>> PostsAsync(string tenantId, CancellationToken cancellationToken) =>
        db.Set<TransferPost>().AsNoTracking().Where(p => p.TenantId == tenantId).OrderBy(p => p.Id).ToListAsync(cancellationToken);

    public Task<TransferForm?> LoadAsync(Guid id, string tenantId, CancellationToken cancellationToken) =>
        db.Set<TransferForm>().Include(f => f.Steps).SingleOrDefaultAsync(f => f.Id == id && f.TenantId == tenantId, cancellationToken);

    public Task<Person?> PersonAsync(string? id, CancellationToken cancellationToken) =>
        id is null ? Task.FromResult<Person?>(null) : db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);

    /// <summary>
    /// The post a category's forms go to: its own post when active with somebody in it who is in the directory,
    /// else the tenant's fallback post on the same terms; null when neither can take it.
    /// </summary>
    public async Task<TransferPost?> RouteAsync(TransferCategory category, TransferSettings settings, CancellationToken cancellationToken)
    {
        var posts = await PostsAsync(category.TenantId, cancellationToken);
        foreach (var id in new[] { category.PostId, settings.FallbackPostId })
        {
            if (posts.SingleOrDefault(p => p.Id == id) is { Active: true } post && (await ReceiversAsync(post, cancellationToken)).Count > 0)
            {
                return post;
            }
        }

        return null;
    }

    /// <summary>The post's members who are in the directory (of the post's tenant).</summary>
    public Task<List<Person>> ReceiversAsync(TransferPost post, CancellationToken cancellationToken) =>
        db.People.AsNoTracking().Where(p => p.TenantId == post.TenantId && post.MemberIds.Contains(p.Id)).OrderBy(p => p.Id).ToListAsync(cancellationToken);

    /// <summary>Who late forms of the post are escalated to: its lead, else the manager the first member reports to.</summary>
    public async Task<string?> EscalationTargetAsync(TransferPost post, CancellationToken cancellationToken)
    {
        if (post.LeadId is { } lead)
        {
            return lead;
        }

        var receivers = await ReceiversAsync(post, cancellationToken);
        return receivers.Select(r => r.ReportsToId).FirstOrDefault(r => r is not null);
    }

    /// <summary>Starts the post's clocks: acknowledge, escalate and handle deadlines from <paramref name="from"/>, in the post's working time.</summary>
    public void StartDeadlines(TransferForm form, TransferDeadlines d, TransferPost post, DateTimeOffset from, bool acknowledgementDue)
    {
        var working = post.WorkingTime(calendars);
        if (acknowledgementDue)
        {
            form.AckDueAt = WorkingClock.AddWorkingHours(working, from, d.RemindAfterHours);
            form.AckEscalateAt = WorkingClock.AddWorkingHours(working, from, d.EscalateAfterHours);
            form.RemindedAt = null;
            form.AckEscalatedAt = null;
        }

        form.HandleDueAt = WorkingClock.AddWorkingHours(working, from, d.HandleWithinHours);
        form.HandleEscalatedAt = null;
    }

    /// <summary>
    /// Stores a new, valid form with the next number of its tenant's year. The number is taken in the same
    /// transaction that inserts the form (a conditional increment of the year's counter row, which also serialises
    /// concurrent senders on that row), so a failed or rolled-back submission never uses up a number.
    /// </summary>
    public async Task StoreNewAsync(TransferForm form, TransferSettings settings, CancellationToken cancellationToken)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(settings.TimeZone);
        var year = TimeZoneInfo.ConvertTime(form.SentAt, zone).Year;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var counters = db.Set<TransferCounter>().Where(c => c.TenantId == form.TenantId && c.Year == year);
        if (await counters.ExecuteUpdateAsync(s => s.SetProperty(c => c.LastNumber, c => c.LastNumber + 1), cancellationToken) == 0)
        {
            // The year's first form. Two first forms at once: one insert loses on the key and its caller retries.
            db.Add(new TransferCounter { TenantId = form.TenantId, Year = year, LastNumber = 1 });
            await db.SaveChangesAsync(cancellationToken);
        }

        var sequence = await counters.AsNoTracking().Select(c => c.LastNumber).SingleAsync(cancellationToken);
        form.Year = year;
        form.Sequence = sequence;
        form.Number = FormatNumber(settings.NumberPrefix, year, sequence);
        db.Add(form);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public static string FormatNumber(string prefix, int year, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}-{year}-{sequence:000000}");

    /// <summary>What <paramref name="person"/> may do with the form now.</summary>
    public async Task<TransferRoles> RolesAsync(TransferForm form, Person? person, CancellationToken cancellationToken)
    {
        if (person is null || person.TenantId != form.TenantId)
        {
            return new TransferRoles(false, false, false, false);
        }

        var posts = await PostsAsync(form.TenantId, cancellationToken);
        var current = posts.SingleOrDefault(p => p.Id == form.PostId);
        var isProvider = form.ProviderId == person.Id;
        var isReceiver = current?.IsReceiver(person.Id) == true;
        var team = form.ProviderTeamId is null ? null : await db.Teams.AsNoTracking().SingleOrDefaultAsync(t => t.Id == form.ProviderTeamId, cancellationToken);
        var isRater = team?.IsReviewer(person.Id) == true;
        var passedThrough = form.Steps.SelectMany(s => new[] { s.FromPostId, s.ToPostId }).OfType<string>().Distinct(StringComparer.Ordinal)
            .Any(id => posts.SingleOrDefault(p => p.Id == id)?.IsReceiver(person.Id) == true);
        var acted = form.Steps.Any(s => s.ActorId == person.Id);
        return new TransferRoles(isProvider, isReceiver, isRater, isProvider || isReceiver || isRater || passedThrough || acted);
    }

    public void Audit(BotRequest? request, string actorId, string action, TransferForm form) =>
        db.Set<AuditEntry>().Add(new AuditEntry
        {
            TenantId = form.TenantId,
            At = Now,
            ActorId = actorId,
            Action = action,
            SubjectType = "TransferForm",
            SubjectId = form.Id.ToString(),
            Revision = form.Revision,
            SourceVerb = request?.Verb,
            SourceActivityId = request?.Activity.Id,
            SourceCardActivityId = request?.Activity.ReplyToId,
        });

    /// <summary>Queues a message about the form's current revision (one per kind, form, revision and recipient).</summary>
    public void Notify(string kind, TransferForm form, string recipientId) =>
        db.Set<Notification>().Add(Notification.Create(form.TenantId, kind, form.Id.ToString(), form.Revision, recipientId, Now));

    public void WakeNotifications() => dispatcher.Wake();

    /// <summary>Runs a step again against what is stored when another writer got there first (<see cref="Conflicts.AgainOnConflictAsync{T}"/>).</summary>
    public Task<T> AgainOnConflictAsync<T>(Func<Task<T>> step, int attempts = 2) => db.AgainOnConflictAsync(step, attempts);

    public Task<string?> TeamsUserIdAsync(Person person, CancellationToken cancellationToken) => people.TeamsUserIdAsync(person, cancellationToken);

    /// <summary>True when at least one of the people has a live conversation with the bot.</summary>
    public async Task<bool> AnyReachableAsync(IEnumerable<Person> persons, CancellationToken cancellationToken)
    {
        var list = persons.ToList();
        if (list.Count == 0)
        {
            return false;
        }

        var tenantId = list[0].TenantId;
        var aad = list.Select(p => (string?)p.AadObjectId).ToList();
        return await db.ConversationRecords.AnyAsync(c => c.TenantId == tenantId && aad.Contains(c.AadObjectId) && c.RetiredAt == null && c.UserId != string.Empty, cancellationToken);
    }

    /// <summary>The empty form card for a provider.</summary>
    public async Task<AdaptiveCard> NewFormAsync(string tenantId, Guid draftId, Dictionary<string, string> typed, Dictionary<string, string> errors, Language language, CancellationToken cancellationToken, string? notice = null)
    {
        var categories = await CategoriesAsync(tenantId, cancellationToken);
        return TransferCards.Form(new TransferCards.FormState(categories, draftId, typed, errors, notice), language);
    }

    /// <summary>The form as <paramref name="viewer"/> sees it: their actions only, live state, refreshed for them.</summary>
    public async Task<AdaptiveCard> CardAsync(TransferForm form, Person viewer, Language language, CancellationToken cancellationToken,
        string? notice = null, Dictionary<string, string>? typed = null, Dictionary<string, string>? errors = null)
    {
        var roles = await RolesAsync(form, viewer, cancellationToken);
        var settings = await SettingsAsync(form.TenantId, cancellationToken);
        var posts = (await PostsAsync(form.TenantId, cancellationToken)).ToDictionary(p => p.Id, StringComparer.Ordinal);
        var category = await db.Set<TransferCategory>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == form.CategoryId, cancellationToken);
        var ids = form.Steps.Select(s => s.ActorId).Append(form.ProviderId).Append(form.ReceivedById).Append(form.HandledById).Append(form.ValueRatedById)
            .OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var names = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.DisplayName, StringComparer.Ordinal, cancellationToken);
        var userId = await people.TeamsUserIdAsync(viewer, cancellationToken);
        var state = new TransferCards.ViewState(form, category, posts, names, roles, settings?.TimeZone ?? TransferSettings.DefaultTimeZone, userId, typed ?? [], errors ?? [], notice);
        return TransferCards.View(state, language);
    }

    /// <summary>A time as the organisation reads it (in its time zone), written by <see cref="CardDates.At"/>.</summary>
    public static string Local(DateTimeOffset at, string timeZone) => CardDates.At(at, timeZone);
}
