using System.Globalization;
using DiligenceBot.Conversations;
using DiligenceBot.Input;
using DiligenceBot.Localization;
using DiligenceBot.Organisation;
using DiligenceBot.WorkLogs;
using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.Transfers;

/// <summary>"transfer" / "信息传递": a blank form, for anyone in the directory of a tenant that has transfers set up.</summary>
public sealed class OpenTransferVerb(TransferRegister register) : IBotVerb
{
    public async Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        if (request.Person is not { } person || person.TenantId != request.TenantId)
        {
            return BotAnswer.Refused(Texts.Transfers.NotKnown.In(language));
        }

        if (await register.SettingsAsync(request.TenantId, cancellationToken) is null || (await register.CategoriesAsync(request.TenantId, cancellationToken)).Count == 0)
        {
            return BotAnswer.Refused(Texts.Transfers.NotSetUp.In(language));
        }

        return BotAnswer.WithCard(await register.NewFormAsync(request.TenantId, Guid.NewGuid(), [], [], language, cancellationToken));
    }
}

/// <summary>
/// Send the form: validated (the form comes back with the errors and everything typed, nothing stored), routed by
/// its category, numbered in the transaction that stores it, its receivers notified. The same card delivered again
/// (its draft id) answers with the form already stored.
/// </summary>
public sealed class SubmitTransferVerb(TransferRegister register, ILogger<SubmitTransferVerb> logger) : IBotVerb
{
    // Two conflicts can meet in one submission: the year's first number taken at the same moment, then a copy of
    // this very card stored first.
    public Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken) =>
        register.AgainOnConflictAsync(() => SubmitAsync(request, cancellationToken), attempts: 3);

    private async Task<BotAnswer> SubmitAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        if (request.Person is not { } provider || provider.TenantId != request.TenantId)
        {
            return BotAnswer.Refused(Texts.Transfers.NotKnown.In(language));
        }

        if (request.Card.Guid("draftId") is not { } draftId)
        {
            return BotAnswer.Refused(Texts.Common.CardOutOfDate.In(language));
        }

        if (await register.SettingsAsync(request.TenantId, cancellationToken) is not { } settings)
        {
            return BotAnswer.Refused(Texts.Transfers.NotSetUp.In(language));
        }

        var stored = await register.Db.Set<TransferForm>().Include(f => f.Steps)
            .SingleOrDefaultAsync(f => f.TenantId == request.TenantId && f.DraftId == draftId, cancellationToken);
        if (stored is not null)
        {
            if (stored.ProviderId != provider.Id)
            {
                Log.TransferRefused(logger, request.Verb, stored.Number, provider.Id, "someone else's draft");
                return BotAnswer.Refused(Texts.Transfers.NotYourForm.In(language));
            }

            return BotAnswer.WithCard(await register.CardAsync(stored, provider, language, cancellationToken));
        }

        var typed = request.Card.Inputs([TransferCards.CategoryInput, TransferCards.UrgencyInput, TransferCards.ContentInput, TransferCards.RequestInput, TransferCards.CustomerInput]);
        var categories = await register.CategoriesAsync(request.TenantId, cancellationToken);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (TransferValidation.CheckNewForm(typed, categories, language, errors) is not { } valid)
        {
            return BotAnswer.WithCard(await register.NewFormAsync(request.TenantId, draftId, typed, errors, language, cancellationToken));
        }

        if (await register.RouteAsync(valid.Category, settings, cancellationToken) is not { } post)
        {
            return BotAnswer.Refused(Texts.Transfers.NoRoute.In(language));
        }

        var now = register.Now;
        var form = new TransferForm
        {
            Id = Guid.NewGuid(),
            TenantId = request.TenantId,
            Number = string.Empty,
            DraftId = draftId,
            ProviderId = provider.Id,
            ProviderTeamId = provider.TeamId,
            CategoryId = valid.Category.Id,
            Urgency = valid.Urgency,
            Content = valid.Content,
            Request = valid.Request,
            Customer = valid.Customer,
            PostId = post.Id,
            State = TransferState.Sent,
            Revision = 1,
            SentAt = now,
            ConcurrencyStamp = Guid.NewGuid(),
        };
        form.Steps.Add(new TransferStep
        {
            FromRevision = 0,
            Kind = TransferStepKind.Submitted,
            ActorId = provider.Id,
            At = now,
            ToPostId = post.Id,
            SourceActivityId = request.Activity.Id,
        });
        register.StartDeadlines(form, valid.Category.For(valid.Urgency), post, now, acknowledgementDue: true);
        register.Audit(request, provider.Id, "transfer.submitted", form);
        var receivers = await register.ReceiversAsync(post, cancellationToken);
        foreach (var receiver in receivers)
        {
            register.Notify(TransferRegister.Routed, form, receiver.Id);
        }

        await register.StoreNewAsync(form, settings, cancellationToken);
        Log.TransferSubmitted(logger, form.Number, form.Id, post.Id);
        register.WakeNotifications();
        var notice = await register.AnyReachableAsync(receivers, cancellationToken)
            ? Texts.Transfers.SentNotice.Format(language, form.Number, post.Name(language))
            : Texts.Transfers.ReceiversUnreachable.Format(language, post.Name(language));
        return BotAnswer.WithCard(await register.CardAsync(form, provider, language, cancellationToken, notice));
    }
}

