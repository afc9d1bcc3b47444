using System.Globalization;
using System.Security.Cryptography;
using DiligenceBot.Audit;
using DiligenceBot.BotFramework.Cards;
using DiligenceBot.Coaching;
using DiligenceBot.Conversations;
using DiligenceBot.Customers;
using DiligenceBot.Data;
using DiligenceBot.Files;
using DiligenceBot.Input;
using DiligenceBot.Localization;
using DiligenceBot.Notifications;
using DiligenceBot.Organisation;
using DiligenceBot.Reviews;
using DiligenceBot.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DiligenceBot.Records;

/// <summary>
/// The records' shared reads and rules: who may see a manager's records (the manager, the team's lead and delegates,
/// the lead chain above, admins), the files waiting to be filed, a record with everything its card shows.
/// </summary>
public sealed class RecordBook(DiligenceDbContext db, RecordKinds kinds, CoachingDesk desk, NotificationDispatcher dispatcher, TimeProvider time, Reviews.LeadReview review)
{
    /// <summary>Sends what was queued (after the save that queued it).</summary>
    public void Wake() => dispatcher.Wake();

    /// <summary>A record's card for the one who opens it (<see cref="RecordCards.ForViewer"/>).</summary>
    public async Task<AdaptiveCard> CardAsync(ManagerRecord record, Person viewer, Language language, CancellationToken cancellationToken,
        string? notice = null, Dictionary<string, string>? typed = null, Dictionary<string, string>? errors = null)
    {
        var view = await ViewAsync(record, language, cancellationToken);
        var team = await db.Teams.AsNoTracking().SingleAsync(t => t.Id == record.TeamId, cancellationToken);
        var decided = record.Reviews.SingleOrDefault(r => r.RevisionNumber == record.CurrentRevision);
        var decider = decided is null ? null : await db.People.AsNoTracking().Where(p => p.Id == decided.ReviewerId).Select(p => p.DisplayName).SingleOrDefaultAsync(cancellationToken);
        return RecordCards.ForViewer(new RecordCardState(view, team, viewer.Id, decided, decider, typed, errors, notice), language);
    }

    public DiligenceDbContext Db => db;
    public RecordKinds Kinds => kinds;
    public DateTimeOffset Now => time.GetUtcNow();

    public async Task<bool> MaySeeAsync(Person viewer, string managerId, CancellationToken cancellationToken)
    {
        if (viewer.Id == managerId)
        {
            return true;
        }

        var manager = await db.People.AsNoTracking().Include(p => p.Team).SingleOrDefaultAsync(p => p.TenantId == viewer.TenantId && p.Id == managerId, cancellationToken);
        if (manager is null)
        {
            return false;
        }

        return viewer.IsAdmin || manager.Team?.IsReviewer(viewer.Id) == true || await desk.MayCoachAsync(viewer, manager, cancellationToken);
    }

    public Task<List<UnfiledFile>> UnfiledAsync(Person person, CancellationToken cancellationToken) =>
        db.Set<RecordFile>().AsNoTracking()
            .Where(f => f.TenantId == person.TenantId && f.OwnerId == person.Id && f.RecordId == null)
            .OrderBy(f => f.Id)
            .Select(f => new UnfiledFile(f.Id, f.FileName, f.SizeBytes))
            .ToListAsync(cancellationToken);

    /// <summary>The person who tapped a record's card and the record it names (in their tenant); nulls when either is unknown.</summary>
    public async Task<(Person? Person, ManagerRecord? Record)> TappedAsync(BotRequest request, CancellationToken cancellationToken) =>
        request.Person is { } person && request.Card.Guid("recordId") is { } id
            ? (person, await LoadAsync(id, person.TenantId, cancellationToken))
            : (request.Person, null);

    public Task<ManagerRecord?> LoadAsync(Guid id, string tenantId, CancellationToken cancellationToken) =>
        db.Set<ManagerRecord>().Include(r => r.Files).Include(r => r.Reviews).SingleOrDefaultAsync(r => r.Id == id && r.TenantId == tenantId, cancellationToken);

