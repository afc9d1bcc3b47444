using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using DiligenceBot.Testing;

namespace Inbound.Bench;

/// <summary>
/// The traffic: "help" typed by a demo-organisation user in a personal chat, as Teams posts it (clientInfo entity,
/// tenant in channelData), each with a bearer token from the local issuer whose <c>serviceurl</c> claim matches the
/// activity. Tokens come from a pre-minted pool (all valid for the whole run); every request has its own activity id.
/// </summary>
internal static class SignedRequests
{
    public const string TenantId = "fe71a704-0ed8-44e8-a9d0-9a48917cced0";
    public const string BotId = "28:69c2e885-220b-4e2b-8fe2-f0226230507e";

    // Wang Lei, in the seeded demo directory (so the bot finds him and answers in his language).
    private const string UserId = "29:1-wang-lei";
    private const string UserName = "Wang Lei 王磊";
    private const string UserAadObjectId = "a3c4b5ff-78b0-4313-9df2-a1e60bc975b5";

    public static IReadOnlyList<string> MintTokens(LocalOpenIdIssuer issuer, string appId, string serviceUrl, int count, TimeSpan validFor)
    {
        var tokens = new string[count];
        for (var i = 0; i < count; i++)
        {
            tokens[i] = issuer.CreateToken(new TokenSpec { Audience = appId, ServiceUrl = serviceUrl, ExpiresOffset = validFor });
        }

        return tokens;
    }

    /// <summary>The activity body for request number <paramref name="n"/>.</summary>
    public static string Activity(string serviceUrl, int n)
    {
        var now = DateTimeOffset.UtcNow;
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = $"1:bench-{n.ToString(CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}",
            ["timestamp"] = now.ToString("O", CultureInfo.InvariantCulture),
            ["localTimestamp"] = now.ToOffset(TimeSpan.FromHours(8)).ToString("O", CultureInfo.InvariantCulture),
            ["localTimezone"] = "Asia/Shanghai",
            ["serviceUrl"] = serviceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = UserId, ["name"] = UserName, ["aadObjectId"] = UserAadObjectId },
            ["conversation"] = new JsonObject
            {
                ["conversationType"] = "personal",
                ["tenantId"] = TenantId,
                ["id"] = "a:1-personal-wang-lei",
            },
            ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "DiligenceBot" },
            ["textFormat"] = "plain",
            ["text"] = "help",
            ["attachments"] = new JsonArray(),
            ["entities"] = new JsonArray(new JsonObject
            {
                ["type"] = "clientInfo",
                ["locale"] = "en-US",
                ["country"] = "CN",
                ["platform"] = "Web",
                ["timezone"] = "Asia/Shanghai",
            }),
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
            ["locale"] = "en-US",
        };
        return activity.ToJsonString();
    }

    /// <summary>Complete HTTP/1.1 requests (head and body) for POST /api/messages on 127.0.0.1:<paramref name="port"/>.</summary>
    public static IReadOnlyList<byte[]> Build(int port, string serviceUrl, IReadOnlyList<string> tokens, int count)
    {
        var requests = new byte[count][];
        for (var i = 0; i < count; i++)
        {
            var body = Encoding.UTF8.GetBytes(Activity(serviceUrl, i));
            var head = Encoding.ASCII.GetBytes(
                "POST /api/messages HTTP/1.1\r\n" +
                $"Host: 127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}\r\n" +
                $"Authorization: Bearer {tokens[i % tokens.Count]}\r\n" +
                "Content-Type: application/json; charset=utf-8\r\n" +
                "User-Agent: inbound-bench\r\n" +
                $"Content-Length: {body.Length.ToString(CultureInfo.InvariantCulture)}\r\n" +
                "\r\n");
            requests[i] = [.. head, .. body];
        }

        return requests;
    }
}