/// <summary>The form's current card for whoever may see it (also the Universal Actions refresh); others are refused.</summary>
public sealed class ViewTransferVerb(TransferRegister register) : IBotVerb
{
    public async Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        if (request.Card.Guid("formId") is not { } id || await register.LoadAsync(id, request.TenantId, cancellationToken) is not { } form)
        {
            return BotAnswer.Refused(Texts.Transfers.UnknownForm.In(language));
        }

        if (request.Person is not { } person || !(await register.RolesAsync(form, person, cancellationToken)).MaySee)
        {
            return BotAnswer.Refused(Texts.Transfers.NotYourForm.In(language));
        }

        return BotAnswer.WithCard(await register.CardAsync(form, person, language, cancellationToken));
    }
}

/// <summary>
/// The steps of a form's life from its card: Acknowledge, Handle, Forward (receivers and their post's lead), Close
/// and Reopen (the provider). A step applies to the revision its card shows (unique per form and revision): the
/// same step delivered again gets the same answer and changes nothing; a different step on a card that has moved
/// on, or a step the form's state does not allow, gets the current card with a notice; anyone else is refused.
/// </summary>
public sealed class TransferStepVerb(TransferRegister register, ILogger<TransferStepVerb> logger) : IBotVerb
{
    // Someone (or a re-delivered copy) took a step on this revision at the same moment: answer from what is stored.
    public Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken) =>
        register.AgainOnConflictAsync(() => StepAsync(request, cancellationToken));

    private static TransferStepKind KindOf(string verb) => verb switch
    {
        TransferCards.AcknowledgeVerb => TransferStepKind.Acknowledged,
        TransferCards.HandleVerb => TransferStepKind.Handled,
        TransferCards.ForwardVerb => TransferStepKind.Forwarded,
        TransferCards.CloseVerb => TransferStepKind.Closed,
        TransferCards.ReopenVerb => TransferStepKind.Reopened,
        _ => throw new InvalidOperationException($"{verb} is not a transfer step."),
    };

    private async Task<BotAnswer> StepAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        var kind = KindOf(request.Verb);
        if (request.Person is not { } person || person.TenantId != request.TenantId)
        {
            return BotAnswer.Refused(Texts.Transfers.NotKnown.In(language));
        }

        if (request.Card.Guid("formId") is not { } id || await register.LoadAsync(id, request.TenantId, cancellationToken) is not { } form)
        {
            return BotAnswer.Refused(Texts.Transfers.UnknownForm.In(language));
        }

        if (request.Card.Integer("revision") is not { } revision)
        {
            return BotAnswer.Refused(Texts.Common.CardOutOfDate.In(language));
        }

        if (!CardData.WasIssued(revision, form.Revision))
        {
            return BotAnswer.Refused(Texts.Input.NotIssued.Format(language, revision));
        }

        var taken = form.Steps.SingleOrDefault(s => s.FromRevision == revision);
        if (taken is not null && taken.ActorId == person.Id && taken.Kind == kind)
        {
            // The same step delivered again: the answer it already had.
            return BotAnswer.WithCard(await register.CardAsync(form, person, language, cancellationToken));
        }

        var roles = await register.RolesAsync(form, person, cancellationToken);
        var byProvider = kind is TransferStepKind.Closed or TransferStepKind.Reopened;
        if (byProvider ? !roles.IsProvider : !roles.IsReceiver)
        {
            Log.TransferRefused(logger, request.Verb, form.Number, person.Id, byProvider ? "not the provider" : "not a receiver");
            if (byProvider)
            {
                var provider = await register.PersonAsync(form.ProviderId, cancellationToken);
                return BotAnswer.Refused(Texts.Transfers.NotTheProvider.Format(language, provider?.DisplayName ?? form.ProviderId));
            }

            var posts = await register.PostsAsync(form.TenantId, cancellationToken);
            return BotAnswer.Refused(Texts.Transfers.NotAReceiver.Format(language, TransferCards.PostName(posts.ToDictionary(p => p.Id), form.PostId, language)));
        }

        if (taken is not null)
        {
            var settings = await register.SettingsAsync(form.TenantId, cancellationToken);
            var who = await register.PersonAsync(taken.ActorId, cancellationToken);
            return BotAnswer.WithCard(await register.CardAsync(form, person, language, cancellationToken,
                Texts.Transfers.AlreadyDone.Format(language, who?.DisplayName ?? taken.ActorId, Did(taken.Kind).In(language), TransferRegister.Local(taken.At, settings?.TimeZone ?? TransferSettings.DefaultTimeZone))));
        }

        if (revision != form.Revision)
        {
            return BotAnswer.WithCard(await register.CardAsync(form, person, language, cancellationToken,
                Texts.Transfers.Stale.Format(language, TransferCards.StateText(form, language))));
        }

        var allowed = kind switch
        {
            TransferStepKind.Acknowledged => form.State == TransferState.Sent,
            TransferStepKind.Handled or TransferStepKind.Forwarded => form.IsOpen,
            _ => form.State == TransferState.Handled,
        };
        if (!allowed)
        {
            return BotAnswer.WithCard(await register.CardAsync(form, person, language, cancellationToken,
                Texts.Transfers.WrongState.Format(language, TransferCards.StateText(form, language))));
        }

        if (kind == TransferStepKind.Reopened && form.ReopenCount > 0)
        {
            return BotAnswer.WithCard(await register.CardAsync(form, person, language, cancellationToken, Texts.Transfers.ReopenedOnce.In(language)));
        }

        var typed = request.Card.Inputs([TransferCards.OpinionInput, TransferCards.FeedbackInput, TransferCards.PostInput,
            TransferCards.ForwardReasonInput, TransferCards.RatingInput, TransferCards.CommentInput, TransferCards.ReopenReasonInput]);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var now = register.Now;
        var step = new TransferStep
        {
            FormId = form.Id,
            FromRevision = revision,
            Kind = kind,
            ActorId = person.Id,
            At = now,
            FromPostId = form.PostId,
            SourceActivityId = request.Activity.Id,
        };
        var notify = new List<(string Kind, string RecipientId)>();
        switch (kind)
        {
            case TransferStepKind.Acknowledged:
                form.State = TransferState.Acknowledged;
                form.ReceivedAt = now;
                form.ReceivedById = person.Id;
                break;

            case TransferStepKind.Handled:
                var opinion = TransferValidation.Text(typed, TransferCards.OpinionInput, Texts.Transfers.Opinion, TransferLimits.Opinion, required: true, language, errors);
                var feedback = TransferValidation.Text(typed, TransferCards.FeedbackInput, Texts.Transfers.Feedback, TransferLimits.Reason, required: false, language, errors);
                if (errors.Count > 0)
                {
                    break;
                }

                // Handling without acknowledging first still receives the form: the time received is stamped too.
                form.ReceivedAt ??= now;
                form.ReceivedById ??= person.Id;
                form.State = TransferState.Handled;
                form.HandledAt = now;
                form.HandledById = person.Id;
                form.HandlingOpinion = opinion;
                form.Feedback = feedback;
                step.Text = opinion;
                notify.Add((TransferRegister.Handled, form.ProviderId));
                break;

            case TransferStepKind.Forwarded:
                var reason = TransferValidation.Text(typed, TransferCards.ForwardReasonInput, Texts.Transfers.ForwardReason, TransferLimits.Reason, required: true, language, errors);
                var targetId = UserText.Clean(typed.GetValueOrDefault(TransferCards.PostInput));
                var target = (await register.PostsAsync(form.TenantId, cancellationToken)).SingleOrDefault(p => p.Id == targetId && p.Active && p.Id != form.PostId);
                var receivers = target is null ? [] : await register.ReceiversAsync(target, cancellationToken);
                if (receivers.Count == 0)
                {
                    errors[TransferCards.PostInput] = Texts.Transfers.ErrorPost.In(language);
                }

                if (errors.Count > 0)
                {
                    break;
                }

                var category = await register.Db.Set<TransferCategory>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == form.CategoryId, cancellationToken);
                form.PostId = target!.Id;
                form.State = TransferState.Sent;
                form.ReceivedAt = null;
                form.ReceivedById = null;
                register.StartDeadlines(form, category?.For(form.Urgency) ?? new TransferDeadlines(), target, now, acknowledgementDue: true);
                step.ToPostId = target.Id;
                step.Text = reason;
                notify.AddRange(receivers.Select(r => (TransferRegister.Routed, r.Id)));
                break;

            case TransferStepKind.Closed:
                var rating = TransferValidation.Rating(typed, TransferCards.RatingInput, language, errors);
                var comment = TransferValidation.Text(typed, TransferCards.CommentInput, Texts.Transfers.Comment, TransferLimits.Reason, required: false, language, errors);
                if (errors.Count > 0)
                {
                    break;
                }

                form.State = TransferState.Closed;
                form.ClosedAt = now;
                form.HandlingRating = rating;
                form.ClosingComment = comment;
                step.Rating = rating;
                step.Text = comment;
                if (form.HandledById is { } handler)
                {
                    notify.Add((TransferRegister.Closed, handler));
                }

                break;

            case TransferStepKind.Reopened:
                var why = TransferValidation.Text(typed, TransferCards.ReopenReasonInput, Texts.Transfers.ReopenReason, TransferLimits.Reason, required: true, language, errors);
                if (errors.Count > 0)
                {
                    break;
                }

                var post = (await register.PostsAsync(form.TenantId, cancellationToken)).Single(p => p.Id == form.PostId);
                var reopenedCategory = await register.Db.Set<TransferCategory>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == form.CategoryId, cancellationToken);
                form.State = TransferState.Reopened;
                form.ReopenCount++;
                form.ReopenReason = why;
                register.StartDeadlines(form, reopenedCategory?.For(form.Urgency) ?? new TransferDeadlines(), post, now, acknowledgementDue: false);
                step.Text = why;
                var again = (await register.ReceiversAsync(post, cancellationToken)).Select(r => r.Id).Append(form.HandledById).OfType<string>().Distinct(StringComparer.Ordinal);
                notify.AddRange(again.Select(r => (TransferRegister.Reopened, r)));
                break;
        }

        if (errors.Count > 0)
        {
            // Every case checks before it changes anything: the form is as stored.
            return BotAnswer.WithCard(await register.CardAsync(form, person, language, cancellationToken, null, typed, errors));
        }

        form.Revision++;
        form.ConcurrencyStamp = Guid.NewGuid();
        form.Steps.Add(step);
        register.Audit(request, person.Id, AuditAction(kind), form);
        foreach (var (what, recipient) in notify)
        {
            register.Notify(what, form, recipient);
        }

        await register.Db.SaveChangesAsync(cancellationToken);
        Log.TransferStep(logger, form.Number, kind.ToString(), form.Revision, person.Id);
        register.WakeNotifications();
        return BotAnswer.WithCard(await register.CardAsync(form, person, language, cancellationToken));
    }

    private static string AuditAction(TransferStepKind kind) => "transfer." + kind.ToString().ToLowerInvariant();

    internal static Text Did(TransferStepKind kind) => kind switch
    {
        TransferStepKind.Submitted => Texts.Transfers.DidSubmit,
        TransferStepKind.Acknowledged => Texts.Transfers.DidAcknowledge,
        TransferStepKind.Handled => Texts.Transfers.DidHandle,
        TransferStepKind.Forwarded => Texts.Transfers.DidForward,
        TransferStepKind.Reopened => Texts.Transfers.DidReopen,
        _ => Texts.Transfers.DidClose,
    };
}

