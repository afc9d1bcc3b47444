using System.Text.Json.Nodes;
using DiligenceBot.BotFramework.Cards;
using DiligenceBot.Conversations;
using DiligenceBot.Localization;
using DiligenceBot.Meetings;
using DiligenceBot.Organisation;
using DiligenceBot.Plans;
using DiligenceBot.WorkLogs;

namespace DiligenceBot.Records;

/// <summary>
/// The four record checks as a lead sees them: a team card (each manager's verdicts, most checks not met first, one
/// tap to the manager's card), a manager's card (each check with its figures and one tap to what is behind it), and
/// what is behind a check (the logs, plan, meetings and records that miss, each opening with its own feature's verb).
/// </summary>
public static class RecordCheckCards
{
    public const string CheckVerb = "records.check";
    public const string BehindVerb = "records.check-behind";

    public static readonly RecordCheckKind[] Kinds = Enum.GetValues<RecordCheckKind>();

    /// <summary>The key a check goes by in card data and element ids (complete, correct, classified, kept).</summary>
    public static string Key(RecordCheckKind kind) => kind.ToString().ToLowerInvariant();

    public static RecordCheckKind? Parse(string? key) => Kinds.Cast<RecordCheckKind?>().FirstOrDefault(k => Key(k!.Value) == key);

    public static string Name(RecordCheckKind kind, Language language) => (kind switch
    {
        RecordCheckKind.Complete => Texts.RecordChecks.Complete,
        RecordCheckKind.Correct => Texts.RecordChecks.Correct,
        RecordCheckKind.Classified => Texts.RecordChecks.Classified,
        _ => Texts.RecordChecks.Kept,
    }).In(language);

    /// <summary>One team's managers and their checks.</summary>
    public sealed record TeamChecks(Team Team, IReadOnlyList<ManagerChecks> Managers);

    /// <summary>The lead's card: per team, each manager's verdicts (most checks not met first), one tap to the manager's card.</summary>
    public static AdaptiveCard Teams(IReadOnlyList<TeamChecks> teams, DateOnly month, DateOnly until, Language language)
    {
        var monthName = CardDates.Month(month, language);
        var single = teams.Count == 1;
        var groups = teams.Select(section =>
        {
            var items = new List<CardElement>
            {
                new TextBlock(Period(month, until, language)) { Id = LeadTeams.Id("period", section.Team.Id, single), IsSubtle = true, Spacing = Spacing.None, Wrap = true },
            };
            if (section.Managers.Count == 0)
            {
                items.Add(new TextBlock(Texts.RecordChecks.Nobody.In(language)) { Id = LeadTeams.Id("empty", section.Team.Id, single), Wrap = true });
            }

            var ranked = section.Managers.OrderByDescending(m => m.NotMetCount).ThenBy(m => m.MetCount).ThenBy(m => m.Manager.DisplayName, StringComparer.Ordinal);
            items.AddRange(ranked.Select(m => (CardElement)Row(m, language)));
            var teamName = WorkLogCards.TeamName(section.Team, language);
            return new TeamGroup(section.Team.Id, single ? Texts.RecordChecks.TeamTitle.Format(language, teamName, monthName) : teamName, items);
        }).ToList();
        var card = LeadTeams.Card(Texts.RecordChecks.TeamsTitle.Format(language, monthName), groups);
        ((TextBlock)card.Body[0]).Wrap = true;
        return card;
    }