    /// <summary>Today in the person's team's zone (Shanghai when they have no team).</summary>
    public DateOnly Today(Person person) =>
        ScheduleMath.LocalDate(TimeZoneInfo.FindSystemTimeZoneById(person.Team?.TimeZone ?? "Asia/Shanghai"), Now);

    public async Task<RecordView> ViewAsync(ManagerRecord record, Language language, CancellationToken cancellationToken)
    {
        var kind = kinds.Find(record.KindId);
        var manager = await db.People.AsNoTracking().Include(p => p.Team).SingleAsync(p => p.Id == record.ManagerId, cancellationToken);
        // By name and licence number as the picker titled them, then the shops not registered, marked so.
        var names = await CustomerPicks.NamesAsync(db, record.TenantId, record.CustomerIds, cancellationToken);
        var customers = record.Customers.Lines(names, withLicence: true, language);
        return new RecordView(record, kind?.Name(language) ?? record.KindId, PeriodName(kind, record.PeriodKey, language), manager.DisplayName, customers,
            CardDates.At(record.LastFiledAt, manager.Team?.TimeZone ?? "Asia/Shanghai"));
    }

    public static string PeriodName(RecordKind? kind, string key, Language language) =>
        kind is not null && RecordPeriod.TryParse(kind.Period, key, out var period) ? period.Name(language) : key;

    /// <summary>The audit entry of an action on a record, written the way every reviewed record's is.</summary>
    public void Audit(BotRequest request, string actorId, string action, ManagerRecord record) =>
        review.Audit(request, actorId, action, record, RecordReviewKind.Type, record.CurrentRevision);
}

/// <summary>
/// A file sent in the 1:1 chat for the sender's records: the type on the allow-list, at most the configured size,
/// stored through <see cref="IRecordStore"/> with its SHA-256, waiting until the sender files it with a record.
/// </summary>
public sealed class KeepRecordFileVerb(ChatFiles files, IRecordStore store, RecordBook book, IOptions<RecordsOptions> options) : IBotVerb
{
    public async Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        if (ChatFile.Of(request.Activity) is not { } file)
        {
            return BotAnswer.Refused(Texts.Common.CardOutOfDate.In(language));
        }

        if (request.Activity.Conversation?.ConversationType != "personal")
        {
            return BotAnswer.Refused(Texts.Records.PersonalOnly.In(language));
        }

        if (request.Person is not { } person)
        {
            return BotAnswer.Refused(Texts.Records.NotInDirectory.In(language));
        }

        var settings = options.Value;
        var name = UserText.Words(file.Name);
        name = name.Length > RecordLimits.FileName ? name[..RecordLimits.FileName] : name;
        if (!settings.AllowedFileTypes.Contains(file.FileType, StringComparer.Ordinal))
        {
            return BotAnswer.Refused(Texts.Records.WrongType.Format(language, file.FileType.Length > 0 ? file.FileType : name,
                string.Join(language == Language.ZhCn ? "、" : ", ", settings.AllowedFileTypes)));
        }

        var (content, failure) = await files.DownloadAsync(file.DownloadUrl, settings.MaxFileBytes, cancellationToken);
        if (content is null)
        {
            return BotAnswer.Refused(failure == DownloadFailure.TooBig
                ? Texts.Records.TooBig.Format(language, name, settings.MaxFileMegabytes)
                : Texts.Records.DownloadFailed.Format(language, name));
        }

        var key = await store.SaveAsync(person.TenantId, content, cancellationToken);
        book.Db.Add(new RecordFile
        {
            TenantId = person.TenantId,
            OwnerId = person.Id,
            FileName = name,
            FileType = file.FileType,
            SizeBytes = content.LongLength,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            StorageKey = key,
            ReceivedAt = book.Now,
        });
        await book.Db.SaveChangesAsync(cancellationToken);
        return BotAnswer.WithText(Texts.Records.FileKept.Format(language, name, RecordCards.Kilobytes(content.LongLength)));
    }
}

/// <summary>"records file" / "提交资料": the form, with the files waiting to be filed.</summary>
public sealed class RecordFormVerb(RecordBook book) : IBotVerb
{
    public async Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        if (request.Person is not { } person)
        {
            return BotAnswer.Refused(Texts.Records.NotInDirectory.In(language));
        }