/// <summary>The provider's lead (or a delegate) rates the value of the information, 1–5; the same rating again changes nothing.</summary>
public sealed class RateValueVerb(TransferRegister register, ILogger<RateValueVerb> logger) : IBotVerb
{
    // A step was taken on the form at the same moment: rate again on what is stored now.
    public Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken) =>
        register.AgainOnConflictAsync(() => RateAsync(request, cancellationToken));

    private async Task<BotAnswer> RateAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        if (request.Card.Guid("formId") is not { } id || await register.LoadAsync(id, request.TenantId, cancellationToken) is not { } form)
        {
            return BotAnswer.Refused(Texts.Transfers.UnknownForm.In(language));
        }

        if (request.Person is not { } lead || !(await register.RolesAsync(form, lead, cancellationToken)).IsValueRater)
        {
            Log.TransferRefused(logger, request.Verb, form.Number, request.Person?.Id, "not a lead of the provider's team");
            return BotAnswer.Refused(Texts.Transfers.NotTheLead.In(language));
        }

        var typed = request.Card.Inputs([TransferCards.ValueInput]);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (TransferValidation.Rating(typed, TransferCards.ValueInput, language, errors) is not { } value)
        {
            return BotAnswer.WithCard(await register.CardAsync(form, lead, language, cancellationToken, null, typed, errors));
        }

        if (form.ValueRating != value || form.ValueRatedById != lead.Id)
        {
            form.ValueRating = value;
            form.ValueRatedById = lead.Id;
            form.ValueRatedAt = register.Now;
            form.ConcurrencyStamp = Guid.NewGuid();
            register.Audit(request, lead.Id, "transfer.value-rated", form);
            await register.Db.SaveChangesAsync(cancellationToken);
            Log.TransferValueRated(logger, form.Number, value, lead.Id);
        }

        return BotAnswer.WithCard(await register.CardAsync(form, lead, language, cancellationToken));
    }
}

