using System.Text.Json;
using System.Text.Json.Nodes;
using DiligenceBot.BotFramework.Cards;
using DiligenceBot.BotFramework.Schema;

namespace DiligenceBot.BotFramework.Tests.Cards;

/// <summary>The typed card model writes the JSON Teams expects: schema 1.5, type discriminators everywhere, no nulls.</summary>
public sealed class AdaptiveCardSerializationTests
{
    private static JsonObject Serialize(AdaptiveCard card) =>
        JsonSerializer.SerializeToNode(card, BotJsonContext.Default.AdaptiveCard)!.AsObject();

    [Fact]
    public void Card_HasSchemaVersionAndFullWidth()
    {
        var json = Serialize(new AdaptiveCard { Body = [new TextBlock("hi")] });

        Assert.Equal("AdaptiveCard", json["type"]!.GetValue<string>());
        Assert.Equal("1.5", json["version"]!.GetValue<string>());
        Assert.Equal("Full", json["msteams"]!["width"]!.GetValue<string>());
        Assert.False(json.ContainsKey("actions"));
        Assert.False(json.ContainsKey("refresh"));
        Assert.False(json["body"]![0]!.AsObject().ContainsKey("size"));
    }

    [Fact]
    public void RefreshAction_CarriesItsType()
    {
        var json = Serialize(new AdaptiveCard
        {
            Refresh = new CardRefresh { Action = new ExecuteAction { Verb = "x.view", Data = new JsonObject { ["id"] = "1" } }, UserIds = ["29:1"] },
        });

        Assert.Equal("Action.Execute", json["refresh"]!["action"]!["type"]!.GetValue<string>());
        Assert.Equal("x.view", json["refresh"]!["action"]!["verb"]!.GetValue<string>());
        Assert.Equal("29:1", json["refresh"]!["userIds"]![0]!.GetValue<string>());
    }

    [Fact]
    public void EveryElementAndAction_WritesItsTypeFirst()
    {
        var json = Serialize(new AdaptiveCard
        {
            Body =
            [
                new TextBlock("t") { Size = TextSize.Large, Weight = TextWeight.Bolder, Color = TextColor.Attention },
                new Container { Items = [new FactSet { Facts = [new Fact("a", "b")] }], Style = ContainerStyle.Warning },
                new ColumnSet { Columns = [new Column { Width = "auto", Items = [new ActionSet { Actions = [new OpenUrlAction { Url = "https://example.com", Title = "o" }] }] }] },
                new TextInput { Id = "t", IsMultiline = true, MaxLength = 5 },
                new NumberInput { Id = "n", Min = 0, Max = 5 },
                new DateInput { Id = "d", Min = "2026-01-01" },
                new ChoiceSetInput { Id = "c", Style = ChoiceInputStyle.Expanded, Choices = [new Choice("One", "1")] },
                new ToggleInput { Id = "g", Title = "toggle" },
            ],
            Actions =
            [
                new ExecuteAction { Verb = "v", Style = ActionStyle.Positive },
                new SubmitAction { Data = new JsonObject { ["verb"] = "v" } },
                new ShowCardAction { Card = new AdaptiveCard { MsTeams = null, Body = [new TextBlock("inner")] } },
                new ToggleVisibilityAction { TargetElements = ["t"] },
            ],
        });

        Assert.Equal(
            ["TextBlock", "Container", "ColumnSet", "Input.Text", "Input.Number", "Input.Date", "Input.ChoiceSet", "Input.Toggle"],
            json["body"]!.AsArray().Select(e => e!["type"]!.GetValue<string>()));
        Assert.Equal(["Action.Execute", "Action.Submit", "Action.ShowCard", "Action.ToggleVisibility"],
            json["actions"]!.AsArray().Select(e => e!["type"]!.GetValue<string>()));
        Assert.Equal("type", json["body"]![0]!.AsObject().First().Key);
        Assert.Equal("Large", json["body"]![0]!["size"]!.GetValue<string>());
        Assert.Equal("Column", json["body"]![2]!["columns"]![0]!["type"]!.GetValue<string>());
        Assert.Equal("Action.OpenUrl", json["body"]![2]!["columns"]![0]!["items"]![0]!["actions"]![0]!["type"]!.GetValue<string>());
        Assert.Equal("Expanded", json["body"]![6]!["style"]!.GetValue<string>());
        Assert.Equal("Positive", json["actions"]![0]!["style"]!.GetValue<string>());
    }

    [Fact]
    public void InboundActivity_RoundTripsUnknownFields()
    {
        const string raw = """{"type":"message","id":"1","newThing":{"a":[1,2]},"channelData":{"tenant":{"id":"t"},"teamsFuture":true}}""";

        var activity = JsonSerializer.Deserialize(raw, BotJsonContext.Default.Activity)!;
        var back = JsonNode.Parse(JsonSerializer.Serialize(activity, BotJsonContext.Default.Activity))!;

        Assert.Equal("t", activity.TenantId);
        Assert.Equal(2, back["newThing"]!["a"]![1]!.GetValue<int>());
        Assert.True(back["channelData"]!["teamsFuture"]!.GetValue<bool>());
    }

    private static AdaptiveCard SampleCard() => new()
    {
        FallbackText = "Help · 帮助",
        Body = [new TextBlock("“quoted” <b> & 中文") { Size = TextSize.Large }, new FactSet { Facts = [new Fact("a", "b")] }],
        Actions = [new ExecuteAction { Title = "Go", Verb = "help.profile", Data = new JsonObject { ["k"] = "v" } }],
    };

    [Fact]
    public void FrozenCard_IsSentExactlyAsTheSameCardSerialisedEachTime()
    {
        var live = JsonSerializer.Serialize(OutgoingActivity.FromCard(SampleCard()), BotJsonContext.Default.OutgoingActivity);
        var frozen = SampleCard().Freeze();

        var first = JsonSerializer.Serialize(OutgoingActivity.FromCard(frozen), BotJsonContext.Default.OutgoingActivity);
        var second = JsonSerializer.Serialize(OutgoingActivity.FromCard(frozen), BotJsonContext.Default.OutgoingActivity);

        Assert.NotNull(frozen.FrozenJson);
        Assert.Equal(live, first);
        Assert.Equal(live, second);
        Assert.Equal("help.profile", JsonNode.Parse(first)!["attachments"]![0]!["content"]!["actions"]![0]!["verb"]!.GetValue<string>());
    }

    [Fact]
    public void FrozenCard_InAnInvokeAnswer_IsTheSameCard()
    {
        var live = AdaptiveCardInvokeResponse.Card(SampleCard()).Value!.ToJsonString();

        var frozen = AdaptiveCardInvokeResponse.Card(SampleCard().Freeze()).Value!.ToJsonString();

        Assert.Equal(live, frozen);
    }

    [Fact]
    public void OutgoingActivity_ReadsBackTheCardItWrote()
    {
        var json = JsonSerializer.Serialize(OutgoingActivity.FromCard(SampleCard().Freeze()), BotJsonContext.Default.OutgoingActivity);

        var back = JsonSerializer.Deserialize(json, BotJsonContext.Default.OutgoingActivity)!;

        var card = back.Attachments![0].Content!;
        Assert.Equal("Help · 帮助", card.FallbackText);
        Assert.Equal("help.profile", Assert.IsType<ExecuteAction>(Assert.Single(card.Actions!)).Verb);
    }
}