        if (person.TeamId is null)
        {
            return BotAnswer.Refused(Texts.Records.NotAManager.In(language));
        }

        // From a reminder's button: the kind and period it is about, filled in.
        var typed = new Dictionary<string, string>(StringComparer.Ordinal);
        if (book.Kinds.Find(request.Card.String(RecordCards.KindInput)) is { } kind)
        {
            typed[RecordCards.KindInput] = kind.Id;
            if (kind.Period != RecordPeriodKind.None && RecordPeriod.TryParse(kind.Period, request.Card.String(RecordCards.PeriodInput), out var period))
            {
                typed[RecordCards.PeriodInput] = period.Key;
            }
        }

        var example = RecordPeriod.Holding(RecordPeriodKind.Monthly, book.Today(person)).Previous.Example;
        return BotAnswer.WithCard(RecordCards.Form(person.Id, book.Kinds, await book.UnfiledAsync(person, cancellationToken), example, language, typed));
    }
}

/// <summary>
/// The form submitted: everything checked before anything is stored (kind, period of the kind's sort, title, the
/// manager's own customers, files the manager sent and has not filed); the card comes back with the input and each
/// message beside its field. A kind with a period is filed again over the manager's record of that period (a new
/// revision) unless the lead has verified it, which locks it.
/// </summary>
public sealed class FileRecordVerb(RecordBook book) : IBotVerb
{
    /// <summary>
    /// A re-delivered copy, a second tap or another device filing the same period or the same file at the same moment
    /// loses the race on the unique period index or the file's RecordId; it decides again against what is stored
    /// (a revision of the record now there, or "file already filed" with the input kept).
    /// </summary>
    public Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken) =>
        book.Db.AgainOnConflictAsync(() => FileAsync(request, cancellationToken));

    private async Task<BotAnswer> FileAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        if (request.Person is not { } person)
        {
            return BotAnswer.Refused(Texts.Records.NotInDirectory.In(language));
        }

        if (request.Card.String("managerId") is { } formOwner && formOwner != person.Id)
        {
            var owner = await book.Db.People.AsNoTracking().Where(p => p.TenantId == person.TenantId && p.Id == formOwner).Select(p => p.DisplayName).SingleOrDefaultAsync(cancellationToken);
            return BotAnswer.Refused(Texts.Records.ForOtherManager.Format(language, owner ?? formOwner));
        }

        if (person.TeamId is not { } teamId)
        {
            return BotAnswer.Refused(Texts.Records.NotAManager.In(language));
        }

        var typed = request.Card.Inputs(RecordCards.Inputs);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var today = book.Today(person);
        var unfiled = await book.UnfiledAsync(person, cancellationToken);

        var kind = book.Kinds.Find(typed.GetValueOrDefault(RecordCards.KindInput));
        if (kind is null)
        {
            errors[RecordCards.KindInput] = Texts.Records.ErrorKind.In(language);
        }

        var period = RecordPeriod.None;
        if (kind is not null && kind.Period != RecordPeriodKind.None)
        {
            if (!RecordPeriod.TryParse(kind.Period, typed.GetValueOrDefault(RecordCards.PeriodInput), out period))
            {
                var (unit, example) = kind.Period switch
                {
                    RecordPeriodKind.Monthly => (Texts.Records.PerMonth, RecordPeriod.Holding(kind.Period, today).Example),
                    RecordPeriodKind.Quarterly => (Texts.Records.PerQuarter, RecordPeriod.Holding(kind.Period, today).Example),
                    _ => (Texts.Records.PerHalfYear, RecordPeriod.Holding(kind.Period, today).Example),
                };
                errors[RecordCards.PeriodInput] = Texts.Records.ErrorPeriod.Format(language, kind.Name(language), unit.In(language), example);
            }
            else if (period.First > today)
            {
                errors[RecordCards.PeriodInput] = Texts.Records.ErrorFuturePeriod.Format(language, period.Name(language));
            }
        }

        if (UserText.Check(typed.GetValueOrDefault(RecordCards.TitleInput), new TextRule(RecordLimits.Title, Required: true, Multiline: false),
            Texts.Records.RecordTitle.In(language), language, out var title) is { } titleError)
        {
            errors[RecordCards.TitleInput] = titleError;
        }

        // The filer's own customers only, checked as the work log's are; a forged or stale id is named and nothing is stored.
        var picked = await CustomerPicks.NamesAsync(book.Db, person.TenantId, CustomerPicks.Read(typed, RecordCards.CustomersInput).Ids, cancellationToken);
        var customersRule = new CustomerRule(Texts.Records.Customers.In(language), RecordLimits.CustomersLine);
        if (CustomerPicks.Check(typed, RecordCards.CustomersInput, customersRule, picked, person.Id, language, out var customers) is { } customersError)
        {
            errors[RecordCards.CustomersInput] = customersError;
        }
        else if (kind is { CustomersRequired: true } && customers.Ids.Count == 0 && UserText.IsBlank(customers.Unregistered))
        {
            errors[RecordCards.CustomersInput] = Texts.Records.ErrorCustomersNeeded.Format(language, kind.Name(language));
        }

        var chosen = (typed.GetValueOrDefault(RecordCards.FilesInput) ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(v => long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : -1)
            .Distinct().ToList();
        if (chosen.Count == 0)
        {
            errors[RecordCards.FilesInput] = Texts.Records.ErrorFilesNeeded.In(language);
        }
        else if (chosen.Any(id => unfiled.All(f => f.Id != id)))
        {
            typed.Remove(RecordCards.FilesInput);
            errors[RecordCards.FilesInput] = Texts.Records.FileGone.In(language);
        }

        ManagerRecord? existing = null;
        if (kind is not null && period.Kind != RecordPeriodKind.None && !errors.ContainsKey(RecordCards.PeriodInput))
        {
            existing = await book.Db.Set<ManagerRecord>().Include(r => r.Files)
                .SingleOrDefaultAsync(r => r.TenantId == person.TenantId && r.ManagerId == person.Id && r.KindId == kind.Id && r.PeriodKey == period.Key, cancellationToken);
            if (existing is { Locked: true })
            {
                var verifiedOn = CardDates.At(existing.VerifiedAt!.Value, person.Team?.TimeZone ?? "Asia/Shanghai");
                errors[RecordCards.KindInput] = Texts.Records.ErrorLocked.Format(language, kind.Name(language), period.Name(language), verifiedOn);
            }
        }

        if (existing is not null && existing.Files.Count + chosen.Count > RecordLimits.MaxFilesPerRecord || chosen.Count > RecordLimits.MaxFilesPerRecord)
        {
            errors[RecordCards.FilesInput] = Texts.Records.ErrorTooManyFiles.Format(language, RecordLimits.MaxFilesPerRecord);
        }

        // The chosen files as they are now: one filed by another request since the form was read (a second device, a
        // second tap) is refused like any file no longer there, rather than filing the record without it.
        var files = await book.Db.Set<RecordFile>().Where(f => f.TenantId == person.TenantId && f.OwnerId == person.Id && f.RecordId == null && chosen.Contains(f.Id)).ToListAsync(cancellationToken);
        if (files.Count != chosen.Count && !errors.ContainsKey(RecordCards.FilesInput))
        {
            typed.Remove(RecordCards.FilesInput);
            errors[RecordCards.FilesInput] = Texts.Records.FileGone.In(language);
        }

        if (errors.Count > 0)
        {
            var example = RecordPeriod.Holding(RecordPeriodKind.Monthly, today).Previous.Example;
            // The picker shows again only the filer's own customers: one that is not is named in the error.
            var own = picked.Where(c => c.Value.ManagerId == person.Id).ToDictionary();
            return BotAnswer.WithCard(RecordCards.Form(person.Id, book.Kinds, unfiled, example, language, typed, errors, picked: own));
        }

        var now = book.Now;
        var record = existing ?? new ManagerRecord
        {
            Id = Guid.NewGuid(),
            TenantId = person.TenantId,
            TeamId = teamId,
            ManagerId = person.Id,
            KindId = kind!.Id,
            PeriodKey = period.Key,
            Title = title!,
            FirstFiledAt = now,
        };
        if (existing is null)
        {
            book.Db.Add(record);
        }

        record.TeamId = teamId;
        record.Title = title!;
        record.CustomerIds = [.. customers.Ids];
        record.UnregisteredCustomers = customers.Unregistered;
        record.Status = RecordStatus.Submitted;
        record.CurrentRevision++;
        record.LastFiledAt = now;
        record.ConcurrencyStamp = Guid.NewGuid();
        foreach (var file in files)
        {
            file.RecordId = record.Id;
            record.Files.Add(file);
        }

        book.Audit(request, person.Id, existing is null ? "record.filed" : "record.refiled", record);
        var team = await book.Db.Teams.AsNoTracking().SingleAsync(t => t.Id == teamId, cancellationToken);
        if (team.LeadId is { } leadId && leadId != person.Id)
        {
            book.Db.Add(Notification.Create(person.TenantId, RecordReviewKind.ReviewRequested, record.Id.ToString(), record.CurrentRevision, leadId, now));
        }

        await book.Db.SaveChangesAsync(cancellationToken);
        book.Wake();
        return BotAnswer.WithCard(await book.CardAsync(record, person, language, cancellationToken));
    }
}

