using System.Globalization;
using System.Text.Json.Nodes;
using DiligenceBot.BotFramework.Cards;
using DiligenceBot.Localization;
using DiligenceBot.Organisation;

namespace DiligenceBot.Plans;

/// <summary>The cards of a plan being carried out: its service measures to mark done, and the execution report.</summary>
public static class PlanExecutionCards
{
    public const string MeasuresVerb = "plan.measures";
    public const string MeasureDoneVerb = "plan.measure-done";
    public const string ReportVerb = "plan.report";
    /// <summary>One note input per open measure: "m.note.N".</summary>
    public const string NotePrefix = "m.note.";

    public static string NoteInput(int number) => NotePrefix + number;

    /// <summary>What the measures card shows: the plan, its team (for dates), what was typed, the errors beside their inputs, a notice.</summary>
    public sealed record MeasuresState(MarketingPlan Plan, Team Team, Dictionary<string, string> Typed, Dictionary<string, string> Errors, PlanCards.CardNotice? Notice = null);

    /// <summary>The plan's service measures: done ones with their day and note; open ones with a note input and Mark done.</summary>
    public static AdaptiveCard Measures(MeasuresState state, Language language)
    {
        var plan = state.Plan;
        var title = Texts.Plans.MeasuresTitle.Format(language, CardDates.Month(plan.Month, language));
        var measures = PlanMeasures.Of(plan);
        var card = new AdaptiveCard
        {
            FallbackText = title,
            Body =
            [
                new TextBlock(title) { Id = "title", Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true },
                new TextBlock(Texts.Plans.MeasuresDoneCount.Format(language, measures.Count(m => m.Done is not null), measures.Count)) { Id = "count", Spacing = Spacing.None, Wrap = true },
            ],
        };
        if (state.Notice is { } notice)
        {
            card.Body.Insert(1, new TextBlock(notice.Text) { Id = "notice", Color = notice.Warning ? TextColor.Attention : TextColor.Good, Weight = TextWeight.Bolder, Wrap = true });
        }

        foreach (var (number, text, done) in measures)
        {
            var items = new List<CardElement> { new TextBlock(Texts.Plans.MeasureLine.Format(language, number, text)) { Id = $"measure.{number}", Wrap = true } };
            if (done is not null)
            {
                items.Add(new TextBlock(DoneLine(done, state.Team, language)) { Id = $"state.{number}", Color = TextColor.Good, Spacing = Spacing.None, Wrap = true });
            }
            else
            {
                items.Add(new TextBlock(Texts.Plans.MeasureOpen.In(language)) { Id = $"state.{number}", IsSubtle = true, Spacing = Spacing.None, Wrap = true });
                items.Add(new TextInput
                {
                    Id = NoteInput(number),
                    Label = Texts.Plans.MeasureNote.In(language),
                    Placeholder = Texts.Plans.MeasureNoteHint.In(language),
                    MaxLength = PlanLimits.MeasureNote,
                    Value = state.Typed.GetValueOrDefault(NoteInput(number)),
                });
                if (state.Errors.TryGetValue(NoteInput(number), out var error))
                {
                    items.Add(new TextBlock(error) { Id = "error." + NoteInput(number), Color = TextColor.Attention, Size = TextSize.Small, Spacing = Spacing.None, Wrap = true });
                }

                items.Add(new ActionSet
                {
                    Actions =
                    [
                        new ExecuteAction
                        {
                            Title = Texts.Plans.MarkDone.In(language),
                            Verb = MeasureDoneVerb,
                            Data = new JsonObject
                            {
                                ["verb"] = MeasureDoneVerb, ["planId"] = plan.Id.ToString(), ["number"] = number, ["revision"] = plan.CurrentRevision,
                            },
                            AssociatedInputs = "auto",
                        },
                    ],
                });
            }

            card.Body.Add(new Container { Id = $"measure-row.{number}", Separator = true, Items = items });
        }

        return card;
    }

