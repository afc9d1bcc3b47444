using System.Text.Json;
using System.Text.Json.Nodes;
using DiligenceBot.BotFramework.Cards;
using DiligenceBot.BotFramework.Schema;
using DiligenceBot.Coaching;
using DiligenceBot.Localization;
using DiligenceBot.Organisation;
using DiligenceBot.Tests.Infrastructure;

namespace DiligenceBot.Tests.Coaching;

/// <summary>
/// Every coaching card, in every state, in both languages, checked by the official `adaptivecards` library at schema
/// 1.5 (tools/validate/validate-cards.mjs) and against Teams' size limit with the longest texts a lead can type.
/// </summary>
public sealed class CoachingCardSchemaTests
{
    public static CoachingLibrary Library { get; } = new(Path.Combine(RepoTools.RepoRoot, "seeds", "coaching"));

    /// <summary>Each coaching card by a file name saying which (also yielded by the app-wide card test).</summary>
    public static IEnumerable<(string Name, AdaptiveCard Card)> EveryCard()
    {
        var team = new Team { Id = "east-1", TenantId = "t", NameEn = "East District 1", NameZh = "华东一组", LeadId = "li-na" };
        var manager = new Person { Id = "chen-jie", TenantId = "t", AadObjectId = "c", DisplayName = "Chen Jie 陈杰", TeamId = "east-1" };
        var today = new DateOnly(2026, 11, 30);
        var at = new DateTimeOffset(2026, 11, 30, 2, 0, 0, TimeSpan.Zero);
        var longNote = new string('观', CoachingLimits.Note);
        var summary = new EvidenceSummary(20, 0.95, 0.9, 4.2, 4.0, 1, 3, 4.5, 0, new PulseAnswer(today, 2, 3, 1));
        var line = new EvidenceLine("on time 95% on days 1–10, 40% on days 21–30", "1–10日准时率95%，21–30日40%");
        var ranked = new CoachingSuggestion(
            [
                new TypeCandidate(ManagerType.StrongStartWeakFinish, 0.8, [line, line]),
                new TypeCandidate(ManagerType.Discontented, 0.5, [line]),
                new TypeCandidate(ManagerType.LacksConfidence, 0.3, [line]),
            ],
            summary, false);
        var none = new CoachingSuggestion([], new EvidenceSummary(3, null, null, null, null, 0, 0, null, 0, null), true);
        var quiet = new CoachingSuggestion([], summary with { LatestPulse = null }, false);
        var names = new Dictionary<string, string>(StringComparer.Ordinal) { ["li-na"] = "Li Na 李娜", ["liu-yang"] = "Liu Yang 刘洋" };
        CoachingAssessment Decision(ManagerType type, int daysAgo) => new()
        {
            Id = Guid.NewGuid(), TenantId = "t", ManagerId = manager.Id, SuggestedType = ManagerType.StrongStartWeakFinish, ChosenType = type,
            Reason = new string('理', CoachingLimits.Reason), DecidedById = "li-na", DecidedAt = at.AddDays(-daysAgo),
        };
        var decisions = new[] { Decision(ManagerType.Discontented, 0), Decision(ManagerType.Complacent, 30), Decision(ManagerType.Excellent, 60), Decision(ManagerType.LacksConfidence, 90), Decision(ManagerType.LacksInitiative, 120) };
        var actions = Library[ManagerType.Discontented].Actions.Select((a, i) => new CoachingAction
        {
            Id = Guid.NewGuid(), TenantId = "t", ManagerId = manager.Id, Type = ManagerType.Discontented, PlaybookActionId = a.Id, Due = today.AddDays(i - 1), Status = CoachingActionStatus.Open,
        }).ToList();
        var observations = Enumerable.Range(0, 5).Select(i => new LeadObservation
        {
            Id = Guid.NewGuid(), TenantId = "t", ManagerId = manager.Id, Kind = (ObservationKind)(i % 6), Note = longNote, ObservedOn = today.AddDays(-i), RecordedById = "li-na", RecordedAt = at,
        }).ToList();
        var fresh = new CoachingView(manager, team, ranked, [], [], [], names, today, 0);
        var full = new CoachingView(manager, team, ranked, decisions, actions, observations, names, today, 3);
        var typed = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [CoachingCards.TypeInput] = "no-such-type", [CoachingCards.ReasonInput] = "<b>x</b>", [CoachingCards.ObservationNoteInput] = longNote,
        };
        var errors = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [CoachingCards.TypeInput] = Texts.Coaching.ErrorType.EnUs, [CoachingCards.ReasonInput] = Texts.Coaching.ReasonRequired.EnUs,
        };
        var pulse = new PulseResponse { Id = Guid.NewGuid(), TenantId = "t", ManagerId = manager.Id, Month = new DateOnly(2026, 11, 1), Confidence = 2, Motivation = 4, Fairness = 5, AnsweredAt = at };
        var rows = new[]
        {
            new CoachingCards.DigestRow(manager, ManagerType.Excellent, 0.9, true, ManagerType.Complacent, ManagerType.Excellent, 2, 1),
            new CoachingCards.DigestRow(new Person { Id = "wang-lei", TenantId = "t", AadObjectId = "w", DisplayName = "Wang Lei 王磊", TeamId = "east-1" }, null, 0, false, null, null, 0, 0),
        };

        foreach (var language in new[] { Language.EnUs, Language.ZhCn })
        {
            var tag = language.Tag();
            yield return ($"coach-fresh.{tag}", CoachingCards.Coach(fresh, Library, language, "29:1-li-na"));
            yield return ($"coach-insufficient.{tag}", CoachingCards.Coach(fresh with { Suggestion = none }, Library, language, "29:1-li-na"));
            yield return ($"coach-nothing-stands-out.{tag}", CoachingCards.Coach(fresh with { Suggestion = quiet }, Library, language, null));
            yield return ($"coach-full.{tag}", CoachingCards.Coach(full, Library, language, "29:1-li-na", notice: Texts.Coaching.ObservationSaved.In(language)));
            yield return ($"coach-errors.{tag}", CoachingCards.Coach(full, Library, language, "29:1-li-na", typed, errors));
            foreach (var type in Enum.GetValues<ManagerType>())
            {
                yield return ($"coach-decided-{CoachingLibrary.TypeKey(type)}.{tag}", CoachingCards.Coach(full with { Assessments = [Decision(type, 0)] }, Library, language, null));
            }

            yield return ($"coach-pick.{tag}", CoachingCards.Pick([manager, manager], Texts.Coaching.SeveralMatch.Format(language, "Chen"), language));
            yield return ($"pulse.{tag}", CoachingCards.Pulse(pulse.Month, language));
            yield return ($"pulse-errors.{tag}", CoachingCards.Pulse(pulse.Month, language,
                new Dictionary<string, string>(StringComparer.Ordinal) { [CoachingCards.ConfidenceInput] = "9" },
                new Dictionary<string, string>(StringComparer.Ordinal) { [CoachingCards.ConfidenceInput] = Texts.Coaching.ErrorScale.In(language), [CoachingCards.FairnessInput] = Texts.Coaching.ErrorScale.In(language) },
                Texts.Coaching.PulseMonthOver.In(language)));
            yield return ($"pulse-answered.{tag}", CoachingCards.PulseAnswered(pulse, language, null));
            yield return ($"coaching-digest.{tag}", CoachingCards.Digest(team, pulse.Month, rows, Library, language));
            yield return ($"coaching-digest-empty.{tag}", CoachingCards.Digest(team, pulse.Month, [], Library, language));
            yield return ($"coaching-action-due.{tag}", CoachingCards.ActionReminder(actions[1], manager, Library[ManagerType.Discontented].Actions[1].In(language), today, language));
            yield return ($"coaching-action-overdue.{tag}", CoachingCards.ActionReminder(actions[0], manager, Library[ManagerType.Discontented].Actions[0].In(language), today, language));
            yield return ($"coaching-tip.{tag}", CoachingCards.Tip(Library[ManagerType.LacksConfidence].ManagerTips[0].In(language), "Li Na 李娜", language));
        }
    }

    [Fact]
    public async Task EveryCoachingCard_IsValidAdaptiveCard15_ForTheOfficialLibrary()
    {
        await CardValidation.AssertValidAsync(EveryCard().ToList());
    }

    [Fact]
    public void EveryCoachingCard_IsSmallEnoughForTeams_EvenWithTheLongestTexts()
    {
        CardValidation.AssertSmallEnough(EveryCard());
    }

    [Fact]
    public void TheManagersCards_NeverNameAType()
    {
        var typeNames = Enum.GetValues<ManagerType>().SelectMany(t => new[] { Library[t].Name.En, Library[t].Name.Zh }).ToList();
        var forManagers = EveryCard().Where(c => c.Name.StartsWith("pulse", StringComparison.Ordinal) || c.Name.StartsWith("coaching-tip", StringComparison.Ordinal)).ToList();
        Assert.Equal(8, forManagers.Count);
        foreach (var type in Enum.GetValues<ManagerType>())
        {
            foreach (var tip in Library[type].ManagerTips)
            {
                forManagers.Add(("tip " + type, CoachingCards.Tip(tip.En, "Li Na", Language.EnUs)));
                forManagers.Add(("tip " + type, CoachingCards.Tip(tip.Zh, "李娜", Language.ZhCn)));
            }
        }

        foreach (var (name, card) in forManagers)
        {
            var json = JsonSerializer.Serialize(card, BotJsonContext.Default.AdaptiveCard);
            var text = JsonNode.Parse(json)!.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            foreach (var typeName in typeNames)
            {
                Assert.False(text.Contains(typeName, StringComparison.OrdinalIgnoreCase), $"{name} names the type '{typeName}'");
            }
        }
    }

    [Fact]
    public void ThePlaybooks_CoverEveryType_InBothLanguages_WithActionsAndTips()
    {
        foreach (var type in Enum.GetValues<ManagerType>())
        {
            var playbook = Library[type];
            Assert.NotEmpty(playbook.LookInto);
            Assert.NotEmpty(playbook.HowToTalk);
            Assert.NotEmpty(playbook.WhatToDo);
            Assert.NotEmpty(playbook.Actions);
            Assert.NotEmpty(playbook.ManagerTips);
            Assert.All(playbook.Actions, a => Assert.InRange(a.DueInDays, 1, 45));
        }
    }

    [Fact]
    public void APlaybookFile_MissingAType_OrAText_IsRefusedWithTheReason()
    {
        var json = File.ReadAllText(Path.Combine(RepoTools.RepoRoot, "seeds", "coaching", "playbooks.json"));
        var node = JsonNode.Parse(json)!;
        node["playbooks"]!.AsArray().RemoveAt(6);
        var missing = Assert.Throws<InvalidDataException>(() => CoachingLibrary.ParsePlaybooks(node.ToJsonString(), "playbooks.json"));
        Assert.Contains("no playbook for excellent", missing.Message, StringComparison.Ordinal);

        node = JsonNode.Parse(json)!;
        node["playbooks"]![0]!["actions"]![0]!["zh"] = " ";
        var noChinese = Assert.Throws<InvalidDataException>(() => CoachingLibrary.ParsePlaybooks(node.ToJsonString(), "playbooks.json"));
        Assert.Contains("lacksConfidence, action accompanied-visit-easy-start: needs both an English and a Chinese text", noChinese.Message, StringComparison.Ordinal);
    }
}