/// <summary>"my forms" / "我的信息表": the provider's last ten forms and where each one is.</summary>
public sealed class MyFormsVerb(TransferRegister register) : IBotVerb
{
    public async Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        if (request.Person is not { } person || person.TenantId != request.TenantId)
        {
            return BotAnswer.Refused(Texts.Transfers.NotKnown.In(language));
        }

        var forms = await register.Db.Set<TransferForm>().AsNoTracking()
            .Where(f => f.ProviderId == person.Id && f.TenantId == request.TenantId)
            .OrderByDescending(f => f.Year).ThenByDescending(f => f.Sequence)
            .Take(10)
            .ToListAsync(cancellationToken);
        var categories = await Lists.CategoryNamesAsync(register, request.TenantId, language, cancellationToken);
        var rows = forms.Select(f => new TransferCards.ListRow(f,
            $"{f.Number} · {categories.GetValueOrDefault(f.CategoryId, f.CategoryId)} · {TransferCards.StateText(f, language)}",
            f.State == TransferState.Handled)).ToList();
        var refresh = TransferCards.ListRefresh(TransferCards.MineVerb, await register.TeamsUserIdAsync(person, cancellationToken));
        return BotAnswer.WithCard(TransferCards.List(Texts.Transfers.MyFormsTitle.In(language), rows, Texts.Transfers.NoFormsYet.In(language), language, null, refresh));
    }
}

