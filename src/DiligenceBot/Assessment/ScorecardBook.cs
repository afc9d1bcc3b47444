using System.Globalization;
using DiligenceBot.Audit;
using DiligenceBot.Conversations;
using DiligenceBot.Data;
using DiligenceBot.Input;
using DiligenceBot.Localization;
using DiligenceBot.Notifications;
using DiligenceBot.Organisation;
using DiligenceBot.Records;
using DiligenceBot.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DiligenceBot.Assessment;

/// <summary>The published scorecards' settings (section <c>Scorecards</c>), checked at start-up.</summary>
public sealed class ScorecardOptions
{
    public const string SectionName = "Scorecards";

    /// <summary>The working days (the team's calendar) after the day of publication within which the manager acknowledges or objects.</summary>
    public int ResponseWorkingDays { get; set; } = 3;

    /// <summary>The tenants (ids) whose managers see where they rank in their team on their own scorecard; none by default.</summary>
    public List<string> RankingShownToManagers { get; set; } = [];

    public bool ShowsRanking(string tenantId) => RankingShownToManagers.Contains(tenantId, StringComparer.Ordinal);
}

internal sealed class ScorecardOptionsValidator : IValidateOptions<ScorecardOptions>
{
    public ValidateOptionsResult Validate(string? name, ScorecardOptions options)
    {
        var problems = new List<string>();
        if (options.ResponseWorkingDays is < 1 or > 20)
        {
            problems.Add($"{ScorecardOptions.SectionName}:ResponseWorkingDays must be 1-20 (working days to acknowledge or object), not {options.ResponseWorkingDays}.");
        }

        if (options.RankingShownToManagers.Any(t => string.IsNullOrWhiteSpace(t) || t.Length > 64))
        {
            problems.Add($"{ScorecardOptions.SectionName}:RankingShownToManagers lists tenant ids (1-64 characters).");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}

/// <summary>
/// The published scorecards' store and rules: what the lead's draft card sent becomes a snapshot (every not-measured
/// indicator scored within its points with a reason, every adjustment within its dimension's bounds with a reason),
/// published once; the manager acknowledges or objects by the deadline; the lead's own manager (or, when the lead reports
/// to nobody, an admin) upholds or amends. Each change is stored with its audit entry and its messages in one save.
/// </summary>
public sealed class ScorecardBook(
    DiligenceDbContext db,
    ScorecardRules rules,
    HolidayCalendars calendars,
    IOptions<ScorecardOptions> options,
    TimeProvider time,
    NotificationDispatcher dispatcher)
{
    public const string Published = "scorecard.published";
    public const string Objected = "scorecard.objected";
    public const string Decided = "scorecard.decided";
    public const string SubjectType = "PublishedScorecard";

    public DiligenceDbContext Db => db;
    public ScorecardRules Rules => rules;
    public ScorecardOptions Options => options.Value;
    public DateTimeOffset Now => time.GetUtcNow();

    public IQueryable<PublishedScorecard> Scorecards => db.Set<PublishedScorecard>().Include(s => s.Dimensions).Include(s => s.Indicators);

    public Task<PublishedScorecard?> FindAsync(string tenantId, string managerId, RecordPeriod period, CancellationToken cancellationToken) =>
        Scorecards.SingleOrDefaultAsync(s => s.TenantId == tenantId && s.ManagerId == managerId && s.PeriodKey == period.Key, cancellationToken);

    public Task<PublishedScorecard?> FindAsync(string tenantId, Guid id, CancellationToken cancellationToken) =>
        Scorecards.SingleOrDefaultAsync(s => s.TenantId == tenantId && s.Id == id, cancellationToken);

    /// <summary>The person who tapped a published scorecard's button and the scorecard its data names (of their tenant), or the refusal.</summary>
    public async Task<(Person Person, PublishedScorecard? Card, BotAnswer? Refusal)> TappedAsync(BotRequest request, CancellationToken cancellationToken)
    {
        if (request.Person is not { } person || person.TenantId != request.TenantId)
        {
            return (null!, null, BotAnswer.Refused(Texts.Scorecards.NotInDirectory.In(request.Language)));
        }

        return request.Card.Guid("scorecardId") is { } id && await FindAsync(person.TenantId, id, cancellationToken) is { } card
            ? (person, card, null)
            : (person, null, BotAnswer.Refused(Texts.Common.CardOutOfDate.In(request.Language)));
    }

    /// <summary>The manager's published scorecard of the same kind (month or quarter) before this one, for the change since then.</summary>
    public async Task<PublishedScorecard?> PreviousAsync(PublishedScorecard card, CancellationToken cancellationToken)
    {
        var kind = card.Period.Kind;
        // A manager has a few a year: read them and compare the keys here (2026-11 < 2026-12; 2026-Q3 < 2026-Q4).
        var all = await Scorecards.AsNoTracking().Where(s => s.TenantId == card.TenantId && s.ManagerId == card.ManagerId).ToListAsync(cancellationToken);
        return all.Where(s => s.Period.Kind == kind && string.CompareOrdinal(s.PeriodKey, card.PeriodKey) < 0).MaxBy(s => s.PeriodKey, StringComparer.Ordinal);
    }

    /// <summary>The manager's place among the team's published scorecards of the period (1 is the highest total), and how many there are.</summary>
    public async Task<(int Rank, int Of)> RankAsync(PublishedScorecard card, CancellationToken cancellationToken)
    {
        var team = await Scorecards.AsNoTracking()
            .Where(s => s.TenantId == card.TenantId && s.TeamId == card.TeamId && s.PeriodKey == card.PeriodKey)
            .ToListAsync(cancellationToken);
        var mine = Total(card);
        return (team.Count(s => Total(s) > mine) + 1, team.Count);
    }

    /// <summary>The total that counts: the amended dimensions' points when amended, else as published.</summary>
    public static decimal Total(PublishedScorecard card) => card.Dimensions.Count == 0 ? card.Total : card.Dimensions.Sum(d => d.Points);

    public Task<Team> TeamAsync(PublishedScorecard card, CancellationToken cancellationToken) =>
        db.Teams.AsNoTracking().SingleAsync(t => t.Id == card.TeamId, cancellationToken);

    public async Task<Dictionary<string, string>> NamesAsync(IEnumerable<string?> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return await db.People.AsNoTracking().Where(p => wanted.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.DisplayName, StringComparer.Ordinal, cancellationToken);
    }

    /// <summary>The team's local date now.</summary>
    public DateOnly Today(Team team) => team.LocalDate(time.GetUtcNow());

    /// <summary>Whether the deadline to acknowledge or object has passed (the whole of <see cref="PublishedScorecard.RespondBy"/> counts).</summary>
    public bool PastDeadline(PublishedScorecard card, Team team) => Today(team) > card.RespondBy;

    /// <summary>The people who decide an objection: the lead's own manager, or, when the lead reports to nobody, the tenant's admins (never the lead or the manager).</summary>
    public Task<List<string>> DecidersAsync(PublishedScorecard card, CancellationToken cancellationToken) =>
        AssessmentDeciders.OfAsync(db, card.TenantId, card.DeciderId, card.TeamId, card.ManagerId, card.PublishedById, cancellationToken);

    /// <summary>
    /// Reads the lead's scores and adjustments from the draft card's inputs: each not-measured indicator's points
    /// (0 to its points, to one decimal) with a reason; each dimension's adjustment (empty is none; within ±maxAdjustment
    /// and keeping the dimension within 0 and its weight) with a reason. The errors are per input, the typed values kept.
    /// </summary>
    public static DraftForm ReadForm(Scorecard draft, CardData card, Language language)
    {
        var keys = draft.NotMeasured.SelectMany(i => new[] { ScorecardCards.ScoreInput(i.Indicator.Id), ScorecardCards.ScoreReasonInput(i.Indicator.Id) })
            .Concat(draft.Dimensions.SelectMany(d => new[] { ScorecardCards.AdjustInput(d.Dimension.Id), ScorecardCards.AdjustReasonInput(d.Dimension.Id) }));
        var typed = card.Inputs(keys);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var scores = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var adjustments = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var unscored = new List<string>();
        string Typed(string key) => UserText.Clean(typed.GetValueOrDefault(key));

        foreach (var dimension in draft.Dimensions)
        {
            var scored = dimension.Measured;
            foreach (var indicator in dimension.Indicators.Where(i => !i.Measured))
            {
                var id = indicator.Indicator.Id;
                var name = indicator.Indicator.Name(language);
                var text = Typed(ScorecardCards.ScoreInput(id));
                if (text.Length == 0)
                {
                    errors[ScorecardCards.ScoreInput(id)] = Texts.Scorecards.ScoreMissing.Format(language, name);
                    unscored.Add(name);
                }
                else if (Points(text, 0, indicator.Indicator.Points, Texts.Scorecards.ScoreLabel.Format(language, name, Format(indicator.Indicator.Points)), language, out var points) is { } error)
                {
                    errors[ScorecardCards.ScoreInput(id)] = error;
                }
                else
                {
                    scores[id] = points;
                    scored += points;
                }

                if (Typed(ScorecardCards.ScoreReasonInput(id)).Length == 0)
                {
                    errors[ScorecardCards.ScoreReasonInput(id)] = Texts.Scorecards.ScoreReasonMissing.Format(language, name);
                }
            }

            var key = dimension.Dimension.Id;
            var dimensionName = dimension.Dimension.Name(language);
            var adjustText = Typed(ScorecardCards.AdjustInput(key));
            var max = dimension.Dimension.MaxAdjustment;
            if (adjustText.Length == 0)
            {
                continue;
            }

            if (Points(adjustText, -max, max, Texts.Scorecards.AdjustLabel.Format(language, dimensionName, Format(max)), language, out var delta) is { } adjustError)
            {
                errors[ScorecardCards.AdjustInput(key)] = adjustError;
                continue;
            }

            if (delta == 0)
            {
                continue;
            }

            if (!dimension.MayAdjust(scored, delta))
            {
                errors[ScorecardCards.AdjustInput(key)] = Texts.Scorecards.AdjustOutOfBounds.Format(language, dimensionName, Format(scored + delta), Format(dimension.Dimension.Weight));
            }
            else if (Typed(ScorecardCards.AdjustReasonInput(key)).Length == 0)
            {
                errors[ScorecardCards.AdjustReasonInput(key)] = Texts.Scorecards.AdjustReasonMissing.Format(language, dimensionName);
            }
            else
            {
                adjustments[key] = delta;
            }
        }

        foreach (var (key, value) in typed.Where(t => t.Key.Contains("Reason.", StringComparison.Ordinal)).ToList())
        {
            if (UserText.Clean(value).Length > ScorecardLimits.Reason)
            {
                errors[key] = Texts.Scorecards.ReasonTooLong.Format(language, ScorecardLimits.Reason);
            }
        }

        return new DraftForm(typed, errors, scores, adjustments, unscored);
    }

    /// <summary>Points typed into a card: a number within the bounds, to one decimal.</summary>
    public static string? Points(string text, decimal min, decimal max, string label, Language language, out decimal points)
    {
        points = 0;
        if (UserNumber.Check(text, (double)min, (double)max, label, language, out var value) is { } error)
        {
            return error;
        }

        points = (decimal)value;
        if (Math.Round(points, 1) != points)
        {
            return Texts.Scorecards.OneDecimal.Format(language, label);
        }

        return null;
    }

    public static string Format(decimal points) => points.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>
    /// Publishes the draft with the lead's scores and adjustments (the form read without errors): the snapshot, its
    /// deadline (<see cref="ScorecardOptions.ResponseWorkingDays"/> working days after today in the team's calendar), the
    /// audit entry and the manager's message, in one save. Null when it was published meanwhile (the unique key).
    /// </summary>
    public async Task<PublishedScorecard?> PublishAsync(BotRequest request, Person lead, Person manager, RecordPeriod period, Scorecard draft, DraftForm form, CancellationToken cancellationToken)
    {
        var team = manager.Team!;
        var now = time.GetUtcNow();
        var card = new PublishedScorecard
        {
            Id = Guid.NewGuid(),
            TenantId = manager.TenantId,
            TeamId = team.Id,
            ManagerId = manager.Id,
            PeriodKey = period.Key,
            State = ScorecardState.Published,
            PublishedById = lead.Id,
            PublishedAt = now,
            RespondBy = ScheduleMath.WorkingDaysAfter(calendars.ScheduleOf(team), team.LocalDate(now), options.Value.ResponseWorkingDays),
            DeciderId = await AssessmentDeciders.AboveAsync(db, team, lead, cancellationToken),
            ConcurrencyStamp = Guid.NewGuid(),
        };
        var order = 0;
        foreach (var dimension in draft.Dimensions)
        {
            var scored = 0m;
            foreach (var indicator in dimension.Indicators)
            {
                var points = indicator.Points ?? form.Scores[indicator.Indicator.Id];
                scored += points;
                card.Indicators.Add(new PublishedIndicator
                {
                    DimensionId = dimension.Dimension.Id,
                    IndicatorId = indicator.Indicator.Id,
                    NameEn = indicator.Indicator.NameEn,
                    NameZh = indicator.Indicator.NameZh,
                    Source = indicator.Indicator.Source,
                    Order = order++,
                    MaxPoints = indicator.Indicator.Points,
                    Value = indicator.Value,
                    Points = points,
                    Reason = indicator.Measured ? null : form.Text(ScorecardCards.ScoreReasonInput(indicator.Indicator.Id)),
                });
            }

            var adjustment = form.Adjustments.GetValueOrDefault(dimension.Dimension.Id);
            card.Dimensions.Add(new PublishedDimension
            {
                DimensionId = dimension.Dimension.Id,
                NameEn = dimension.Dimension.NameEn,
                NameZh = dimension.Dimension.NameZh,
                Order = order++,
                Weight = dimension.Dimension.Weight,
                MaxAdjustment = dimension.Dimension.MaxAdjustment,
                Scored = scored,
                Adjustment = adjustment,
                AdjustmentReason = adjustment == 0 ? null : form.Text(ScorecardCards.AdjustReasonInput(dimension.Dimension.Id)),
            });
        }

        card.Total = card.Dimensions.Sum(d => d.Published);
        db.Set<PublishedScorecard>().Add(card);
        Audit(request, lead.Id, "scorecard.published", card);
        db.Notifications.Add(Notification.Create(card.TenantId, Published, card.Id.ToString(), 0, manager.Id, now));
        return await SaveAsync(cancellationToken) ? card : null;
    }

    /// <summary>The manager's answer: acknowledged, or objected with the reason (the deciders are told).</summary>
    public async Task<bool> AnswerAsync(BotRequest request, PublishedScorecard card, bool objects, string? reason, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (objects)
        {
            card.ObjectionReason = reason;
            card.ObjectedAt = now;
            card.MoveTo(ScorecardState.Objected);
            foreach (var decider in await DecidersAsync(card, cancellationToken))
            {
                db.Notifications.Add(Notification.Create(card.TenantId, Objected, card.Id.ToString(), 0, decider, now));
            }
        }
        else
        {
            card.AcknowledgedAt = now;
            card.MoveTo(ScorecardState.Acknowledged);
        }

        Audit(request, card.ManagerId, objects ? "scorecard.objected" : "scorecard.acknowledged", card);
        return await SaveAsync(cancellationToken);
    }

    /// <summary>The decision on an objection: upheld, or the dimensions amended (only those given); the manager and the lead are told.</summary>
    public async Task<bool> DecideAsync(BotRequest request, Person decider, PublishedScorecard card, IReadOnlyDictionary<string, decimal>? amended, string reason, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var dimension in card.Dimensions)
        {
            if (amended is not null && amended.TryGetValue(dimension.DimensionId, out var points) && points != dimension.Published)
            {
                dimension.AmendedPoints = points;
            }
        }

        card.DecidedById = decider.Id;
        card.DecisionReason = reason;
        card.DecidedAt = now;
        card.MoveTo(amended is null ? ScorecardState.Upheld : ScorecardState.Amended);
        Audit(request, decider.Id, amended is null ? "scorecard.upheld" : "scorecard.amended", card);
        var lead = await db.Teams.AsNoTracking().Where(t => t.Id == card.TeamId).Select(t => t.LeadId).SingleOrDefaultAsync(cancellationToken);
        foreach (var recipient in new[] { card.ManagerId, card.PublishedById, lead }.OfType<string>().Distinct(StringComparer.Ordinal).Where(r => r != decider.Id))
        {
            db.Notifications.Add(Notification.Create(card.TenantId, Decided, card.Id.ToString(), 0, recipient, now));
        }

        return await SaveAsync(cancellationToken);
    }

    private Task<bool> SaveAsync(CancellationToken cancellationToken) => AssessmentSaves.SaveOnceAsync(db, dispatcher, cancellationToken);

    private void Audit(BotRequest request, string actorId, string action, PublishedScorecard card) =>
        db.Set<AuditEntry>().Add(AuditEntry.Of(request, card.TenantId, actorId, action, SubjectType, card.Id.ToString(), null, time.GetUtcNow()));
}

/// <summary>What the lead typed into the draft card: the values as typed, the errors per input, the points and adjustments read, the not-measured indicators left unscored.</summary>
public sealed record DraftForm(
    Dictionary<string, string> Typed,
    Dictionary<string, string> Errors,
    Dictionary<string, decimal> Scores,
    Dictionary<string, decimal> Adjustments,
    IReadOnlyList<string> Unscored)
{
    public string? Text(string key) => UserText.Clean(Typed.GetValueOrDefault(key)) is { Length: > 0 } text ? text : null;
}
