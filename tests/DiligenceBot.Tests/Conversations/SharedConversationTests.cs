using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using DiligenceBot.BotFramework.Schema;
using DiligenceBot.Localization;
using DiligenceBot.Tests.Help;
using DiligenceBot.Tests.Infrastructure;
using DiligenceBot.Tests.WorkLogs;
using DiligenceBot.Testing;
using DiligenceBot.WorkLogs;
using Microsoft.Extensions.Time.Testing;
using static DiligenceBot.Tests.WorkLogs.WorkLogDriver;

namespace DiligenceBot.Tests.Conversations;

/// <summary>
/// Cards made for one person (their log, a lead's team, a coaching card, Approve / Return) rely on Teams' user-specific
/// views (<c>refresh.userIds</c>) only to stay current; clients without them (older clients, the Playground, a channel
/// where everyone sees the base card) must still show nothing meant for someone else. So: such a card is never posted
/// in a group chat or a channel (a pointer to the personal chat instead, typed or pressed), a refresh asked by anyone
/// but its owner gives them no owner's buttons, and every card with a refresh is whole without it.
/// </summary>
public sealed class SharedConversationTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 0, 10, 0, TimeSpan.Zero));
    private LocalConnector _connector = null!;
    private BotApp _bot = null!;
    private WorkLogDriver _teams = null!;

    public async Task InitializeAsync()
    {
        _connector = await LocalConnector.StartAsync();
        _bot = new BotApp(time: _time).Start();
        _teams = new WorkLogDriver(_bot, _connector);
        await _teams.InstallAsync(TeamsUser.WangLei);
        await _teams.InstallAsync(TeamsUser.LiNa);
        await _teams.InstallAsync(TeamsUser.ChenJie);
        _connector.Clear();
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private static JsonObject InA(string conversationType, JsonObject activity)
    {
        activity["conversation"]!["conversationType"] = conversationType;
        activity["conversation"]!["id"] = conversationType == "channel" ? "19:general@thread.tacv2" : "19:group-chat@thread.v2";
        activity["conversation"]!["isGroup"] = true;
        return activity;
    }

    [Theory]
    [InlineData("channel", "team logs")]
    [InlineData("channel", "coach Wang Lei")]
    [InlineData("groupChat", "forms today")]
    [InlineData("groupChat", "log")]
    [InlineData("groupChat", "scorecard export 2026-11")]
    public async Task APersonalCommand_InAGroupChatOrChannel_GetsAPointerToThePersonalChat_NotTheCard(string where, string command)
    {
        var reply = await _teams.Chats.ReplyToAsync(InA(where, Activities.Message(_connector.ServiceUrl, TeamsUser.LiNa, command)));

        Assert.Null(reply.Body!["attachments"]);
        Assert.Equal(Texts.Common.PersonalChatOnly.EnUs, Chats.TextOf(reply));
    }

    [Fact]
    public async Task ALeadsReviewButton_PressedInAChannel_ShowsNoLog_AndHelpAndMeStillAnswerThere()
    {
        var (summary, submitted) = await _teams.ExecuteAsync(TeamsUser.WangLei, WorkLogCards.SubmitVerb, SubmitData("2026-11-27", 0, ValidInputs()));
        Assert.True(summary is not null, submitted.ToJsonString());
        var refresh = CardOf(await _teams.Chats.NotifiedAsync(TeamsUser.LiNa, WorkLogBook.ReviewRequested))["refresh"]!["action"]!.AsObject();

        var press = InA("channel", Activities.Execute(_connector.ServiceUrl, TeamsUser.LiNa, refresh["verb"]!.GetValue<string>(), refresh["data"]!.AsObject()));
        using var response = await _bot.PostActivityAsync(press);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("application/vnd.microsoft.activity.message", answer["type"]!.GetValue<string>());
        Assert.Equal(Texts.Common.PersonalChatOnly.EnUs, answer["value"]!.GetValue<string>());

        Assert.Equal("What I can do", Title(CardOf(await _teams.Chats.ReplyToAsync(InA("channel", Activities.Message(_connector.ServiceUrl, TeamsUser.LiNa, "help"))))));
        Assert.NotNull(CardOf(await _teams.Chats.ReplyToAsync(InA("groupChat", Activities.Message(_connector.ServiceUrl, TeamsUser.LiNa, "me")))));
    }

    [Fact]
    public async Task TheLeadsReviewCardsRefresh_AskedByAnotherManager_GivesThemNoApproveOrReturn()
    {
        var (summary, answer) = await _teams.ExecuteAsync(TeamsUser.WangLei, WorkLogCards.SubmitVerb, SubmitData("2026-11-27", 0, ValidInputs()));
        Assert.True(summary is not null, answer.ToJsonString());
        var review = CardOf(await _teams.Chats.NotifiedAsync(TeamsUser.LiNa, WorkLogBook.ReviewRequested));
        var refresh = review["refresh"]!["action"]!.AsObject();
        Assert.Equal([TeamsUser.LiNa.Id], review["refresh"]!["userIds"]!.AsArray().Select(u => u!.GetValue<string>()));
        Assert.NotNull(Action(review, WorkLogCards.ApproveVerb));

        // A client that refreshes for whoever views it (no userIds support) asks as Chen Jie.
        var (asChen, chenAnswer) = await _teams.ExecuteAsync(TeamsUser.ChenJie, refresh["verb"]!.GetValue<string>(), refresh["data"]!.AsObject());

        Assert.True(asChen is null || Action(asChen, WorkLogCards.ApproveVerb) is null && Action(asChen, WorkLogCards.ReturnVerb) is null, chenAnswer.ToJsonString());
    }

    /// <summary>A card whose refresh goes to one person is whole without the refresh: a title, a body, fallback text.</summary>
    [Fact]
    public void EveryCardWithARefresh_IsWholeWithoutIt_AndRefreshesOnlyForItsOwner()
    {
        var withRefresh = CardSchemaTests.EveryCard().Where(c => c.Card.Refresh is not null).ToList();
        Assert.NotEmpty(withRefresh);
        foreach (var (name, card) in withRefresh)
        {
            var json = JsonSerializer.SerializeToNode(card, BotJsonContext.Default.AdaptiveCard)!.AsObject();
            Assert.True(card.Refresh!.UserIds is null or { Count: 1 }, $"{name}: a refresh names its one owner (or, unknown, none)");
            Assert.False(string.IsNullOrWhiteSpace(card.FallbackText), $"{name} has no fallback text");
            Assert.True(card.Body.Count >= 2, $"{name}: the card without its refresh shows nothing but a title");
            Assert.Equal("Action.Execute", json["refresh"]!["action"]!["type"]!.GetValue<string>());
        }
    }
}