/// <summary>"forms to handle" / "待处理信息": open forms at the posts the person is in (or leads), the most pressing deadline first.</summary>
public sealed class InboxVerb(TransferRegister register) : IBotVerb
{
    public async Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        if (request.Person is not { } person || person.TenantId != request.TenantId)
        {
            return BotAnswer.Refused(Texts.Transfers.NotKnown.In(language));
        }

        var posts = (await register.PostsAsync(request.TenantId, cancellationToken)).Where(p => p.IsReceiver(person.Id)).Select(p => p.Id).ToList();
        if (posts.Count == 0)
        {
            return BotAnswer.Refused(Texts.Transfers.NotAReceiverAnywhere.In(language));
        }

        var open = new[] { TransferState.Sent, TransferState.Acknowledged, TransferState.Reopened };
        var forms = await register.Db.Set<TransferForm>().AsNoTracking()
            .Where(f => f.TenantId == request.TenantId && posts.Contains(f.PostId) && open.Contains(f.State))
            .ToListAsync(cancellationToken);
        var settings = await register.SettingsAsync(request.TenantId, cancellationToken);
        var zone = settings?.TimeZone ?? TransferSettings.DefaultTimeZone;
        var categories = await Lists.CategoryNamesAsync(register, request.TenantId, language, cancellationToken);
        var now = register.Now;
        var rows = forms
            .Select(f => (Form: f, Due: f.State == TransferState.Sent ? f.AckDueAt : f.HandleDueAt))
            .OrderBy(x => x.Due).ThenBy(x => x.Form.Urgency == TransferUrgency.Urgent ? 0 : 1).ThenBy(x => x.Form.Sequence)
            .Take(20)
            .Select(x => new TransferCards.ListRow(x.Form,
                string.Join(" · ", x.Form.Number, categories.GetValueOrDefault(x.Form.CategoryId, x.Form.CategoryId), TransferCards.UrgencyName(x.Form.Urgency, language),
                    TransferCards.StateText(x.Form, language), Texts.Transfers.Due.Format(language, TransferRegister.Local(x.Due, zone))),
                x.Due <= now))
            .ToList();
        var refresh = TransferCards.ListRefresh(TransferCards.InboxVerb, await register.TeamsUserIdAsync(person, cancellationToken));
        return BotAnswer.WithCard(TransferCards.List(Texts.Transfers.InboxTitle.In(language), rows, Texts.Transfers.InboxEmpty.In(language), language, null, refresh));
    }
}