/// <summary>One record's card, to those who may see it.</summary>
public sealed class ViewRecordVerb(RecordBook book) : IBotVerb
{
    public async Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        if (await book.TappedAsync(request, cancellationToken) is not ({ } person, { } record))
        {
            return BotAnswer.Refused((request.Person is null ? Texts.Records.NotInDirectory : Texts.Records.UnknownRecord).In(language));
        }

        if (!await book.MaySeeAsync(person, record.ManagerId, cancellationToken))
        {
            var name = await book.Db.People.AsNoTracking().Where(p => p.Id == record.ManagerId).Select(p => p.DisplayName).SingleAsync(cancellationToken);
            return BotAnswer.Refused(Texts.Records.NotAllowed.Format(language, name));
        }

        return BotAnswer.WithCard(await book.CardAsync(record, person, language, cancellationToken));
    }
}

/// <summary>
/// Delete a record: only its manager, only while the lead has not verified it (verified is locked; a lead returns a record
/// instead of deleting it). The first tap shows the record with the question, the second deletes the record, its
/// decisions and its files (rows, then contents in the record store) with an audit entry. A confirmation from a card
/// older than the record's current filing asks again with the record as it stands.
/// </summary>
public sealed class DeleteRecordVerb(RecordBook book, IRecordStore store) : IBotVerb
{
    /// <summary>The lead verifying at the same moment changes the record's stamp: the delete decides again and finds it locked.</summary>
    public Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken) =>
        book.Db.AgainOnConflictAsync(() => DeleteAsync(request, cancellationToken));

    private async Task<BotAnswer> DeleteAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        if (await book.TappedAsync(request, cancellationToken) is not ({ } person, { } record))
        {
            return BotAnswer.Refused((request.Person is null ? Texts.Records.NotInDirectory : Texts.Records.UnknownRecord).In(language));
        }

        if (record.ManagerId != person.Id)
        {
            var name = await book.Db.People.AsNoTracking().Where(p => p.Id == record.ManagerId).Select(p => p.DisplayName).SingleAsync(cancellationToken);
            return BotAnswer.Refused(Texts.Records.DeleteNotYours.Format(language, name));
        }

        if (record.Locked)
        {
            return BotAnswer.Refused(Texts.Records.DeleteLocked.Format(language, record.Title, CardDates.At(record.VerifiedAt!.Value, person.Team?.TimeZone ?? "Asia/Shanghai")));
        }

        var shown = request.Card.Integer("revision");
        if (!request.Card.IsTrue("confirm") || shown != record.CurrentRevision)
        {
            var notice = request.Card.IsTrue("confirm") ? Texts.Records.StaleRevision.Format(language, shown ?? 0, record.CurrentRevision) : null;
            return BotAnswer.WithCard(RecordCards.DeleteConfirm(await book.ViewAsync(record, language, cancellationToken), language, notice));
        }

        var keys = record.Files.Select(f => f.StorageKey).ToList();
        book.Audit(request, person.Id, "record.deleted", record);
        book.Db.RemoveRange(record.Files);
        book.Db.Remove(record);
        await book.Db.SaveChangesAsync(cancellationToken);
        // The rows are gone first: a store that fails now leaves an unreferenced file for retention, never a record without its file.
        foreach (var key in keys)
        {
            await store.DeleteAsync(key, cancellationToken);
        }

        return BotAnswer.WithCard(RecordCards.Deleted(record.Title, keys.Count, language));
    }
}

