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
/// "annual export [YYYY]" / "年度考评导出" and the team card's Export (XLSX) button (which carries the year and the team):
/// the yearly reviews of the managers the asker sees on the team card, as an XLSX file offered in the 1:1 chat, one row
/// per manager: each month's and quarter's published total (empty when none was published, never 0), the yearly score
/// and how many months it counts, the ranks, the year's latest skills result (mean rating), the overall evaluation, the proposal, the decision and its reason. Only for
/// the people who see the team card (a team's lead and delegates, the lead chain above, admins).
/// </summary>
public sealed class AnnualExportVerb(RecordCheckDesk desk, AnnualBook book, SkillsResults skills, ChatFiles files) : IBotVerb
{
    private static readonly RecordCheckDesk.ChooserTexts Chooser = AnnualVerb.Chooser with { NotAChecker = Texts.Annual.ExportForLeads };

    public async Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        if (request.Person is not { } person || person.TenantId != request.TenantId)
        {
            return BotAnswer.Refused(Texts.Scorecards.NotInDirectory.In(language));
        }

        string? yearText;
        string? teamId = null;
        if (request.Source == RequestSource.Text)
        {
            var words = UserText.Words(request.Arguments).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length > 1 || (words.Length == 1 && AnnualYears.Read(words[0]) is null))
            {
                return BotAnswer.Refused(Texts.Annual.ExportBadYear.In(language));
            }

            yearText = words.FirstOrDefault();
        }
        else
        {
            yearText = request.Card.String("year");
            teamId = request.Card.String("teamId");
        }

        int? asked = yearText is null ? null : AnnualYears.Read(yearText);
        if (yearText is not null && asked is null)
        {
            return BotAnswer.Refused(Texts.Annual.ExportBadYear.In(language));
        }

        var (managers, oneTeam, refusal) = await desk.ExportScopeAsync(request, person, teamId, Chooser, Texts.Annual.ExportNotYourTeam, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var teams = managers.Select(m => m.Team!).DistinctBy(t => t.Id).OrderBy(t => t.Id, StringComparer.Ordinal).ToList();
        var teamName = oneTeam is not null ? WorkLogCards.TeamName(oneTeam, language) : Texts.Scorecards.ExportAllTeams.In(language);
        var chosen = asked ?? book.DefaultYear(teams[0]);
        if (chosen > book.Today(teams[0]).Year)
        {
            return BotAnswer.Refused(Texts.Annual.FutureYear.Format(language, chosen));
        }

        var figures = await book.FiguresAsync(person.TenantId, managers, chosen, cancellationToken);
        var reviews = await book.ReviewsAsync(person.TenantId, managers.Select(m => m.Id), chosen, cancellationToken);
        var names = await book.NamesAsync(reviews.Values.Select(r => r.DecidedById), cancellationToken);
        var skill = await skills.LatestForAsync(person.TenantId, [.. managers.Select(m => m.Id)], chosen, cancellationToken);
        var content = Xlsx(managers, figures, reviews, skill, names, chosen, language);
        var description = Texts.Annual.ExportOffer.Format(language, teamName, chosen);
        var offer = await files.OfferAsync(person, ChatFiles.SafeFileName(Texts.Annual.ExportFileName.Format(language, teamName, chosen), ".xlsx"), content, description, cancellationToken);
        await request.Turn.SendAsync(offer, cancellationToken);
        return BotAnswer.WithText(description);
    }

    /// <summary>One row per manager in the team card's order (team, then yearly score, then name); figures are numbers, a month without a published scorecard an empty cell.</summary>
    internal static byte[] Xlsx(IReadOnlyList<Person> managers, IReadOnlyDictionary<string, AnnualFigures> figures, IReadOnlyDictionary<string, AnnualReview> reviews,
        IReadOnlyDictionary<string, SkillsAssessment> skills, IReadOnlyDictionary<string, string> names, int year, Language language)
    {
        var plain = CardDates.Plain;
        List<string> header =
        [
            Texts.Scorecards.ColumnManager.In(language), Texts.Scorecards.ColumnTeam.In(language), Texts.Annual.ColumnYear.In(language),
            .. Enumerable.Range(1, 12).Select(m => plain(CardDates.MonthOnly(new DateOnly(year, m, 1), language))),
            .. Enumerable.Range(1, 4).Select(q => plain(CardDates.QuarterOnly(q, language))),
            Texts.Annual.ColumnScore.In(language), Texts.Annual.ColumnMonths.In(language), Texts.Annual.ColumnTeamRank.In(language),
            Texts.Annual.ColumnOrganisationRank.In(language), Texts.Annual.ColumnSkills.In(language), Texts.Annual.ColumnEvaluation.In(language), Texts.Annual.ColumnState.In(language),
            Texts.Annual.ColumnProposal.In(language), Texts.Annual.ColumnDecision.In(language), Texts.Annual.ColumnReason.In(language), Texts.Annual.ColumnDecidedBy.In(language),
        ];
        var rows = managers.OrderBy(m => m.TeamId, StringComparer.Ordinal).ThenBy(m => figures[m.Id].Score is null).ThenByDescending(m => figures[m.Id].Score)
            .ThenBy(m => m.DisplayName, StringComparer.Ordinal)
            .Select(m =>
            {
                var f = figures[m.Id];
                var review = reviews.GetValueOrDefault(m.Id);
                List<object?> row = [m.DisplayName, WorkLogCards.TeamName(m.Team!, language), year];
                row.AddRange(Enumerable.Range(1, 12).Select(i => f.Months.TryGetValue(i, out var p) ? (object?)p : null));
                row.AddRange(Enumerable.Range(1, 4).Select(i => f.Quarters.TryGetValue(i, out var p) ? (object?)p : null));
                row.Add(review is not null ? review.YearlyScore : f.Score);
                row.Add(review is not null ? review.MonthsScored : f.Months.Count);
                row.Add(review?.TeamRank ?? f.TeamRank?.Rank);
                row.Add(f.OrganisationRank?.Rank);
                row.Add(skills.TryGetValue(m.Id, out var skill) ? skill.Average : null);
                row.Add(review?.Evaluation);
                row.Add(State(review).In(language));
                row.Add(review is { Proposal: not AnnualProposal.None } ? AnnualCards.Proposal(review.Proposal, language) : null);
                row.Add(review?.Decision is { } d ? AnnualCards.Decision(d, language) : null);
                row.Add(review?.DecisionReason);
                row.Add(review?.DecidedById is { } by ? names.GetValueOrDefault(by, by) : null);
                return (IReadOnlyList<object?>)row;
            });
        return ImportSheet.WriteXlsx(header, rows);
    }

    private static Text State(AnnualReview? review) => review?.State switch
    {
        null => Texts.Annual.StateNotSubmitted,
        AnnualState.Submitted => Texts.Annual.StateSubmittedShort,
        AnnualState.Proposed => Texts.Annual.StateProposedShort,
        AnnualState.Decided => Texts.Annual.StateDecidedShort,
        _ => Texts.Annual.StateFinished,
    };
}