    private static ColumnSet Row(ManagerChecks checks, Language language)
    {
        var separator = Texts.RecordChecks.ListSeparator.In(language);
        string Named(CheckVerdict verdict) => string.Join(separator, Kinds.Where(k => checks.Verdict(k) == verdict).Select(k => Name(k, language)));
        var lines = new List<CardElement>
        {
            new TextBlock(checks.Manager.DisplayName) { Weight = TextWeight.Bolder, Wrap = true },
            new TextBlock(CardDates.KeepCounts(Texts.RecordChecks.RowMet.Format(language, checks.MetCount)))
            {
                Id = "met." + checks.Manager.Id, Spacing = Spacing.None, Wrap = true, Color = checks.MetCount == Kinds.Length ? TextColor.Good : null,
            },
        };
        if (checks.NotMetCount > 0)
        {
            lines.Add(new TextBlock(Texts.RecordChecks.RowNotMet.Format(language, Named(CheckVerdict.NotMet)))
            {
                Id = "notmet." + checks.Manager.Id, Spacing = Spacing.None, Wrap = true, Color = TextColor.Attention,
            });
        }

        if (Kinds.Any(k => checks.Verdict(k) == CheckVerdict.NotMeasured))
        {
            lines.Add(new TextBlock(Texts.RecordChecks.RowNotMeasured.Format(language, Named(CheckVerdict.NotMeasured)))
            {
                Id = "notmeasured." + checks.Manager.Id, Spacing = Spacing.None, Wrap = true, IsSubtle = true,
            });
        }

        return new ColumnSet
        {
            Id = "row." + checks.Manager.Id,
            Separator = true,
            Columns =
            [
                new Column { Width = "stretch", Items = lines },
                new Column
                {
                    Width = "auto",
                    Items = [new ActionSet { Actions = [Execute(Texts.Records.OpenButton.In(language), CheckVerb, checks.Manager.Id, checks.Month)] }],
                },
            ],
        };
    }

    /// <summary>One manager's month: each of the four checks with its verdict, its figures and one tap to what is behind it.</summary>
    public static AdaptiveCard Manager(ManagerChecks checks, Language language)
    {
        var monthName = CardDates.Month(checks.Month, language);
        var title = Texts.RecordChecks.ManagerTitle.Format(language, checks.Manager.DisplayName, monthName);
        var card = new AdaptiveCard
        {
            FallbackText = title,
            Body =
            [
                new TextBlock(title) { Id = "title", Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true },
                new TextBlock(Period(checks.Month, checks.Until, language)) { Id = "period", IsSubtle = true, Spacing = Spacing.None, Wrap = true },
            ],
            Actions = [Execute(Texts.RecordChecks.BackToTeam.In(language), CheckVerb, null, checks.Month)],
        };
        foreach (var kind in Kinds)
        {
            var verdict = checks.Verdict(kind);
            var items = new List<CardElement>
            {
                new TextBlock(Texts.RecordChecks.Heading.Format(language, Name(kind, language), VerdictText(verdict, language)))
                {
                    Id = "verdict." + Key(kind), Weight = TextWeight.Bolder, Wrap = true, Color = VerdictColor(verdict),
                },
            };
            items.AddRange(Figures(checks, kind, language).Select((line, i) => new TextBlock(CardDates.KeepCounts(line))
            {
                Id = $"figure.{Key(kind)}.{i + 1}", Spacing = Spacing.None, Wrap = true,
            }));
            var behind = new JsonObject { ["verb"] = BehindVerb, ["managerId"] = checks.Manager.Id, ["month"] = PlanCards.MonthKey(checks.Month), ["check"] = Key(kind) };
            items.Add(new ActionSet
            {
                Actions = [new ExecuteAction { Title = Texts.RecordChecks.ShowBehind.In(language), Verb = BehindVerb, Data = behind, AssociatedInputs = "none" }],
            });
            card.Body.Add(new Container { Id = "check." + Key(kind), Separator = true, Items = items });
        }

        return card;
    }

