using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using DiligenceBot.BotFramework.Schema;

namespace DiligenceBot.BotFramework.Tests.Hosting;

/// <summary>
/// Bad input on /api/messages (local development mode, so only the envelope is at stake): clear 4xx answers,
/// never a 500 or a stack trace for a client's mistake, nothing reaches the handler, each rejection logged.
/// </summary>
public sealed class BotMessagesEndpointTests : IAsyncLifetime
{
    private const string ServiceUrl = "http://127.0.0.1:9/connector/";
    private ProtocolHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await ProtocolHost.StartAsync(new Dictionary<string, string?> { ["Bot:MaxActivityBytes"] = "65536" });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task MalformedJson_Gets400_WithoutInternals()
    {
        using var response = await _host.PostAsync("""{"type":"message","id":"act-malformed-1","text": "unterminated""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal("BadSyntax", JsonNode.Parse(body)!["error"]!["code"]!.GetValue<string>());
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
        Assert.Empty(_host.Handler.Turns);
        Assert.Contains(_host.Logs.Lines, l => l.Contains("act-malformed-1", StringComparison.Ordinal) && l.Contains("400", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("42")]
    [InlineData("""{"type": 5}""")]
    public async Task JsonThatIsNotAnActivity_Gets400(string body)
    {
        using var response = await _host.PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_host.Handler.Turns);
    }

    [Fact]
    public async Task BodyOverTheLimit_Gets413()
    {
        var activity = ProtocolHost.Message(ServiceUrl, text: new string('x', 70_000));

        using var response = await _host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(_host.Handler.Turns);
    }

    [Fact]
    public async Task ChunkedBody_LargerThanTheFirstBuffer_IsReadWhole()
    {
        var text = "help " + new string('y', 20_000) + " end";
        using var content = new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(ProtocolHost.Message(ServiceUrl, text: text).ToJsonString())));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await _host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(text, Assert.Single(_host.Handler.Turns).Text);
    }

    [Fact]
    public async Task ChunkedBody_OverTheLimit_Gets413()
    {
        using var content = new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(ProtocolHost.Message(ServiceUrl, text: new string('x', 70_000)).ToJsonString())));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await _host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(_host.Handler.Turns);
    }

    [Theory]
    [InlineData("conversation", "conversation.id")]
    [InlineData("from", "from.id")]
    [InlineData("serviceUrl", "serviceUrl")]
    [InlineData("type", "type")]
    public async Task ActivityMissingARequiredField_Gets400_NamingIt(string field, string named)
    {
        var activity = ProtocolHost.Message(ServiceUrl);
        activity.Remove(field);

        using var response = await _host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!["message"]!.GetValue<string>();
        Assert.Contains(named, message, StringComparison.Ordinal);
        Assert.Empty(_host.Handler.Turns);
        Assert.Contains(_host.Logs.Lines, l => l.Contains("1700000000000", StringComparison.Ordinal) && l.Contains("rejected", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TenantIdsThatDisagree_Get400_AndNothingIsHandled()
    {
        var activity = ProtocolHost.Message(ServiceUrl);
        activity["conversation"]!["tenantId"] = "0d4c7a7e-2a5b-4b7e-9f0e-6f3f3c1d2b10";

        using var response = await _host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("different tenants", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(_host.Handler.Turns);
        Assert.Contains(_host.Logs.Lines, l => l.Contains("1700000000000", StringComparison.Ordinal) && l.Contains("different tenants", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public async Task TenantIds_InOnePlace_OrAgreeingInBoth_AreAccepted(bool inChannelData, bool inConversation)
    {
        var activity = ProtocolHost.Message(ServiceUrl);
        if (!inChannelData)
        {
            activity.Remove("channelData");
        }

        if (!inConversation)
        {
            activity["conversation"]!.AsObject().Remove("tenantId");
        }
        else
        {
            // Same tenant, other case: GUIDs compare without case.
            activity["conversation"]!["tenantId"] = "FE71A704-0ED8-44E8-A9D0-9A48917CCED0";
        }

        using var response = await _host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_host.Handler.Turns);
    }

    [Fact]
    public async Task CallerChosenIds_ReachTheLogCutAndWithControlCharactersMadeVisible()
    {
        var activity = ProtocolHost.Message(ServiceUrl);
        activity["id"] = "evil\r\nWarning: forged line\u202E" + new string('x', 5000);
        activity.Remove("from");

        using var response = await _host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var line = Assert.Single(_host.Logs.Lines, l => l.Contains("rejected", StringComparison.Ordinal));
        Assert.Contains("evil\\u000D\\u000AWarning: forged line\\u202E", line, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', line);
        Assert.DoesNotContain(new string('x', LogText.MaxLength), line, StringComparison.Ordinal);
        Assert.Contains("(5027 chars)", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServiceUrlThatIsNotHttp_Gets400()
    {
        var activity = ProtocolHost.Message("file:///etc/passwd");

        using var response = await _host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_host.Handler.Turns);
    }

    [Fact]
    public async Task HandlerFailure_Gets500_WithoutAStackTrace()
    {
        _host.Handler.Throw = new InvalidOperationException("secret internal detail");

        using var response = await _host.PostAsync(ProtocolHost.Message(ServiceUrl));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("secret internal detail", body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownFields_AreKept_ForTheHandler()
    {
        var activity = ProtocolHost.Message(ServiceUrl);
        activity["futureField"] = new JsonObject { ["x"] = 1 };
        activity["from"]!["someNewProperty"] = "kept";

        using var response = await _host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var turn = Assert.Single(_host.Handler.Turns);
        Assert.Equal(1, turn.Properties!["futureField"].GetProperty("x").GetInt32());
        Assert.Equal("kept", turn.From!.Properties!["someNewProperty"].GetString());
    }

    [Fact]
    public async Task Invoke_IsAnsweredInTheHttpResponse()
    {
        _host.Handler.InvokeAnswer = new InvokeResponse(200, AdaptiveCardInvokeResponse.Message("done"));
        var activity = ProtocolHost.Message(ServiceUrl);
        activity["type"] = "invoke";
        activity["name"] = "adaptiveCard/action";

        using var response = await _host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(200, doc.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.activity.message", doc.RootElement.GetProperty("type").GetString());
        Assert.Equal("done", doc.RootElement.GetProperty("value").GetString());
    }
}
