using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DiligenceBot.BotFramework.Authentication;
using DiligenceBot.BotFramework.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DiligenceBot.BotFramework.Connector;

/// <summary>The Bot Connector REST API (v3) operations the product uses.</summary>
public interface IConnectorClient
{
    Task<ConnectorResult<ResourceResponse>> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, OutgoingActivity activity, CancellationToken cancellationToken = default);
    Task<ConnectorResult<ResourceResponse>> SendToConversationAsync(string serviceUrl, string conversationId, OutgoingActivity activity, CancellationToken cancellationToken = default);

    /// <summary>
    /// One attempt, no waiting: a 429 comes back as <see cref="ConnectorOutcome.Throttled"/> with the server's
    /// Retry-After, for senders that pace and reschedule themselves instead of blocking.
    /// </summary>
    Task<ConnectorResult<ResourceResponse>> TrySendToConversationAsync(string serviceUrl, string conversationId, OutgoingActivity activity, CancellationToken cancellationToken = default);
    Task<ConnectorResult<ResourceResponse>> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, OutgoingActivity activity, CancellationToken cancellationToken = default);
    Task<ConnectorResult<bool>> DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken = default);
    Task<ConnectorResult<ConversationResourceResponse>> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken = default);
    Task<ConnectorResult<PagedMembersResult>> GetPagedMembersAsync(string serviceUrl, string conversationId, int pageSize = 100, string? continuationToken = null, CancellationToken cancellationToken = default);
}

