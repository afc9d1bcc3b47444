using System.Buffers;
using System.Text.Json;
using DiligenceBot.BotFramework.Authentication;
using DiligenceBot.BotFramework.Connector;
using DiligenceBot.BotFramework.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DiligenceBot.BotFramework.Hosting;

/// <summary>
/// <c>POST /api/messages</c>: size limit (413), JSON (400), required fields (400), channel authentication (401),
/// then the application's <see cref="IBotHandler"/>. Client mistakes never get a 500 or a stack trace; every
/// rejection is logged with the activity id.
/// </summary>
public static class BotMessagesEndpoint
{
    public static IEndpointConventionBuilder MapBotMessages(this IEndpointRouteBuilder endpoints, string pattern = "/api/messages") =>
        endpoints.MapPost(pattern, HandleAsync).DisableAntiforgery();

    internal static async Task HandleAsync(HttpContext http)
    {
        var services = http.RequestServices;
        var options = services.GetRequiredService<IOptions<BotOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BotMessagesEndpoint).FullName!);
        var metrics = services.GetRequiredService<ActivityMetrics>();
        var cancellationToken = http.RequestAborted;

        using var body = await ActivityBody.ReadAsync(http.Request, options.MaxActivityBytes, cancellationToken);
        if (body is null)
        {
            Log.ActivityRejected(logger, null, StatusCodes.Status413PayloadTooLarge, $"body larger than {options.MaxActivityBytes} bytes");
            metrics.Record(null, ActivityOutcome.TooLarge);
            await WriteErrorAsync(http, StatusCodes.Status413PayloadTooLarge, "PayloadTooLarge", "The activity is larger than this bot accepts.");
            return;
        }

        Activity? activity;
        try
        {
            activity = ActivityJson.Read(body.Span);
        }
        catch (JsonException ex)
        {
            Log.ActivityRejected(logger, LogText.Untrusted(TryReadId(body.Span)), StatusCodes.Status400BadRequest, $"malformed JSON at {ex.Path ?? "$"}, line {ex.LineNumber}");
            metrics.Record(null, ActivityOutcome.BadRequest);
            await WriteErrorAsync(http, StatusCodes.Status400BadRequest, "BadSyntax", "The body is not a valid activity JSON document.");
            return;
        }

        if (Problem(activity) is { } problem)
        {
            Log.ActivityRejected(logger, LogText.Untrusted(activity?.Id), StatusCodes.Status400BadRequest, problem);
            metrics.Record(activity?.Type, ActivityOutcome.BadRequest);
            await WriteErrorAsync(http, StatusCodes.Status400BadRequest, "BadArgument", problem);
            return;
        }

        using var scope = logger.BeginScope(new Dictionary<string, object?>
        {
            ["ActivityId"] = LogText.Untrusted(activity!.Id),
            ["ConversationId"] = LogText.Untrusted(activity.Conversation!.Id),
        });

        var authenticated = false;
        if (!options.IsLocalDevelopmentMode)
        {
            var validator = services.GetRequiredService<InboundTokenValidator>();
            var auth = await validator.ValidateAsync(http.Request.Headers.Authorization.ToString(), activity, cancellationToken);
            if (!auth.Succeeded)
            {
                Log.AuthenticationFailed(logger, LogText.Untrusted(activity.Id), auth.Failure!);
                metrics.Record(activity.Type, ActivityOutcome.Unauthorized);
                await WriteErrorAsync(http, StatusCodes.Status401Unauthorized, "Unauthorized", "The request is not authenticated.");
                return;
            }

            authenticated = true;
            // Only now may outbound tokens go to this service URL.
            services.GetRequiredService<TrustedServiceUrls>().Trust(activity.ServiceUrl!);

            // A message is answered by a reply, which needs the bot's token. Without one, refuse before anything is
            // done (503: the user can send again) rather than act on the message and fail to answer it.
            if (activity.Type == ActivityTypes.Message && await OutboundTokenProblemAsync(services, cancellationToken) is { } noToken)
            {
                Log.ActivityRefusedWithoutToken(logger, LogText.Untrusted(activity.Id), noToken);
                http.Response.Headers.RetryAfter = "30";
                await WriteErrorAsync(http, StatusCodes.Status503ServiceUnavailable, "ServiceUnavailable", "The bot cannot answer right now; try again shortly.");
                return;
            }
        }

        var turn = new TurnContext(activity, authenticated, services.GetRequiredService<IConnectorClient>());
        InvokeResponse? response;
        try
        {
            response = await services.GetRequiredService<IBotHandler>().OnTurnAsync(turn, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            Log.HandlerFailed(logger, LogText.Untrusted(activity.Id), LogText.Untrusted(activity.Type), ex);
            metrics.Record(activity.Type, ActivityOutcome.Failed);
            await WriteErrorAsync(http, StatusCodes.Status500InternalServerError, "InternalError", "The bot could not handle this activity.");
            return;
        }

        if (activity.Type == ActivityTypes.Invoke && response is not null)
        {
            http.Response.StatusCode = response.Status;
            if (response.Body is not null)
            {
                http.Response.ContentType = "application/json; charset=utf-8";
                await JsonSerializer.SerializeAsync(http.Response.Body, response.Body, BotJsonContext.Default.AdaptiveCardInvokeResponse, cancellationToken);
            }
        }
        else
        {
            http.Response.StatusCode = StatusCodes.Status200OK;
        }

        metrics.Record(activity.Type, ActivityOutcome.Handled);
        Log.ActivityHandled(logger, LogText.Untrusted(activity.Id), LogText.Untrusted(activity.Type), http.Response.StatusCode);
    }

    /// <summary>Why no outbound token can be had, or null when it can (a cached token costs nothing).</summary>
    private static async ValueTask<string?> OutboundTokenProblemAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        try
        {
            await services.GetRequiredService<IBotTokenProvider>().GetTokenAsync(cancellationToken);
            return null;
        }
        catch (BotAuthenticationException ex)
        {
            return ex.Message;
        }
    }

    /// <summary>What is wrong with the activity's envelope, or null when it can be processed.</summary>
    internal static string? Problem(Activity? activity)
    {
        if (activity is null)
        {
            return "The body is empty or not a JSON object.";
        }

        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            return "The activity has no type.";
        }

        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            return "The activity has no conversation.id.";
        }

        if (string.IsNullOrWhiteSpace(activity.From?.Id))
        {
            return "The activity has no from.id.";
        }

        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl)
            || (serviceUrl.Scheme != Uri.UriSchemeHttps && serviceUrl.Scheme != Uri.UriSchemeHttp))
        {
            return "The activity has no valid serviceUrl.";
        }

        if (activity.EnvelopeProblem() is { } problem)
        {
            return problem;
        }

        // The app reads the tenant from either place; two different tenants would let one of them pass for the other.
        if (activity.ChannelData?.Tenant?.Id is { Length: > 0 } channelTenant && activity.Conversation?.TenantId is { Length: > 0 } conversationTenant
            && !string.Equals(channelTenant, conversationTenant, StringComparison.OrdinalIgnoreCase))
        {
            return "channelData.tenant.id and conversation.tenantId name different tenants.";
        }

        return null;
    }

    /// <summary>The top-level "id" of a body that failed to parse, if it appears before the syntax error.</summary>
    internal static string? TryReadId(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("id"u8)
                    && reader.Read() && reader.TokenType == JsonTokenType.String)
                {
                    var id = reader.GetString();
                    return id is { Length: <= 200 } ? id : null;
                }
            }
        }
        catch (JsonException)
        {
            // The id was not before the error.
        }

        return null;
    }

    private static async Task WriteErrorAsync(HttpContext http, int status, string code, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        var error = new ErrorResponse { Error = new ErrorDetail { Code = code, Message = message } };
        await JsonSerializer.SerializeAsync(http.Response.Body, error, BotJsonContext.Default.ErrorResponse, http.RequestAborted);
    }
}