    /// <summary>A check's figures in words, one line each.</summary>
    public static IEnumerable<string> Figures(ManagerChecks checks, RecordCheckKind kind, Language language)
    {
        switch (kind)
        {
            case RecordCheckKind.Complete:
                var c = checks.Complete;
                yield return c.Logs.Of == 0 ? Texts.RecordChecks.LogsNoneDue.In(language) : Texts.RecordChecks.Logs.Format(language, c.Logs.Count, c.Logs.Of, c.LogsOnTime);
                yield return (c.PlanPresent ? Texts.RecordChecks.PlanPresent : Texts.RecordChecks.PlanMissing).Format(language, CardDates.Month(checks.Month, language));
                yield return c.Meetings.Of == 0 ? Texts.RecordChecks.MeetingsNone.In(language) : Texts.RecordChecks.Meetings.Format(language, c.Meetings.Count, c.Meetings.Of);
                yield return c.RequiredRecords.Of == 0 ? Texts.RecordChecks.RequiredNone.In(language) : Texts.RecordChecks.Required.Format(language, c.RequiredRecords.Count, c.RequiredRecords.Of);
                break;
            case RecordCheckKind.Correct:
                var r = checks.Correct;
                yield return Texts.RecordChecks.Approved.Format(language, r.Approved.Count, r.Approved.Of);
                yield return Texts.RecordChecks.Returns.Format(language, r.Returns, r.LogReturns, r.PlanReturns, r.RecordReturns);
                yield return Texts.RecordChecks.Waiting.Format(language, r.Waiting);
                break;
            case RecordCheckKind.Classified:
                var s = checks.Classified;
                yield return s.Records.Of == 0 ? Texts.RecordChecks.NoRecordsFiled.In(language) : Texts.RecordChecks.RecordsClassified.Format(language, s.Records.Count, s.Records.Of);
                yield return s.Logs.Of == 0 ? Texts.RecordChecks.NoLogs.In(language) : Texts.RecordChecks.LogsWithCustomers.Format(language, s.Logs.Count, s.Logs.Of);
                break;
            default:
                var k = checks.Kept;
                if (k.Locked.Of == 0)
                {
                    yield return Texts.RecordChecks.NoRecordsFiled.In(language);
                    break;
                }

                yield return Texts.RecordChecks.Locked.Format(language, k.Locked.Count, k.Locked.Of);
                yield return Texts.RecordChecks.Retrievable.Format(language, k.Files.Count, k.Files.Of);
                break;
        }
    }

    /// <summary>What is behind one check: what is missing, returned, unclassified or not yet safe, each with a tap to open it where it can be opened.</summary>
    public static AdaptiveCard Behind(ManagerChecks checks, RecordCheckKind kind, RecordKinds kinds, Language language)
    {
        var title = Texts.RecordChecks.BehindTitle.Format(language, Name(kind, language), checks.Manager.DisplayName, CardDates.Month(checks.Month, language));
        var card = new AdaptiveCard
        {
            FallbackText = title,
            Body =
            [
                new TextBlock(title) { Id = "title", Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true },
                new TextBlock(Texts.RecordChecks.Heading.Format(language, Name(kind, language), VerdictText(checks.Verdict(kind), language)))
                {
                    Id = "verdict", Weight = TextWeight.Bolder, Spacing = Spacing.None, Wrap = true, Color = VerdictColor(checks.Verdict(kind)),
                },
            ],
            Actions = [Execute(Texts.RecordChecks.BackToManager.In(language), CheckVerb, checks.Manager.Id, checks.Month)],
        };
        var rows = BehindRows(checks, kind, kinds, language).ToList();
        if (rows.Count == 0)
        {
            card.Body.Add(new TextBlock(Texts.RecordChecks.NothingBehind.In(language)) { Id = "empty", Separator = true, Wrap = true });
        }

        foreach (var (row, i) in rows.Take(RecordCards.MaxLines).Select((r, i) => (r, i)))
        {
            var items = new List<CardElement> { new TextBlock(CardDates.KeepCounts(row.Text)) { Wrap = true } };
            if (row.Verb is not null)
            {
                items.Add(new ActionSet
                {
                    Actions = [new ExecuteAction { Title = Texts.Records.OpenButton.In(language), Verb = row.Verb, Data = row.Data, AssociatedInputs = "none" }],
                });
            }

            card.Body.Add(new Container { Id = "behind." + (i + 1), Separator = true, Items = items });
        }

        return card;
    }

    /// <summary>A line behind a check, and the existing verb (with its data) that opens what it names.</summary>
    private sealed record BehindRow(string Text, string? Verb = null, JsonObject? Data = null);

    private static BehindRow Opening(string text, string verb, string key, Guid id) =>
        new(text, verb, new JsonObject { ["verb"] = verb, [key] = id.ToString() });

