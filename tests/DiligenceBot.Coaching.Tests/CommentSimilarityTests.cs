namespace DiligenceBot.Coaching.Tests;

public sealed class CommentSimilarityTests
{
    [Theory]
    [InlineData("ＡＢＣ　ｄｅｆ", "abc def")] // full-width folded
    [InlineData("  Write down, each shop's STOCK!  ", "write down each shop s stock")]
    [InlineData("请写明：每家零售户的库存。", "请写明 每家零售户的库存")]
    [InlineData(null, "")]
    [InlineData("。！", "")]
    public void Normalise_folds_width_case_and_punctuation(string? text, string expected)
    {
        Assert.Equal(expected, CommentSimilarity.Normalise(text));
    }

    [Theory]
    [InlineData("Write down each shop's stock level.", "Please write down each shop's stock levels.", true)]
    [InlineData("Write down each shop's stock level.", "Write down the stock level of each shop.", true)]
    [InlineData("请写明每家零售户的库存情况", "要写明每家零售户的库存。", true)]
    [InlineData("请写明每家零售户的库存情况", "请写清楚每家零售户的库存情况！", true)]
    [InlineData("Write down each shop's stock level.", "Write down each shop's display space.", false)]
    [InlineData("请写明每家零售户的库存情况", "拜访前先准备好新品的卖点介绍", false)]
    [InlineData("Write down each shop's stock level.", "Record the prices of competing brands.", false)]
    [InlineData("a", "a", false)]
    public void Near_duplicates_reach_the_default_threshold(string a, string b, bool similar)
    {
        var threshold = CoachingThresholds.Default.Feedback.SimilarityThreshold;

        var similarity = CommentSimilarity.Similarity(a, b);

        Assert.Equal(similar, similarity >= threshold);
        Assert.Equal(similarity, CommentSimilarity.Similarity(b, a), precision: 12);
    }

    [Fact]
    public void Identical_texts_are_fully_similar()
    {
        Assert.Equal(1.0, CommentSimilarity.Similarity("写明库存情况", "写明库存情况。"));
        Assert.Equal(0.0, CommentSimilarity.Similarity("", "写明库存情况"));
    }

    [Fact]
    public void Repeats_are_counted_once_per_comment()
    {
        // The requirement and the suggestion of one comment say the same thing: still one comment.
        var evidence = new EvidenceBuilder().Weekdays()
            .Comment(50, requirement: "Write down each shop's stock level.", suggestion: "Write down each shop's stock level!")
            .Comment(20, requirement: "Write down the stock level of each shop.", suggestion: "Please write down each shop's stock levels.")
            .Build();

        Assert.Null(RepeatedFeedback.Find(evidence, CoachingThresholds.Default));

        var three = new EvidenceBuilder().Weekdays()
            .Comment(50, requirement: "Write down each shop's stock level.", suggestion: "Write down each shop's stock level!")
            .Comment(20, requirement: "Write down the stock level of each shop.")
            .Comment(10, suggestion: "Please write down each shop's stock levels.")
            .Build();
        var found = RepeatedFeedback.Find(three, CoachingThresholds.Default);

        Assert.NotNull(found);
        Assert.Equal(3, found.Count);
        Assert.Equal("Write down each shop's stock level.", found.Text);
        Assert.False(found.IsSuggestion);
    }
}