/// <summary>
/// "records [YYYY-MM]" / "资料 [YYYY-MM]": the records of a month (this month by default): a manager's own; a lead's
/// or admin's, every manager's they may see. A month holds the records of its month, of the quarter and half-year it
/// falls in, and those without a period filed in it.
/// </summary>
public sealed class RecordsVerb(RecordBook book, DirectoryLookup directory, CoachingDesk desk) : IBotVerb
{
    public async Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        if (request.Person is not { } person)
        {
            return BotAnswer.Refused(Texts.Records.NotInDirectory.In(language));
        }

        var typed = UserText.Words(request.Source == RequestSource.Text ? request.Arguments : null);
        var month = RecordPeriod.Holding(RecordPeriodKind.Monthly, book.Today(person));
        if (typed.Length > 0 && !RecordPeriod.TryParse(RecordPeriodKind.Monthly, typed, out month))
        {
            return BotAnswer.Refused(Texts.Records.BadMonth.In(language));
        }

        var led = await directory.TeamsLedByAsync(person, cancellationToken);
        List<string> managers;
        if (person.IsAdmin)
        {
            managers = await book.Db.People.AsNoTracking().Where(p => p.TenantId == person.TenantId && p.TeamId != null).Select(p => p.Id).ToListAsync(cancellationToken);
        }
        else if (led.Count > 0)
        {
            managers = [.. (await desk.CoachableByAsync(person, cancellationToken)).Select(p => p.Id)];
        }
        else
        {
            managers = [person.Id];
        }