/// <summary>
/// The request body in a buffer rented from the shared pool (an activity is read, deserialised and forgotten within
/// one request; nothing keeps a reference to these bytes). Dispose returns the buffer.
/// </summary>
internal sealed class ActivityBody : IDisposable
{
    private byte[] _buffer;
    private int _length;

    private ActivityBody(int capacity) => _buffer = ArrayPool<byte>.Shared.Rent(capacity);

    public ReadOnlySpan<byte> Span => _buffer.AsSpan(0, _length);

    /// <summary>Reads the body up to <paramref name="limit"/> bytes; null when it is larger.</summary>
    public static async Task<ActivityBody?> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        var body = new ActivityBody(request.ContentLength is > 0 and var n ? (int)n + 1 : 4096);
        try
        {
            while (true)
            {
                if (body._length == body._buffer.Length)
                {
                    body.Grow();
                }

                var read = await request.Body.ReadAsync(body._buffer.AsMemory(body._length), cancellationToken);
                if (read == 0)
                {
                    return body;
                }

                body._length += read;
                if (body._length > limit)
                {
                    body.Dispose();
                    return null;
                }
            }
        }
        catch
        {
            body.Dispose();
            throw;
        }
    }

    private void Grow()
    {
        var larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
        _buffer.AsSpan(0, _length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }

    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
            _length = 0;
        }
    }
}
