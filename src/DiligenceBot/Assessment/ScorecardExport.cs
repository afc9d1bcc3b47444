using DiligenceBot.Conversations;
using DiligenceBot.Files;
using DiligenceBot.Imports;
using DiligenceBot.Input;
using DiligenceBot.Localization;
using DiligenceBot.Organisation;
using DiligenceBot.Records;
using DiligenceBot.WorkLogs;
using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.Assessment;

/// <summary>
/// "scorecard export [YYYY-MM | YYYY-Qn]" / "考核 导出" and the team card's Export (XLSX) button (which carries the period
/// and the team): the scorecards the asker sees on the team card, as an XLSX file offered in the 1:1 chat, one row per
/// manager with the same figures as the card (a draft's measured points, a published scorecard's points as they count,
/// its adjustments with their reasons). Only for the people who see the team card (a team's lead and delegates, the lead
/// chain above, admins), only their managers; a manager is refused (their own scorecard is on "my scorecard"). Like
/// every verb not marked shared, it answers only in the 1:1 chat (the dispatcher refuses it elsewhere), where a file
/// consent card works.
/// </summary>
public sealed class ScorecardExportVerb(RecordCheckDesk desk, ScorecardBook book, ScorecardValues values, ChatFiles files) : IBotVerb
{
    private static readonly RecordCheckDesk.ChooserTexts Chooser = ScorecardVerb.Chooser with { NotAChecker = Texts.Scorecards.ExportForLeads };

    public async Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        if (request.Person is not { } person || person.TenantId != request.TenantId)
        {
            return BotAnswer.Refused(Texts.Scorecards.NotInDirectory.In(language));
        }

        string? periodText;
        string? teamId = null;
        if (request.Source == RequestSource.Text)
        {
            var words = UserText.Words(request.Arguments).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length > 1 || (words.Length == 1 && ScorecardPeriods.Read(words[0]) is null))
            {
                return BotAnswer.Refused(Texts.Scorecards.ExportBadPeriod.In(language));
            }

            periodText = words.FirstOrDefault();
        }
        else
        {
            periodText = request.Card.String("period");
            teamId = request.Card.String("teamId");
        }

        RecordPeriod? asked = null;
        if (periodText is not null)
        {
            if (ScorecardPeriods.Read(periodText) is not { } period)
            {
                return BotAnswer.Refused(Texts.Scorecards.ExportBadPeriod.In(language));
            }

            asked = period;
        }

        var (managers, oneTeam, refusal) = await desk.ExportScopeAsync(request, person, teamId, Chooser, Texts.Scorecards.ExportNotYourTeam, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var thisMonth = desk.ThisMonth(managers.Select(m => m.Team!).MinBy(t => t.Id, StringComparer.Ordinal)!);
        var chosen = asked ?? RecordPeriod.Holding(RecordPeriodKind.Monthly, thisMonth).Previous;
        if (chosen.First > thisMonth)
        {
            return BotAnswer.Refused(Texts.Scorecards.FuturePeriod.Format(language, chosen.Name(language)));
        }

        var published = await ScorecardVerb.PublishedAsync(book, person.TenantId, managers, chosen, cancellationToken);
        var drafts = await ScorecardVerb.DraftsAsync(book, values, managers, published, chosen, thisMonth, cancellationToken);
        var content = Xlsx(drafts, published, chosen, book.Rules, language);
        var teamName = oneTeam is not null ? WorkLogCards.TeamName(oneTeam, language) : Texts.Scorecards.ExportAllTeams.In(language);
        var description = Texts.Scorecards.ExportOffer.Format(language, teamName, Plain(chosen.Name(language)));
        var offer = await files.OfferAsync(person, FileName(teamName, chosen, language), content, description, cancellationToken);
        await request.Turn.SendAsync(offer, cancellationToken);
        return BotAnswer.WithText(description);
    }

    /// <summary>考核_东一组_2026年11月.xlsx / Scorecards_East 1_2026-11.xlsx (characters a file name cannot hold become '-').</summary>
    internal static string FileName(string teamName, RecordPeriod period, Language language)
    {
        var name = Texts.Scorecards.ExportFileName.Format(language, teamName, language == Language.ZhCn ? Plain(period.Name(language)) : period.Key);
        return ChatFiles.SafeFileName(name, ".xlsx");
    }

    private static string Plain(string text) => CardDates.Plain(text);

    /// <summary>
    /// One row per manager in the team card's order (team, then points measured, then name): name, team, period, state,
    /// total, each dimension's points (a column per dimension of the rules), the indicators not measured (drafts), and for
    /// a published scorecard its adjustments with their reasons. Figures are numbers, as the card shows them.
    /// </summary>
    internal static byte[] Xlsx(IReadOnlyList<ScorecardCards.Draft> drafts, IReadOnlyDictionary<string, PublishedScorecard> published, RecordPeriod period, ScorecardRules rules, Language language)
    {
        List<string> header =
        [
            Texts.Scorecards.ColumnManager.In(language), Texts.Scorecards.ColumnTeam.In(language), Texts.Scorecards.ColumnPeriod.In(language),
            Texts.Scorecards.ColumnState.In(language), Texts.Scorecards.ColumnTotal.In(language),
            .. rules.Dimensions.Select(d => d.Name(language)),
            Texts.Scorecards.ColumnNotMeasured.In(language), Texts.Scorecards.ColumnAdjustments.In(language),
        ];
        var periodName = Plain(period.Name(language));
        var rows = drafts.OrderBy(d => d.Team.Id, StringComparer.Ordinal).ThenByDescending(d => d.Scorecard.Measured).ThenBy(d => d.Manager.DisplayName, StringComparer.Ordinal)
            .Select(d =>
            {
                List<object?> row = [d.Manager.DisplayName, WorkLogCards.TeamName(d.Team, language), periodName];
                if (published.TryGetValue(d.Manager.Id, out var card))
                {
                    row.Add(State(card.State).In(language));
                    row.Add(ScorecardBook.Total(card));
                    row.AddRange(rules.Dimensions.Select(r => (object?)card.Dimensions.FirstOrDefault(p => p.DimensionId == r.Id)?.Points));
                    row.Add(null);
                    row.Add(string.Join(Texts.Scorecards.AdjustmentSeparator.In(language), card.Dimensions.Where(p => p.Adjustment != 0).OrderBy(p => p.Order)
                        .Select(p => Texts.Scorecards.AdjustmentCell.Format(language, p.Name(language), (p.Adjustment > 0 ? "+" : string.Empty) + ScorecardBook.Format(p.Adjustment), p.AdjustmentReason ?? string.Empty))));
                }
                else
                {
                    row.Add(Texts.Scorecards.StateDraft.In(language));
                    row.Add(d.Scorecard.Measured);
                    row.AddRange(rules.Dimensions.Select(r => (object?)d.Scorecard.Dimensions.FirstOrDefault(s => s.Dimension.Id == r.Id)?.Measured));
                    row.Add(d.Scorecard.NotMeasured.Count());
                    row.Add(null);
                }

                return (IReadOnlyList<object?>)row;
            });
        return ImportSheet.WriteXlsx(header, rows);
    }

    private static Text State(ScorecardState state) => state switch
    {
        ScorecardState.Acknowledged => Texts.Scorecards.StateAcknowledged,
        ScorecardState.Objected => Texts.Scorecards.StateObjected,
        ScorecardState.Upheld => Texts.Scorecards.StateUpheld,
        ScorecardState.Amended => Texts.Scorecards.StateAmended,
        _ => Texts.Scorecards.StatePublished,
    };
}