        var team = person.IsAdmin || led.Count > 0;
        string[] keys = [month.Key, RecordPeriod.Holding(RecordPeriodKind.Quarterly, month.First).Key, RecordPeriod.Holding(RecordPeriodKind.HalfYear, month.First).Key];
        var zone = TimeZoneInfo.FindSystemTimeZoneById(person.Team?.TimeZone ?? led.FirstOrDefault()?.TimeZone ?? "Asia/Shanghai");
        var from = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(month.First.ToDateTime(TimeOnly.MinValue), zone), TimeSpan.Zero);
        var to = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(month.Last.AddDays(1).ToDateTime(TimeOnly.MinValue), zone), TimeSpan.Zero);
        var rows = await book.Db.Set<ManagerRecord>().AsNoTracking()
            .Where(r => r.TenantId == person.TenantId && managers.Contains(r.ManagerId)
                && (keys.Contains(r.PeriodKey) || (r.PeriodKey == string.Empty && r.FirstFiledAt >= from && r.FirstFiledAt < to)))
            .Select(r => new { r.Id, r.KindId, r.PeriodKey, r.Title, r.ManagerId, r.Status, Files = r.Files.Count })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.ManagerId).Distinct().ToList();
        var names = await book.Db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.DisplayName, StringComparer.Ordinal, cancellationToken);
        var lines = rows
            .Select(r => new { r.Id, r.KindId, r.PeriodKey, r.Title, ManagerName = names.GetValueOrDefault(r.ManagerId, r.ManagerId), r.Status, r.Files })
            .OrderBy(r => r.ManagerName, StringComparer.Ordinal).ThenBy(r => r.KindId, StringComparer.Ordinal).ThenBy(r => r.Title, StringComparer.Ordinal)
            .Select(r =>
            {
                var kind = book.Kinds.Find(r.KindId);
                return new RecordLine(r.Id, kind?.Name(language) ?? r.KindId, RecordBook.PeriodName(kind, r.PeriodKey, language), r.Title, team ? r.ManagerName : null, r.Status, r.Files);
            }).ToList();
        var monthName = month.Name(language);
        var title = (team ? Texts.Records.ListTitleTeam : Texts.Records.ListTitle).Format(language, monthName);
        var unfiled = (await book.UnfiledAsync(person, cancellationToken)).Count;
        return BotAnswer.WithCard(RecordCards.List(title, lines, unfiled, Texts.Records.ListNone.Format(language, monthName), language));
    }
}