/// <summary>
/// "forms today [date]" / "今日信息 [日期]": the lead's daily check of the team's forms — how many, where each one
/// is, which were escalated — each a tap away from its card, where the lead rates the information's value.
/// </summary>
public sealed class FormsTodayVerb(TransferRegister register) : IBotVerb
{
    public async Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        if (request.Person is not { } person || person.TenantId != request.TenantId)
        {
            return BotAnswer.Refused(Texts.Transfers.NotALead.In(language));
        }

        var teams = await LeadTeams.ReviewedByAsync(register.Db, request.TenantId, person.Id, cancellationToken);
        if (teams.Count == 0)
        {
            return BotAnswer.Refused(Texts.Transfers.NotALead.In(language));
        }

        // Typed after the command, or carried by the list's own refresh; otherwise each team's today, in its time zone.
        var argument = request.Arguments.Trim() is { Length: > 0 } typed ? typed : UserText.Clean(request.Card.String("date"));
        DateOnly? asked = null;
        if (argument.Length > 0)
        {
            if (!DateOnly.TryParseExact(argument, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                return BotAnswer.Refused(Texts.Transfers.BadDate.Format(language, argument.Length > 20 ? argument[..20] : argument));
            }

            asked = d;
        }

        // Every team the person leads, grouped by team (as "team logs").
        var categories = await Lists.CategoryNamesAsync(register, request.TenantId, language, cancellationToken);
        var single = teams.Count == 1;
        var groups = new List<TeamGroup>();
        string? firstDay = null;
        foreach (var team in teams)
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(team.TimeZone);
            var date = asked ?? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(register.Now, zone).DateTime);
            var from = Start(zone, date);
            var to = Start(zone, date.AddDays(1));
            var forms = await register.Db.Set<TransferForm>().AsNoTracking()
                .Where(f => f.TenantId == request.TenantId && f.ProviderTeamId == team.Id && f.SentAt >= from && f.SentAt < to)
                .OrderBy(f => f.Sequence)
                .ToListAsync(cancellationToken);
            var day = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            firstDay ??= day;
            groups.Add(new TeamGroup(team.Id, Texts.Transfers.TodayTitle.Format(language, TransferCards.TeamName(team, language), CardDates.Long(date, language)),
                await TeamFormsAsync(forms, categories, language, team.Id, single, cancellationToken)));
        }

        var refresh = TransferCards.ListRefresh(TransferCards.TodayVerb, await register.TeamsUserIdAsync(person, cancellationToken), asked is null ? firstDay : argument);
        return BotAnswer.WithCard(LeadTeams.Card(Texts.Transfers.TodayTitleTeams.In(language), groups, refresh: refresh));
    }

    /// <summary>A team's forms of the day: the counts, then a row per form (or that nobody sent one).</summary>
    private async Task<IReadOnlyList<BotFramework.Cards.CardElement>> TeamFormsAsync(List<TransferForm> forms, Dictionary<string, string> categories, Language language,
        string teamId, bool single, CancellationToken cancellationToken)
    {
        var providerIds = forms.Select(f => f.ProviderId).Distinct().ToList();
        var names = await register.Db.People.AsNoTracking().Where(p => providerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.DisplayName, cancellationToken);
        var rows = forms.Select(f =>
        {
            var parts = new List<string> { names.GetValueOrDefault(f.ProviderId, f.ProviderId), f.Number, categories.GetValueOrDefault(f.CategoryId, f.CategoryId), TransferCards.StateText(f, language) };
            if (f.ValueRating is { } v)
            {
                parts.Add($"{Texts.Transfers.ValueRating.In(language)} {Texts.Transfers.RatingValue.Format(language, v)}");
            }

            return new TransferCards.ListRow(f, string.Join(" · ", parts), f.IsOpen && (f.AckEscalatedAt is not null || f.HandleEscalatedAt is not null));
        }).ToList();
        var counts = Texts.Transfers.TodayCounts.Format(language, forms.Count,
            forms.Count(f => f.State == TransferState.Sent),
            forms.Count(f => f.State is TransferState.Acknowledged or TransferState.Reopened),
            forms.Count(f => f.State == TransferState.Handled),
            forms.Count(f => f.State == TransferState.Closed),
            forms.Count(f => f.AckEscalatedAt is not null || f.HandleEscalatedAt is not null));
        return TransferCards.ListItems(rows, Texts.Transfers.TodayEmpty.In(language), language, counts, id => LeadTeams.Id(id, teamId, single));
    }

    private static DateTimeOffset Start(TimeZoneInfo zone, DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}

internal static class Lists
{
    public static async Task<Dictionary<string, string>> CategoryNamesAsync(TransferRegister register, string tenantId, Language language, CancellationToken cancellationToken) =>
        (await register.Db.Set<TransferCategory>().AsNoTracking().Where(c => c.TenantId == tenantId).ToListAsync(cancellationToken))
            .ToDictionary(c => c.Id, c => c.Name(language), StringComparer.Ordinal);
}
