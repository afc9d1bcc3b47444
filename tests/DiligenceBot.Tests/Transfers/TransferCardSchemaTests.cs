using System.Text.Json;
using System.Text.Json.Nodes;
using DiligenceBot.BotFramework.Cards;
using DiligenceBot.BotFramework.Schema;
using DiligenceBot.Localization;
using DiligenceBot.Organisation;
using DiligenceBot.Tests.Infrastructure;
using DiligenceBot.Transfers;

namespace DiligenceBot.Tests.Transfers;

/// <summary>
/// Every transfer card, in every state, for every role, in both languages, checked by the official `adaptivecards`
/// library at schema 1.5 (tools/validate/validate-cards.mjs) and against Teams' size limit.
/// </summary>
public sealed class TransferCardSchemaTests
{
    /// <summary>Each transfer card by a file name saying which (also yielded by the app-wide card test).</summary>
    public static IEnumerable<(string Name, AdaptiveCard Card)> EveryCard()
    {
        var at = new DateTimeOffset(2026, 11, 30, 2, 0, 0, TimeSpan.Zero);
        var deadlines = new TransferDeadlines { RemindAfterHours = 2, EscalateAfterHours = 4, HandleWithinHours = 16 };
        var complaint = new TransferCategory { Id = "complaint", TenantId = "t", NameEn = "Customer complaint", NameZh = "客户投诉", PostId = "customer-service", Normal = deadlines, Urgent = deadlines };
        var market = new TransferCategory { Id = "market", TenantId = "t", NameEn = "Market intelligence", NameZh = "市场信息", PostId = "brand", Normal = deadlines, Urgent = deadlines };
        var posts = new Dictionary<string, TransferPost>(StringComparer.Ordinal)
        {
            ["customer-service"] = new() { Id = "customer-service", TenantId = "t", NameEn = "Customer service", NameZh = "客户服务部", LeadId = "liu-yang", MemberIds = ["sun-hao"] },
            ["office"] = new() { Id = "office", TenantId = "t", NameEn = "Office", NameZh = "办公室", MemberIds = ["liu-yang"] },
            ["logistics"] = new() { Id = "logistics", TenantId = "t", NameEn = "Logistics and delivery", NameZh = "物流配送中心", MemberIds = ["zhou-qiang"] },
        };
        var names = new Dictionary<string, string>(StringComparer.Ordinal) { ["wang-lei"] = "Wang Lei 王磊", ["sun-hao"] = "Sun Hao 孙浩", ["li-na"] = "Li Na 李娜" };
        var longText = new string('信', TransferLimits.Content);

        TransferForm Form(TransferState state, int revision, params TransferStep[] steps) => new()
        {
            Id = Guid.NewGuid(), TenantId = "t", Number = "XX-2026-000123", Year = 2026, Sequence = 123, ProviderId = "wang-lei", ProviderTeamId = "east-1",
            CategoryId = "complaint", Urgency = TransferUrgency.Urgent, Content = longText, Request = "Please deliver the missing cases.", Customer = "Huamei Store",
            PostId = "customer-service", State = state, Revision = revision, SentAt = at, AckDueAt = at.AddHours(2), AckEscalateAt = at.AddHours(4), HandleDueAt = at.AddHours(16),
            ReceivedAt = state == TransferState.Sent ? null : at.AddMinutes(20), ReceivedById = state == TransferState.Sent ? null : "sun-hao",
            HandledAt = state is TransferState.Handled or TransferState.Closed ? at.AddHours(1) : null, HandledById = state is TransferState.Handled or TransferState.Closed ? "sun-hao" : null,
            HandlingOpinion = state is TransferState.Handled or TransferState.Closed ? new string('办', TransferLimits.Opinion) : null,
            Feedback = state is TransferState.Handled or TransferState.Closed ? "Delivered at 14:00." : null,
            HandlingRating = state == TransferState.Closed ? 4 : null, ClosingComment = state == TransferState.Closed ? "Thanks." : null,
            ValueRating = 5, ValueRatedById = "li-na", ReopenCount = state == TransferState.Reopened ? 1 : 0, ReopenReason = state == TransferState.Reopened ? "Only one case arrived." : null,
            AckEscalatedAt = state == TransferState.Sent ? at.AddHours(4) : null, RemindedAt = state == TransferState.Sent ? at.AddHours(2) : null,
            Steps = [.. steps],
        };
        TransferForm Numbered(int sequence)
        {
            var form = Form(TransferState.Sent, 1);
            form.Number = $"XX-2026-{sequence:000000}";
            return form;
        }

        TransferStep Step(int from, TransferStepKind kind, string actor, string? to = null, string? text = null, int? rating = null) =>
            new() { FromRevision = from, Kind = kind, ActorId = actor, At = at.AddMinutes(from * 10), ToPostId = to, Text = text, Rating = rating };
        var history = new[]
        {
            Step(0, TransferStepKind.Submitted, "wang-lei", "office"),
            Step(1, TransferStepKind.Forwarded, "liu-yang", "customer-service", "Not ours"),
            Step(2, TransferStepKind.Acknowledged, "sun-hao"),
            Step(3, TransferStepKind.Handled, "sun-hao", text: "Done"),
            Step(4, TransferStepKind.Reopened, "wang-lei", text: "Not done"),
            Step(5, TransferStepKind.Handled, "sun-hao", text: "Done now"),
            Step(6, TransferStepKind.Closed, "wang-lei", rating: 4),
        };
        TransferCards.ViewState View(TransferForm form, TransferRoles roles, string? notice = null, Dictionary<string, string>? typed = null, Dictionary<string, string>? errors = null) =>
            new(form, complaint, posts, names, roles, "Asia/Shanghai", "29:1-x", typed ?? [], errors ?? [], notice);
        var receiver = new TransferRoles(false, true, false, true);
        var provider = new TransferRoles(true, false, false, true);
        var everyone = new TransferRoles(true, true, true, true);
        var lead = new TransferRoles(false, false, true, true);
        var east1 = new Team { Id = "east-1", TenantId = "t", NameEn = "East District 1", NameZh = "华东一组" };
        var formErrors = new Dictionary<string, string>
        {
            [TransferCards.CategoryInput] = "Choose one of the categories.",
            [TransferCards.ContentInput] = "Content is required.",
            [TransferCards.CustomerInput] = "Related customer contains HTML or script markup (< >); please write plain text.",
        };

        foreach (var language in Enum.GetValues<Language>())
        {
            var tag = language.Tag();
            yield return ($"transfer-form-new.{tag}", TransferCards.Form(new([complaint, market], Guid.NewGuid(), [], []), language));
            yield return ($"transfer-form-errors.{tag}", TransferCards.Form(new([complaint, market], Guid.NewGuid(),
                new() { [TransferCards.CategoryInput] = "gossip", [TransferCards.ContentInput] = "", [TransferCards.CustomerInput] = "<b>x</b>" }, formErrors, "notice"), language));
            yield return ($"transfer-sent-receiver.{tag}", TransferCards.View(View(Form(TransferState.Sent, 1, history[0]), receiver, "New for Customer service"), language));
            yield return ($"transfer-sent-provider.{tag}", TransferCards.View(View(Form(TransferState.Sent, 1, history[0]), provider, "Sent as XX-2026-000123"), language));
            yield return ($"transfer-acknowledged-errors.{tag}", TransferCards.View(View(Form(TransferState.Acknowledged, 3, history[..3]), receiver, null,
                new() { [TransferCards.PostInput] = "office", [TransferCards.ForwardReasonInput] = "" }, new() { [TransferCards.ForwardReasonInput] = "Reason for forwarding is required." }), language));
            yield return ($"transfer-handled-provider.{tag}", TransferCards.View(View(Form(TransferState.Handled, 4, history[..4]), provider, "Sun Hao handled your form."), language));
            yield return ($"transfer-reopened-everyone.{tag}", TransferCards.View(View(Form(TransferState.Reopened, 5, history[..5]), everyone), language));
            yield return ($"transfer-closed-lead.{tag}", TransferCards.View(View(Form(TransferState.Closed, 7, history), lead), language));
            yield return ($"transfer-closed-nobody.{tag}", TransferCards.View(View(Form(TransferState.Closed, 7, history), new TransferRoles(false, false, false, true)), language));
            var rows = Enumerable.Range(1, 20).Select(i => new TransferCards.ListRow(Numbered(i),
                $"Wang Lei 王磊 · XX-2026-{i:000000} · 客户投诉 · Urgent · waiting for acknowledgement · due 2026\u201111\u201130\u00a012:00", i % 3 == 0)).ToList();
            yield return ($"transfer-list-full.{tag}", TransferCards.List("Forms to handle", rows, "empty", language, "Sent 20 · waiting 20"));
            yield return ($"transfer-routing.{tag}", TransferCards.Routing(
                [
                    new("Customer complaint", [Texts.Transfers.RoutingGoesTo.Format(language, "Customer service (Sun Hao 孙浩; lead Liu Yang 刘洋)"),
                        Texts.Transfers.RoutingDeadlines.Format(language, Texts.Transfers.RoutingNormal.In(language), 2, 4, 16),
                        Texts.Transfers.RoutingDeadlines.Format(language, Texts.Transfers.RoutingUrgent.In(language), 0.5, 1, 4)]),
                    new(Texts.Transfers.RoutingFallback.In(language), ["Office (Liu Yang 刘洋)"]),
                ], language, "Customer complaint now goes to Office."));
            yield return ($"transfer-list-empty.{tag}", TransferCards.List(TransferCards.TeamName(east1, language), [], "Nothing", language));
        }
    }

