using System.Globalization;
using System.Threading.RateLimiting;
using DiligenceBot.Conversations;
using DiligenceBot.Localization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace DiligenceBot.Surveys;

public static class SurveyRegistration
{
    /// <summary>
    /// The retail customers' survey: its settings (checked at start-up when given; without a signing key and a public
    /// address the links are not issued and the lead is told why), the signed links (<c>survey</c> / <c>客户评价</c>),
    /// the leads' per-customer view and its export (<c>evaluations</c> / <c>评价结果</c>), and the page's rate limits
    /// (per client address and per link, fixed one-minute windows, a 429 page that says when to try again).
    /// </summary>
    public static WebApplicationBuilder AddSurveys(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SurveyOptions>().BindConfiguration(SurveyOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SurveyOptions>, SurveyOptionsValidator>();
        services.AddSingleton<SurveyTokens>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(http => !IsSurvey(http)
                    ? RateLimitPartition.GetNoLimiter(string.Empty)
                    : RateLimitPartition.GetFixedWindowLimiter("ip:" + http.Connection.RemoteIpAddress, _ => Window(http, o => o.PerClientPerMinute))),
                PartitionedRateLimiter.Create<HttpContext, string>(http => !IsSurvey(http) || TokenOf(http) is not { } token
                    ? RateLimitPartition.GetNoLimiter(string.Empty)
                    : RateLimitPartition.GetFixedWindowLimiter("link:" + token, _ => Window(http, o => o.PerLinkPerMinute))));
            o.OnRejected = (context, cancellationToken) =>
            {
                var http = context.HttpContext;
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? (int)Math.Ceiling(after.TotalSeconds) : 60;
                seconds = Math.Max(1, seconds);
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                var language = SurveyPage.LanguageOf(http.Request, http.Request.Query["lang"].ToString());
                var page = SurveyPage.Message(Texts.Surveys.TooManyTitle.In(language), Texts.Surveys.TooMany.Format(language, seconds));
                return new ValueTask(SurveyPage.Page(page, language, StatusCodes.Status429TooManyRequests).ExecuteAsync(http));
            };
        });
        services.AddScoped<EvaluationDesk>();
        services.AddBotVerb<SurveyLinksVerb>(SurveyLinksVerb.Name, "survey", "surveys", "survey links", "客户评价", "评价问卷");
        services.AddBotVerb<EvaluationsVerb>(EvaluationDesk.ViewVerb, "evaluations", "评价结果", "客户评价结果");
        services.AddBotVerb<EvaluationsExportVerb>(EvaluationDesk.ExportVerb, "evaluations export", "export evaluations", "评价导出", "评价结果导出", "导出评价");
        return builder;
    }

    public static WebApplication MapSurveys(this WebApplication app)
    {
        app.UseRateLimiter();
        app.MapSurveyPage();
        return app;
    }

    private static bool IsSurvey(HttpContext http) => http.Request.Path.StartsWithSegments(SurveyPage.PathPrefix.TrimEnd('/'), StringComparison.Ordinal);

    /// <summary>The token in /survey/{token} when it has a token's length (anything else is limited by address only).</summary>
    private static string? TokenOf(HttpContext http)
    {
        var path = http.Request.Path.Value ?? string.Empty;
        return path.Length == SurveyPage.PathPrefix.Length + SurveyTokens.TokenLength ? path[SurveyPage.PathPrefix.Length..] : null;
    }

    private static FixedWindowRateLimiterOptions Window(HttpContext http, Func<SurveyOptions, int> limit) => new()
    {
        PermitLimit = limit(http.RequestServices.GetRequiredService<IOptions<SurveyOptions>>().Value),
        Window = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