/// <summary>
/// Connector client over an <see cref="HttpClient"/> whose handler adds the bot's token. Retries 429, 412, 502,
/// 503, 504 and network failures, honouring <c>Retry-After</c> (capped) or a jittered exponential backoff,
/// a bounded number of times. 403 and 404 are never retried: they come back as typed outcomes.
/// </summary>
public sealed class ConnectorClient(
    HttpClient http,
    IOptions<BotOptions> options,
    TimeProvider time,
    ILogger<ConnectorClient> logger) : IConnectorClient
{
    public const string HttpClientName = "BotConnector";

    public Task<ConnectorResult<ResourceResponse>> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, OutgoingActivity activity, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, Url(serviceUrl, $"v3/conversations/{Esc(conversationId)}/activities/{Esc(activityId)}"),
            Json(activity, BotJsonContext.Default.OutgoingActivity), BotJsonContext.Default.ResourceResponse, cancellationToken);

    public Task<ConnectorResult<ResourceResponse>> SendToConversationAsync(string serviceUrl, string conversationId, OutgoingActivity activity, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, Url(serviceUrl, $"v3/conversations/{Esc(conversationId)}/activities"),
            Json(activity, BotJsonContext.Default.OutgoingActivity), BotJsonContext.Default.ResourceResponse, cancellationToken);

    public Task<ConnectorResult<ResourceResponse>> TrySendToConversationAsync(string serviceUrl, string conversationId, OutgoingActivity activity, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, Url(serviceUrl, $"v3/conversations/{Esc(conversationId)}/activities"),
            Json(activity, BotJsonContext.Default.OutgoingActivity), BotJsonContext.Default.ResourceResponse, cancellationToken, maxRetries: 0);

    public Task<ConnectorResult<ResourceResponse>> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, OutgoingActivity activity, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Put, Url(serviceUrl, $"v3/conversations/{Esc(conversationId)}/activities/{Esc(activityId)}"),
            Json(activity, BotJsonContext.Default.OutgoingActivity), BotJsonContext.Default.ResourceResponse, cancellationToken);

    public async Task<ConnectorResult<bool>> DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken = default)
    {
        var result = await SendAsync<ResourceResponse>(HttpMethod.Delete, Url(serviceUrl, $"v3/conversations/{Esc(conversationId)}/activities/{Esc(activityId)}"),
            null, null, cancellationToken);
        return new ConnectorResult<bool>(result.Outcome, result.StatusCode, result.Succeeded, result.ErrorCode, result.Attempts);
    }

    public Task<ConnectorResult<ConversationResourceResponse>> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken = default)
    {
        // Teams needs the tenant in both places for a 1:1 conversation.
        if (parameters.TenantId is { } tenant)
        {
            parameters.ChannelData ??= new TeamsChannelData();
            parameters.ChannelData.Tenant ??= new TenantInfo { Id = tenant };
        }

        return SendAsync(HttpMethod.Post, Url(serviceUrl, "v3/conversations"),
            Json(parameters, BotJsonContext.Default.ConversationParameters), BotJsonContext.Default.ConversationResourceResponse, cancellationToken);
    }

    public Task<ConnectorResult<PagedMembersResult>> GetPagedMembersAsync(string serviceUrl, string conversationId, int pageSize = 100, string? continuationToken = null, CancellationToken cancellationToken = default)
    {
        var query = $"?pageSize={Math.Clamp(pageSize, 1, 500).ToString(CultureInfo.InvariantCulture)}";
        if (!string.IsNullOrEmpty(continuationToken))
        {
            query += "&continuationToken=" + Uri.EscapeDataString(continuationToken);
        }

        return SendAsync<PagedMembersResult>(HttpMethod.Get, Url(serviceUrl, $"v3/conversations/{Esc(conversationId)}/pagedmembers{query}"),
            null, BotJsonContext.Default.PagedMembersResult, cancellationToken);
    }

    /// <summary>Every member of a conversation, following continuation tokens.</summary>
    public async Task<ConnectorResult<List<TeamsChannelAccount>>> GetAllMembersAsync(string serviceUrl, string conversationId, CancellationToken cancellationToken = default)
    {
        var all = new List<TeamsChannelAccount>();
        string? continuation = null;
        var attempts = 0;
        do
        {
            var page = await GetPagedMembersAsync(serviceUrl, conversationId, 100, continuation, cancellationToken);
            attempts += page.Attempts;
            if (!page.Succeeded)
            {
                return new ConnectorResult<List<TeamsChannelAccount>>(page.Outcome, page.StatusCode, null, page.ErrorCode, attempts);
            }

            all.AddRange(page.Value?.Members ?? []);
            continuation = page.Value?.ContinuationToken;
        }
        while (!string.IsNullOrEmpty(continuation));

        return new ConnectorResult<List<TeamsChannelAccount>>(ConnectorOutcome.Succeeded, 200, all, null, attempts);
    }

    internal static bool IsRetryable(HttpStatusCode status) => status is
        HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed or HttpStatusCode.BadGateway
        or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    private async Task<ConnectorResult<T>> SendAsync<T>(
        HttpMethod method, Uri url, byte[]? body, JsonTypeInfo<T>? responseType, CancellationToken cancellationToken, int? maxRetries = null)
    {
        var o = options.Value;
        var retries = maxRetries ?? o.ConnectorMaxRetries;
        var attempt = 0;
        while (true)
        {
            attempt++;
            HttpResponseMessage? response = null;
            try
            {
                using var request = new HttpRequestMessage(method, url);
                if (body is not null)
                {
                    request.Content = new ByteArrayContent(body);
                    request.Content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
                }

                response = await http.SendAsync(request, cancellationToken);
                var status = response.StatusCode;
                if (response.IsSuccessStatusCode)
                {
                    var value = await ReadAsync(response, responseType, cancellationToken);
                    return new ConnectorResult<T>(ConnectorOutcome.Succeeded, (int)status, value, null, attempt);
                }

                var errorCode = await ReadErrorCodeAsync(response, cancellationToken);
                if (!IsRetryable(status) || attempt > retries)
                {
                    var outcome = status switch
                    {
                        HttpStatusCode.Forbidden => ConnectorOutcome.Forbidden,
                        HttpStatusCode.NotFound => ConnectorOutcome.NotFound,
                        HttpStatusCode.TooManyRequests => ConnectorOutcome.Throttled,
                        _ when (int)status >= 500 || IsRetryable(status) => ConnectorOutcome.Failed,
                        _ => ConnectorOutcome.Rejected,
                    };
                    Log.ConnectorCallFailed(logger, method.Method, LogText.Untrusted(url.AbsolutePath)!, (int)status, LogText.Untrusted(errorCode), attempt);
                    return new ConnectorResult<T>(outcome, (int)status, default, errorCode, attempt,
                        status == HttpStatusCode.TooManyRequests ? RetryDelay(response, attempt, o) : null);
                }

                var delay = RetryDelay(response, attempt, o);
                Log.ConnectorRetrying(logger, method.Method, LogText.Untrusted(url.AbsolutePath)!, (int)status, (int)delay.TotalMilliseconds, attempt);
                response.Dispose();
                response = null;
                await Task.Delay(delay, time, cancellationToken);
            }
            catch (BotAuthenticationException)
            {
                // No token (the token endpoint fails; the token provider retried and logged it, and backs off):
                // nothing was sent, and retrying here would only meet the same back-off.
                Log.ConnectorCallFailed(logger, method.Method, LogText.Untrusted(url.AbsolutePath)!, 0, "TokenUnavailable", attempt);
                return new ConnectorResult<T>(ConnectorOutcome.Failed, 0, default, "TokenUnavailable", attempt);
            }
            catch (UntrustedServiceUrlException)
            {
                Log.UntrustedServiceUrl(logger, LogText.Untrusted(url.GetLeftPart(UriPartial.Authority))!);
                return new ConnectorResult<T>(ConnectorOutcome.Untrusted, 0, default, "UntrustedServiceUrl", attempt);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                if (attempt > retries)
                {
                    Log.ConnectorCallFailed(logger, method.Method, LogText.Untrusted(url.AbsolutePath)!, 0, ex.GetType().Name, attempt);
                    return new ConnectorResult<T>(ConnectorOutcome.Failed, 0, default, ex.GetType().Name, attempt);
                }

                await Task.Delay(Backoff(attempt, o), time, cancellationToken);
            }
            finally
            {
                response?.Dispose();
            }
        }
    }

    private TimeSpan RetryDelay(HttpResponseMessage response, int attempt, BotOptions o)
    {
        var retryAfter = response.Headers.RetryAfter;
        TimeSpan? requested = retryAfter?.Delta
            ?? (retryAfter?.Date is { } date ? date - time.GetUtcNow() : null);
        if (requested is { } r && r > TimeSpan.Zero)
        {
            // A little jitter on top so that many senders told the same value do not return in lockstep.
            var jitter = TimeSpan.FromMilliseconds(Random.Shared.Next(0, 100));
            return Min(r + jitter, o.ConnectorMaxDelay);
        }

        return Backoff(attempt, o);
    }

    private static TimeSpan Backoff(int attempt, BotOptions o)
    {
        var ceiling = Min(o.ConnectorBaseDelay * Math.Pow(2, attempt - 1), o.ConnectorMaxDelay);
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling.TotalMilliseconds);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static async Task<T?> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T>? type, CancellationToken cancellationToken)
    {
        if (type is null || response.Content.Headers.ContentLength == 0)
        {
            return default;
        }

        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            return string.IsNullOrWhiteSpace(text) ? default : JsonSerializer.Deserialize(text, type);
        }
        catch (JsonException)
        {
            // A success without a readable body (Teams' 202 for some sends) is still a success.
            return default;
        }
    }

    private static async Task<string?> ReadErrorCodeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            return string.IsNullOrWhiteSpace(text) ? null : JsonSerializer.Deserialize(text, BotJsonContext.Default.ErrorResponse)?.Error?.Code;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static byte[] Json<T>(T value, JsonTypeInfo<T> type) => JsonSerializer.SerializeToUtf8Bytes(value, type);

    private static string Esc(string segment) => Uri.EscapeDataString(segment);

    private static Uri Url(string serviceUrl, string path) => new($"{serviceUrl.TrimEnd('/')}/{path}");
}