    /// <summary>"Done on Mon 12 Oct: note": the day in the team's zone.</summary>
    public static string DoneLine(PlanMeasureDone done, Team team, Language language)
    {
        var day = CardDates.Short(team.LocalDate(done.DoneAt), language);
        return done.Note is { } note ? Texts.Plans.MeasureDoneOn.Format(language, day, note) : Texts.Plans.MeasureDoneOnNoNote.Format(language, day);
    }

    /// <summary>A manager's row of the team's report: the execution of their plan, or none when they have no plan.</summary>
    public sealed record TeamReportRow(Person Manager, PlanExecution? Execution);

    public sealed record TeamReport(Team Team, IReadOnlyList<TeamReportRow> Rows);

    /// <summary>
    /// The execution report of one plan: visits made against the plan (coverage), the goals against what the logs
    /// report, the service measures done, and each customer's planned and made visits.
    /// </summary>
    public static AdaptiveCard Report(PlanExecution execution, string managerName, Team team, Language language)
    {
        var plan = execution.Plan;
        var revision = plan.Current;
        var title = Texts.Plans.ReportTitle.Format(language, managerName, CardDates.Month(plan.Month, language));
        var card = new AdaptiveCard
        {
            FallbackText = title,
            Body =
            [
                new TextBlock(title) { Id = "title", Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true },
                new TextBlock(Period(execution, language)) { Id = "period", Spacing = Spacing.None, IsSubtle = true, Wrap = true },
                new TextBlock(Coverage(execution, language))
                {
                    Id = "coverage", Weight = TextWeight.Bolder, Wrap = true, Color = execution.Shortfall > 0 ? TextColor.Warning : TextColor.Good,
                },
                new TextBlock(execution.VolumeActual is { } cases
                    ? Texts.Plans.ReportVolume.Format(language, Number(revision.VolumeCases), Number(cases))
                    : Texts.Plans.ReportVolumeNoFigures.Format(language, Number(revision.VolumeCases))) { Id = "goal.volume", Spacing = Spacing.Small, Wrap = true },
                new TextBlock(Texts.Plans.ReportValue.Format(language, Number(revision.ValueYuan))) { Id = "goal.value", Spacing = Spacing.None, Wrap = true },
            ],
        };
        var measures = PlanMeasures.Of(plan);
        var measureItems = new List<CardElement>
        {
            new TextBlock(Texts.Plans.ReportMeasures.Format(language, measures.Count(m => m.Done is not null), measures.Count)) { Weight = TextWeight.Bolder, Wrap = true },
        };
        measureItems.AddRange(measures.Select(m => new TextBlock(m.Done is { } done
            ? Texts.Plans.ReportMeasureDone.Format(language, m.Number, m.Text, DoneLine(done, team, language))
            : Texts.Plans.ReportMeasureOpen.Format(language, m.Number, m.Text))
        {
            Id = $"measure.{m.Number}", Spacing = Spacing.Small, Wrap = true, Color = m.Done is null ? null : TextColor.Good,
        }));
        card.Body.Add(new Container { Id = "measures", Separator = true, Items = measureItems });
        var customerItems = new List<CardElement> { new TextBlock(Texts.Plans.ReportPerCustomer.In(language)) { Weight = TextWeight.Bolder, Wrap = true } };
        customerItems.AddRange(execution.Customers.Select(c => new TextBlock(
            CardDates.KeepCounts(Texts.Plans.ReportCustomerLine.Format(language, c.Customer.Name, c.Customer.LicenceNumber, c.VisitedOnPlan, c.PlannedToDate, c.Visited)))
        {
            Id = "customer." + c.Customer.LicenceNumber, Spacing = Spacing.Small, Wrap = true, Color = c.VisitedOnPlan < c.PlannedToDate ? TextColor.Warning : null,
        }));
        card.Body.Add(new Container { Id = "customers", Separator = true, Items = customerItems });
        return card;
    }

