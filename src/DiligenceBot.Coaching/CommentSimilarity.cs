using System.Text;

namespace DiligenceBot.Coaching;

/// <summary>
/// Language-neutral near-duplicate detection for the lead's review comments: the Jaccard similarity of the sets of
/// character bigrams of the normalised texts (compatibility-folded so full-width and half-width forms agree,
/// lower-cased, every run of characters that are not letters or digits turned into one space). Works the same for
/// Chinese (where a bigram is roughly a word) and English (where bigrams cross word boundaries through the space).
/// </summary>
public static class CommentSimilarity
{
    /// <summary>The normalised form of a text that bigrams are taken from.</summary>
    public static string Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var folded = text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(folded.Length);
        var pendingSpace = false;
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                pendingSpace = false;
                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                pendingSpace = true;
            }
        }

        return builder.ToString();
    }

    /// <summary>Bigram Jaccard similarity (0..1) of two texts; 0 when either has fewer than two characters after normalising.</summary>
    public static double Similarity(string? a, string? b) => Jaccard(Bigrams(Normalise(a)), Bigrams(Normalise(b)));

    /// <summary>The distinct character bigrams of a normalised text, sorted, each packed into an int.</summary>
    internal static int[] Bigrams(string normalised)
    {
        if (normalised.Length < 2)
        {
            return [];
        }

        var grams = new int[normalised.Length - 1];
        for (var i = 0; i < grams.Length; i++)
        {
            grams[i] = (normalised[i] << 16) | normalised[i + 1];
        }

        Array.Sort(grams);
        var distinct = 1;
        for (var i = 1; i < grams.Length; i++)
        {
            if (grams[i] != grams[distinct - 1])
            {
                grams[distinct++] = grams[i];
            }
        }

        return distinct == grams.Length ? grams : grams[..distinct];
    }

    /// <summary>Jaccard similarity of two sorted distinct sets.</summary>
    internal static double Jaccard(int[] a, int[] b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        int i = 0, j = 0, common = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                common++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return (double)common / (a.Length + b.Length - common);
    }
}

/// <summary>The largest group of near-identical requirements/suggestions in the long window.</summary>
/// <param name="Count">How many comments (returned logs) carried it.</param>
/// <param name="Text">The text of the group's earliest part that has the most similar parts (as the lead wrote it).</param>
/// <param name="IsSuggestion">True when that text was a suggestion, false when a requirement.</param>
internal sealed record RepeatedFeedback(int Count, string Text, bool IsSuggestion)
{
    /// <summary>The biggest group of similar comment parts when it reaches <see cref="FeedbackThresholds.MinRepeats"/>, else null.</summary>
    public static RepeatedFeedback? Find(ManagerEvidence evidence, CoachingThresholds t)
    {
        var comments = evidence.Comments;
        var f = t.Feedback;
        if (comments.Count < f.MinRepeats)
        {
            return null;
        }

        var window = Window.Of(evidence, t);
        var parts = new List<Part>(comments.Count * 2);
        var inWindow = 0;
        for (var i = 0; i < comments.Count; i++)
        {
            var c = comments[i];
            var n = c.Date.DayNumber;
            if (!window.InLong(n))
            {
                continue;
            }

            inWindow++;
            Add(parts, c.Requirement, i, n, isSuggestion: false, f.MinTextLength);
            Add(parts, c.Suggestion, i, n, isSuggestion: true, f.MinTextLength);
        }

        if (inWindow < f.MinRepeats || parts.Count < f.MinRepeats)
        {
            return null;
        }

        // For each part: how many distinct comments carry a part similar to it (its own included). Parts are in
        // comment order, so the similar parts of one comment are adjacent and a comment is counted once.
        RepeatedFeedback? best = null;
        var bestDate = 0;
        for (var i = 0; i < parts.Count; i++)
        {
            var count = 0;
            var lastComment = -1;
            for (var j = 0; j < parts.Count; j++)
            {
                if (parts[j].Comment == lastComment)
                {
                    continue;
                }

                if (i == j || CommentSimilarity.Jaccard(parts[i].Bigrams, parts[j].Bigrams) >= f.SimilarityThreshold - 1e-9)
                {
                    count++;
                    lastComment = parts[j].Comment;
                }
            }

            // The biggest group wins; among equals, the one written earliest, so the quote is stable.
            if (count >= f.MinRepeats && (best is null || count > best.Count || (count == best.Count && parts[i].Date < bestDate)))
            {
                best = new RepeatedFeedback(count, parts[i].Text, parts[i].IsSuggestion);
                bestDate = parts[i].Date;
            }
        }

        return best;
    }

    private static void Add(List<Part> parts, string? text, int comment, int date, bool isSuggestion, int minLength)
    {
        var normalised = CommentSimilarity.Normalise(text);
        if (normalised.Length < minLength)
        {
            return;
        }

        parts.Add(new Part(comment, date, text!.Trim(), isSuggestion, CommentSimilarity.Bigrams(normalised)));
    }

    private readonly record struct Part(int Comment, int Date, string Text, bool IsSuggestion, int[] Bigrams);
}