    [Fact]
    public async Task EveryTransferCard_IsValidAdaptiveCard15_ForTheOfficialLibrary()
    {
        await CardValidation.AssertValidAsync(EveryCard().ToList());
    }

    [Fact]
    public void EveryTransferCard_IsSmallEnoughForTeams_EvenWithTheLongestTexts()
    {
        CardValidation.AssertSmallEnough(EveryCard());
    }

    [Fact]
    public void EveryInputId_IsUniqueWithinItsCard_ShowCardsIncluded()
    {
        foreach (var (name, card) in EveryCard())
        {
            var ids = Ids(JsonSerializer.SerializeToNode(card, BotJsonContext.Default.AdaptiveCard)!).ToList();
            Assert.True(ids.Count == ids.Distinct(StringComparer.Ordinal).Count(), $"{name} repeats an id: {string.Join(", ", ids)}");
        }
    }

    private static IEnumerable<string> Ids(JsonNode node) => node switch
    {
        JsonObject o => (o["id"] is JsonValue v && v.TryGetValue<string>(out var id) && o["type"]?.GetValue<string>()?.StartsWith("Input.", StringComparison.Ordinal) == true ? [id] : Array.Empty<string>())
            .Concat(o.Where(p => p.Value is not null).SelectMany(p => Ids(p.Value!))),
        JsonArray a => a.Where(x => x is not null).SelectMany(x => Ids(x!)),
        _ => [],
    };
}