    /// <summary>The lead's report: per team, each manager's coverage and measures, furthest behind first, one tap to the manager's report.</summary>
    public static AdaptiveCard TeamReports(IReadOnlyList<TeamReport> teams, DateOnly month, Language language)
    {
        var title = teams.Count == 1
            ? Texts.Plans.TeamReportSummary.Format(language, WorkLogs.WorkLogCards.TeamName(teams[0].Team, language), CardDates.Month(month, language))
            : Texts.Plans.TeamReportTitle.Format(language, CardDates.Month(month, language));
        var card = new AdaptiveCard { FallbackText = title, Body = [new TextBlock(title) { Id = "title", Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true }] };
        foreach (var section in teams)
        {
            var items = new List<CardElement>();
            if (teams.Count > 1)
            {
                items.Add(new TextBlock(WorkLogs.WorkLogCards.TeamName(section.Team, language)) { Weight = TextWeight.Bolder, Wrap = true });
            }

            var ordered = section.Rows.OrderBy(r => r.Execution is null ? 1 : 0).ThenBy(r => r.Execution?.Coverage ?? 1).ThenBy(r => r.Manager.DisplayName, StringComparer.Ordinal);
            foreach (var row in ordered)
            {
                var columns = new List<Column>
                {
                    new()
                    {
                        Width = "stretch",
                        Items =
                        [
                            new TextBlock(row.Manager.DisplayName) { Weight = TextWeight.Bolder, Wrap = true },
                            new TextBlock(TeamLine(row.Execution, language))
                            {
                                Id = "report." + row.Manager.Id, Spacing = Spacing.None, Wrap = true,
                                Color = row.Execution is { Shortfall: > 0 } ? TextColor.Warning : null, IsSubtle = row.Execution is null ? true : null,
                            },
                        ],
                    },
                };
                if (row.Execution is not null)
                {
                    columns.Add(new Column
                    {
                        Width = "auto",
                        Items =
                        [
                            new ActionSet
                            {
                                Actions =
                                [
                                    new ExecuteAction
                                    {
                                        Title = Texts.WorkLogs.Open.In(language),
                                        Verb = ReportVerb,
                                        Data = new JsonObject { ["verb"] = ReportVerb, ["managerId"] = row.Manager.Id, ["month"] = PlanCards.MonthKey(month) },
                                        AssociatedInputs = "none",
                                    },
                                ],
                            },
                        ],
                    });
                }

                items.Add(new ColumnSet { Id = "row." + row.Manager.Id, Separator = true, Columns = columns });
            }

            card.Body.Add(new Container { Id = "team." + section.Team.Id, Separator = true, Items = items });
        }

        return card;
    }

    private static string TeamLine(PlanExecution? execution, Language language)
    {
        if (execution is null)
        {
            return Texts.Plans.ReportNoPlan.In(language);
        }

        var measures = PlanMeasures.Of(execution.Plan);
        var done = measures.Count(m => m.Done is not null);
        return execution.PlannedToDate == 0
            ? Texts.Plans.ReportTeamRowNothingPlanned.Format(language, done, measures.Count)
            : Texts.Plans.ReportTeamRow.Format(language, execution.VisitedOnPlan, execution.PlannedToDate, execution.CoveragePercent!, done, measures.Count);
    }

    private static string Period(PlanExecution execution, Language language) =>
        execution.Until >= execution.Plan.Month.AddMonths(1)
            ? Texts.Plans.ReportWholeMonth.In(language)
            : Texts.Plans.ReportUpTo.Format(language, CardDates.Long(execution.Until.AddDays(-1), language));

    private static string Coverage(PlanExecution execution, Language language) =>
        execution.PlannedToDate == 0
            ? Texts.Plans.ReportNoVisitsPlanned.In(language)
            : Texts.Plans.ReportVisits.Format(language, execution.VisitedOnPlan, execution.PlannedToDate, execution.CoveragePercent!);

    private static string Number(decimal? value) => value?.ToString("#,0.##", CultureInfo.InvariantCulture) ?? "—";
}