    private static IEnumerable<BehindRow> BehindRows(ManagerChecks checks, RecordCheckKind kind, RecordKinds kinds, Language language)
    {
        string Day(DateOnly day) => CardDates.Short(day, language);
        BehindRow Log(string text, Guid id) => Opening(text, WorkLogCards.ReviewViewVerb, "logId", id);
        BehindRow Record(string text, Guid id) => Opening(text, RecordCards.ViewVerb, "recordId", id);
        switch (kind)
        {
            case RecordCheckKind.Complete:
                foreach (var day in checks.MissingLogDays)
                {
                    yield return new BehindRow(Texts.RecordChecks.MissingLog.Format(language, Day(day)));
                }

                if (checks.Plan is null)
                {
                    yield return new BehindRow(Texts.RecordChecks.PlanMissing.Format(language, CardDates.Month(checks.Month, language)));
                }

                foreach (var meeting in checks.Meetings.Where(m => !m.Present))
                {
                    var kindName = MinutesCards.KindName(meeting.Kind, language);
                    var text = meeting.AbsenceReason is { Length: > 0 } reason
                        ? Texts.RecordChecks.AbsentBecause.Format(language, kindName, Day(meeting.Date), reason)
                        : Texts.RecordChecks.Absent.Format(language, kindName, Day(meeting.Date));
                    yield return Opening(text, MinutesCards.ViewVerb, "minutesId", meeting.MinutesId);
                }

                foreach (var due in checks.DueRecords.Where(d => d.RecordId is null))
                {
                    yield return new BehindRow(Texts.RecordChecks.RecordMissing.Format(language, due.Kind.Name(language), due.Period.Name(language), Day(due.DueDay)));
                }

                break;
            case RecordCheckKind.Correct:
                foreach (var log in checks.Logs.Where(l => l.Returns > 0))
                {
                    yield return Log(Texts.RecordChecks.LogReturned.Format(language, Day(log.WorkDate), log.Returns), log.Id);
                }

                if (checks.Plan is { Returns: > 0 } plan)
                {
                    yield return Opening(Texts.RecordChecks.PlanReturned.Format(language, CardDates.Month(checks.Month, language), plan.Returns), PlanCards.ReviewViewVerb, "planId", plan.Id);
                }

                foreach (var record in checks.Records.Where(r => r.Returns > 0))
                {
                    yield return Record(Texts.RecordChecks.RecordReturned.Format(language, record.Title, record.Returns), record.Id);
                }

                break;
            case RecordCheckKind.Classified:
                foreach (var record in checks.Records.Where(r => !r.Classified))
                {
                    yield return Record(kinds.Find(record.KindId) is { } k
                        ? Texts.RecordChecks.RecordNoCustomers.Format(language, record.Title, k.Name(language))
                        : Texts.RecordChecks.RecordUnknownKind.Format(language, record.Title), record.Id);
                }

                foreach (var log in checks.Logs.Where(l => !l.NamesCustomers))
                {
                    yield return Log(Texts.RecordChecks.LogNoCustomers.Format(language, Day(log.WorkDate)), log.Id);
                }

                break;
            default:
                foreach (var record in checks.Records.Where(r => r.Status != RecordStatus.Verified))
                {
                    yield return Record(Texts.RecordChecks.RecordOpen.Format(language, record.Title, RecordCards.StatusText(record.Status, language)), record.Id);
                }

                foreach (var record in checks.Records)
                {
                    foreach (var file in record.LostFiles)
                    {
                        yield return Record(Texts.RecordChecks.FileLost.Format(language, record.Title, file), record.Id);
                    }
                }

                break;
        }
    }

    private static string Period(DateOnly month, DateOnly until, Language language) =>
        until >= month.AddMonths(1)
            ? Texts.RecordChecks.WholeMonth.In(language)
            : Texts.RecordChecks.UpTo.Format(language, CardDates.Long(until.AddDays(-1) < month ? month : until.AddDays(-1), language));

    private static string VerdictText(CheckVerdict verdict, Language language) => (verdict switch
    {
        CheckVerdict.Met => Texts.RecordChecks.Met,
        CheckVerdict.NotMet => Texts.RecordChecks.NotMet,
        _ => Texts.RecordChecks.NotMeasured,
    }).In(language);

    private static TextColor? VerdictColor(CheckVerdict verdict) => verdict switch
    {
        CheckVerdict.Met => TextColor.Good,
        CheckVerdict.NotMet => TextColor.Attention,
        _ => null,
    };

    private static ExecuteAction Execute(string title, string verb, string? managerId, DateOnly month)
    {
        var data = new JsonObject { ["verb"] = verb, ["month"] = PlanCards.MonthKey(month) };
        if (managerId is not null)
        {
            data["managerId"] = managerId;
        }

        return new ExecuteAction { Title = title, Verb = verb, Data = data, AssociatedInputs = "none" };
    }
}
