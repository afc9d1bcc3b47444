using System.Diagnostics;
using Xunit.Abstractions;

namespace DiligenceBot.Coaching.Tests;

public sealed class PerformanceTests(ITestOutputHelper output)
{
    [Fact]
    public void Ten_thousand_managers_with_90_days_each_classify_well_under_a_second()
    {
        var asOf = new DateOnly(2025, 6, 30);
        var random = new Random(42);
        var managers = new ManagerEvidence[10_000];
        for (var m = 0; m < managers.Length; m++)
        {
            var days = new WorkDay[90];
            for (var i = 0; i < days.Length; i++)
            {
                var submitted = random.Next(20) != 0;
                days[i] = new WorkDay(
                    asOf.AddDays(-i),
                    submitted,
                    submitted && random.Next(10) != 0,
                    submitted && random.Next(8) == 0,
                    submitted ? random.Next(2, 6) : null);
            }

            var comments = new ReviewComment[random.Next(0, 8)];
            for (var i = 0; i < comments.Length; i++)
            {
                comments[i] = new ReviewComment(asOf.AddDays(-random.Next(90)), "Fair.", i % 2 == 0 ? "Write down each shop's stock level." : "请写明每家零售户的库存情况", null);
            }

            managers[m] = new ManagerEvidence(
                asOf,
                days,
                comments,
                [new TransferRaised(asOf.AddDays(-random.Next(90)), random.Next(1, 6))],
                [new Observation(asOf.AddDays(-random.Next(90)), (ObservationKind)random.Next(6))],
                [new PulseAnswer(asOf.AddDays(-random.Next(90)), random.Next(1, 6), random.Next(1, 6), random.Next(1, 6))],
                []);
        }

        var thresholds = CoachingThresholds.Default;
        for (var m = 0; m < 200; m++)
        {
            CoachingRules.Classify(managers[m], thresholds);
        }

        var suggested = 0;
        var watch = Stopwatch.StartNew();
        foreach (var evidence in managers)
        {
            suggested += CoachingRules.Classify(evidence, thresholds).Ranked.Count;
        }

        watch.Stop();
        output.WriteLine($"10,000 managers × 90 days: {watch.ElapsedMilliseconds} ms, {suggested} suggestions");
        Assert.True(suggested > 0);
        Assert.True(watch.ElapsedMilliseconds < 1000, $"10,000 managers took {watch.ElapsedMilliseconds} ms");
    }
}
