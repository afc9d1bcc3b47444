using System.Globalization;
using System.Text.Json.Nodes;
using DiligenceBot.BotFramework.Cards;
using DiligenceBot.Localization;
using DiligenceBot.Organisation;

namespace DiligenceBot.Reviews;

/// <summary>
/// The parts of a review card that are the same for every record the lead reviews: the decision with its comment as
/// the reviewer and the manager see it, the comment inputs and the Approve / Return buttons.
/// </summary>
public static partial class ReviewCards
{
    public static bool HasComment(IReviewRecord review) =>
        !string.IsNullOrWhiteSpace(review.Evaluation) || !string.IsNullOrWhiteSpace(review.Requirement) || !string.IsNullOrWhiteSpace(review.Suggestion);

    /// <summary>On the review card: who decided what and when, the rating, and the comment.</summary>
    public static Container Decided(IReviewRecord decided, string? deciderName, Team team, Language language)
    {
        var banner = (decided.Decision == ReviewDecision.Approved ? Texts.WorkLogs.DecisionApprovedBanner : Texts.WorkLogs.DecisionReturnedBanner)
            .Format(language, deciderName ?? decided.ReviewerId, CardDates.At(decided.DecidedAt, team.TimeZone));
        var block = new Container
        {
            Id = "decided",
            Separator = true,
            Items =
            [
                new TextBlock(banner)
                {
                    Id = "decision",
                    Weight = TextWeight.Bolder,
                    Color = decided.Decision == ReviewDecision.Approved ? TextColor.Good : TextColor.Warning,
                },
            ],
        };
        if (decided.QualityRating is { } rating)
        {
            block.Items.Add(new TextBlock($"{Texts.WorkLogs.Rating.In(language)}{Texts.WorkLogs.LabelSeparator.In(language)}{Texts.WorkLogs.RatingValue.Format(language, rating)}")
            {
                Id = "rating",
                Spacing = Spacing.None,
            });
        }

        if (HasComment(decided))
        {
            block.Items.AddRange(CommentParts(decided, language));
        }

        return block;
    }

    /// <summary>
    /// The lead's comment as the manager sees it: what was decided in words (Returned / Approved, with the rating),
    /// then the evaluation, requirement and suggestion, each keeping its lines.
    /// </summary>
    public static Container Comment(IReviewRecord review, string? reviewerName, Language language)
    {
        var who = reviewerName ?? review.ReviewerId;
        var heading = review.Decision == ReviewDecision.Returned ? Texts.WorkLogs.ReturnedBy.Format(language, who) : Texts.WorkLogs.ApprovedBy.Format(language, who);
        if (review.QualityRating is { } rating)
        {
            heading += " · " + Texts.WorkLogs.RatingValue.Format(language, rating);
        }

        return new Container
        {
            Id = "comment",
            Style = review.Decision == ReviewDecision.Returned ? ContainerStyle.Warning : ContainerStyle.Good,
            Items = [new TextBlock(heading) { Id = "comment-heading", Weight = TextWeight.Bolder }, .. CommentParts(review, language)],
        };
    }

