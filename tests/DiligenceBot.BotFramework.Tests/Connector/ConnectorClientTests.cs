using System.Text.Json.Nodes;
using DiligenceBot.BotFramework.Authentication;
using DiligenceBot.BotFramework.Connector;
using DiligenceBot.BotFramework.Schema;
using DiligenceBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DiligenceBot.BotFramework.Tests.Connector;

/// <summary>
/// The connector client against a local connector over real HTTP that answers like Teams: 429 with
/// Retry-After is waited out, 5xx retried then given up, 403/404 never retried and reported as typed outcomes.
/// </summary>
public sealed class ConnectorClientTests : IAsyncLifetime
{
    private LocalConnector _connector = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _connector = await LocalConnector.StartAsync();
        _http = new HttpClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _connector.DisposeAsync();
    }

    private ConnectorClient Client(int maxRetries = 3) => new(
        _http,
        Options.Create(new BotOptions { ConnectorMaxRetries = maxRetries, ConnectorBaseDelay = TimeSpan.FromMilliseconds(20) }),
        TimeProvider.System,
        NullLogger<ConnectorClient>.Instance);

    private static OutgoingActivity Hello() => OutgoingActivity.FromText("hello");

    [Fact]
    public async Task Send_Succeeds_AndTheConnectorReceivesTheActivity()
    {
        var result = await Client().SendToConversationAsync(_connector.ServiceUrl, "a:1-conv", Hello());

        Assert.Equal(ConnectorOutcome.Succeeded, result.Outcome);
        Assert.False(string.IsNullOrEmpty(result.Value?.Id));
        var sent = Assert.Single(_connector.SentActivities);
        Assert.Equal("/v3/conversations/a:1-conv/activities", sent.Path);
        Assert.Equal("hello", sent.Body!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Send_OmitsNullFields()
    {
        await Client().SendToConversationAsync(_connector.ServiceUrl, "a:1-conv", OutgoingActivity.FromCard(new DiligenceBot.BotFramework.Cards.AdaptiveCard()));

        var body = Assert.Single(_connector.SentActivities).Body!.AsObject();
        Assert.False(body.ContainsKey("text"));
        Assert.False(body.ContainsKey("replyToId"));
    }

    [Fact]
    public async Task Throttled429_WithRetryAfter_IsWaitedOut_ThenSucceeds()
    {
        _connector.Script(new ScriptedAnswer(429, RetryAfterSeconds: 1));

        var result = await Client().SendToConversationAsync(_connector.ServiceUrl, "a:1-conv", Hello());

        Assert.Equal(ConnectorOutcome.Succeeded, result.Outcome);
        Assert.Equal(2, result.Attempts);
        var requests = _connector.Requests;
        Assert.Equal(2, requests.Count);
        // The second attempt came no sooner than the connector asked.
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromMilliseconds(950), $"retried after {(requests[1].At - requests[0].At).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task ServerErrors_AreRetried_ThenGivenUp()
    {
        _connector.Script(new ScriptedAnswer(503), new ScriptedAnswer(502), new ScriptedAnswer(504), new ScriptedAnswer(503), new ScriptedAnswer(503));

        var result = await Client(maxRetries: 3).SendToConversationAsync(_connector.ServiceUrl, "a:1-conv", Hello());

        Assert.Equal(ConnectorOutcome.Failed, result.Outcome);
        Assert.Equal(503, result.StatusCode);
        Assert.Equal(4, result.Attempts);
        Assert.Equal(4, _connector.Requests.Count);
    }

    [Fact]
    public async Task TransientError_ThenSuccess_Succeeds()
    {
        _connector.Script(new ScriptedAnswer(502), new ScriptedAnswer(412));

        var result = await Client().ReplyToActivityAsync(_connector.ServiceUrl, "a:1-conv", "act-1", Hello());

        Assert.Equal(ConnectorOutcome.Succeeded, result.Outcome);
        Assert.Equal(3, result.Attempts);
    }

    [Theory]
    [InlineData(403, ConnectorOutcome.Forbidden, "BotNotInConversationRoster")]
    [InlineData(404, ConnectorOutcome.NotFound, "ConversationNotFound")]
    public async Task ForbiddenOrNotFound_IsNotRetried_AndReportsTheConversationGone(int status, ConnectorOutcome outcome, string code)
    {
        _connector.Script(new ScriptedAnswer(status));

        var result = await Client().SendToConversationAsync(_connector.ServiceUrl, "a:1-conv", Hello());

        Assert.Equal(outcome, result.Outcome);
        Assert.Equal(code, result.ErrorCode);
        Assert.True(result.ConversationGone);
        Assert.Single(_connector.Requests);
    }

    [Fact]
    public async Task BadRequest_IsRejected_WithoutRetry()
    {
        _connector.Script(new ScriptedAnswer(400, ErrorCode: "BadArgument"));

        var result = await Client().SendToConversationAsync(_connector.ServiceUrl, "a:1-conv", Hello());

        Assert.Equal(ConnectorOutcome.Rejected, result.Outcome);
        Assert.Single(_connector.Requests);
    }

    [Fact]
    public async Task Throttled_EveryTime_EndsAsThrottled()
    {
        _connector.Script(Enumerable.Repeat(new ScriptedAnswer(429, RetryAfterSeconds: 0), 3).ToArray());

        var result = await Client(maxRetries: 2).SendToConversationAsync(_connector.ServiceUrl, "a:1-conv", Hello());

        Assert.Equal(ConnectorOutcome.Throttled, result.Outcome);
        Assert.Equal(3, result.Attempts);
    }

    [Fact]
    public async Task UpdateAndDelete_UseTheActivityRoute()
    {
        var client = Client();

        var updated = await client.UpdateActivityAsync(_connector.ServiceUrl, "a:1-conv", "act-9", Hello());
        var deleted = await client.DeleteActivityAsync(_connector.ServiceUrl, "a:1-conv", "act-9");

        Assert.True(updated.Succeeded);
        Assert.True(deleted.Succeeded);
        Assert.Equal(["PUT /v3/conversations/a:1-conv/activities/act-9", "DELETE /v3/conversations/a:1-conv/activities/act-9"],
            _connector.Requests.Select(r => $"{r.Method} {r.Path}"));
    }

    [Fact]
    public async Task CreateConversation_CarriesTheTenant()
    {
        var result = await Client().CreateConversationAsync(_connector.ServiceUrl, new ConversationParameters
        {
            Bot = new ChannelAccount { Id = "28:bot" },
            Members = [new ChannelAccount { Id = "29:1-user" }],
            TenantId = "fe71a704-0ed8-44e8-a9d0-9a48917cced0",
        });

        Assert.True(result.Succeeded);
        Assert.StartsWith("a:1-created-", result.Value!.Id, StringComparison.Ordinal);
        var body = Assert.Single(_connector.Requests).Body!;
        Assert.Equal("fe71a704-0ed8-44e8-a9d0-9a48917cced0", body["tenantId"]!.GetValue<string>());
        Assert.Equal("fe71a704-0ed8-44e8-a9d0-9a48917cced0", body["channelData"]!["tenant"]!["id"]!.GetValue<string>());
        Assert.False(body["isGroup"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Members_AreReadAcrossPages()
    {
        _connector.SetMembers("19:team", Enumerable.Range(1, 250).Select(i => new JsonObject { ["id"] = $"29:{i}", ["name"] = $"User {i}" }));

        var result = await Client().GetAllMembersAsync(_connector.ServiceUrl, "19:team");

        Assert.True(result.Succeeded);
        Assert.Equal(250, result.Value!.Count);
        Assert.Equal(3, _connector.Requests.Count);
        Assert.Equal("29:250", result.Value[^1].Id);
    }

    [Fact]
    public async Task Members_OfAnUnknownConversation_IsNotFound()
    {
        var result = await Client().GetAllMembersAsync(_connector.ServiceUrl, "19:gone");

        Assert.Equal(ConnectorOutcome.NotFound, result.Outcome);
    }
}