    /// <summary>
    /// What the reviewer fills in on an undecided revision: the waiting line and hint, the errors, the rating, the
    /// three-part comment (with what was typed kept).
    /// </summary>
    public static IEnumerable<CardElement> Inputs(int revision, Dictionary<string, string> typed, Dictionary<string, string> errors, Language language)
    {
        yield return new TextBlock(Texts.WorkLogs.WaitingForReview.Format(language, revision)) { Id = "decision", Weight = TextWeight.Bolder, Separator = true };
        yield return new TextBlock(Texts.WorkLogs.ReviewHint.In(language)) { IsSubtle = true, Spacing = Spacing.None };
        if (errors.Count > 0)
        {
            yield return new TextBlock(string.Join(" ", errors.Values)) { Id = "errors", Color = TextColor.Attention, Weight = TextWeight.Bolder };
        }

        typed.TryGetValue(LeadReview.RatingInput, out var typedRating);
        yield return new ChoiceSetInput
        {
            Id = LeadReview.RatingInput,
            Label = Texts.WorkLogs.Rating.In(language),
            Style = ChoiceInputStyle.Expanded,
            Value = typedRating,
            Choices = Enumerable.Range(1, 5).Select(i => new Choice(Texts.WorkLogs.Stars.Format(language, new string('★', i), i), i.ToString(CultureInfo.InvariantCulture))).ToList(),
        };
        yield return CommentInput(LeadReview.EvaluationInput, Texts.WorkLogs.Evaluation.In(language), typed);
        yield return CommentInput(LeadReview.RequirementInput, Texts.WorkLogs.Requirement.In(language), typed);
        yield return CommentInput(LeadReview.SuggestionInput, Texts.WorkLogs.Suggestion.In(language), typed);
    }

    /// <summary>Approve and Return (to the manager, named) for the record's current revision.</summary>
    public static List<CardAction> Decisions(string approveVerb, string returnVerb, string subjectKey, Guid subjectId, int revision, string managerName, Language language) =>
    [
        new ExecuteAction
        {
            Title = Texts.WorkLogs.Approve.In(language),
            Verb = approveVerb,
            Data = new JsonObject { [subjectKey] = subjectId.ToString(), ["revision"] = revision, ["verb"] = approveVerb },
            AssociatedInputs = "auto",
            Style = ActionStyle.Positive,
        },
        new ExecuteAction
        {
            Title = Texts.WorkLogs.ReturnConfirm.Format(language, managerName),
            Verb = returnVerb,
            Data = new JsonObject { [subjectKey] = subjectId.ToString(), ["revision"] = revision, ["verb"] = returnVerb },
            AssociatedInputs = "auto",
            Style = ActionStyle.Destructive,
        },
    ];

    /// <summary>A label and its value; every line of a multi-line value is its own line (hosts differ in how they show a bare line break).</summary>
    public static Container Answer(string id, string label, string value) => new()
    {
        Id = id,
        Spacing = Spacing.Small,
        Items =
        [
            new TextBlock(label) { IsSubtle = true, Size = TextSize.Small, Weight = TextWeight.Bolder },
            .. value.ReplaceLineEndings("\n").Split('\n').Where(l => l.Trim().Length > 0).DefaultIfEmpty("—")
                .Select(line => (CardElement)new TextBlock(AsWritten(line.Trim())) { Spacing = Spacing.None }),
        ],
    };

    /// <summary>
    /// A line someone wrote, shown as written: "1. text", "2) text" or "- text" would be drawn as a Markdown list,
    /// indented and cut off at the card's edge; a no-break space after the marker keeps it plain text.
    /// </summary>
    public static string AsWritten(string line) => ListMarker().Replace(line, m => m.Groups[1].Value + CardDates.NoBreakSpace, 1);

    [System.Text.RegularExpressions.GeneratedRegex(@"^(\d{1,9}[.)]|[-*+])[ \t]+")]
    private static partial System.Text.RegularExpressions.Regex ListMarker();

    private static IEnumerable<CardElement> CommentParts(IReviewRecord review, Language language)
    {
        foreach (var (key, label, value) in new[]
        {
            ("evaluation", Texts.WorkLogs.Evaluation, review.Evaluation),
            ("requirement", Texts.WorkLogs.Requirement, review.Requirement),
            ("suggestion", Texts.WorkLogs.Suggestion, review.Suggestion),
        })
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                yield return Answer("comment." + key, label.In(language), value);
            }
        }
    }

    private static TextInput CommentInput(string id, string label, Dictionary<string, string> typed) => new()
    {
        Id = id,
        Label = label,
        IsMultiline = true,
        MaxLength = LeadReview.CommentMaxLength,
        Value = typed.GetValueOrDefault(id),
    };
}
