using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using DiligenceBot.Assessment;
using DiligenceBot.Audit;
using DiligenceBot.Customers;
using DiligenceBot.Data;
using DiligenceBot.Imports;
using DiligenceBot.Input;
using DiligenceBot.Localization;
using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.Surveys;

/// <summary>
/// The retail customers' survey page, served by the app without sign-in at <c>/survey/{token}</c>: it names the account
/// manager and the month (never asks who the customer is), asks the five items as radio groups 1–5 with words and an
/// optional comment, and stores one <see cref="CustomerEvaluation"/> per link (source: survey). A forged or tampered
/// token is 404, an expired or closed link 410, an answered one 410 with "already answered"; bad input comes back with
/// the answers given and each problem; nothing here answers 500 for what a visitor sends. Plain HTML and one inline
/// style sheet (allowed by its hash in the Content-Security-Policy): no script, no framework, nothing from a CDN.
/// </summary>
public static class SurveyPage
{
    public const string PathPrefix = "/survey/";
    public const int MaxComment = EvaluationImport.MaxComment;

    /// <summary>The five items, in the page's order: the form field and the question in both languages.</summary>
    internal static readonly (string Field, Text Label, Text Question)[] Items =
    [
        ("visits", Texts.Surveys.ItemVisits, Texts.Surveys.QuestionVisits),
        ("attitude", Texts.Surveys.ItemAttitude, Texts.Surveys.QuestionAttitude),
        ("policy", Texts.Surveys.ItemPolicy, Texts.Surveys.QuestionPolicy),
        ("problems", Texts.Surveys.ItemProblems, Texts.Surveys.QuestionProblems),
        ("fairness", Texts.Surveys.ItemFairness, Texts.Surveys.QuestionFairness),
    ];

    private static readonly Text[] ScaleWords = [Texts.Surveys.Scale1, Texts.Surveys.Scale2, Texts.Surveys.Scale3, Texts.Surveys.Scale4, Texts.Surveys.Scale5];

    /// <summary>Mobile first (one column at 360 px, wider margins from 600 px), contrast ≥ 4.5:1, a visible focus ring.</summary>
    internal const string Style = """
        *{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","Microsoft YaHei",sans-serif;color:#1b1b1b;background:#f4f5f7}
        main{max-width:40rem;margin:0 auto;padding:1rem;background:#fff;min-height:100vh}
        h1{font-size:1.4rem;margin:.5rem 0}h2{font-size:1.1rem;margin:0 0 .5rem}
        .lang{text-align:right}a{color:#0b4f9c}
        fieldset{border:1px solid #8a8f98;border-radius:.5rem;margin:0 0 1rem;padding:.75rem}
        legend{font-weight:600;padding:0 .25rem}.question{margin:0 0 .5rem}
        .scale{display:grid;grid-template-columns:1fr;gap:.25rem}
        @media (min-width:600px){main{padding:2rem}.scale{grid-template-columns:repeat(5,1fr)}}
        .scale label{display:flex;align-items:center;gap:.5rem;border:1px solid #c4c8cf;border-radius:.4rem;padding:.5rem;min-height:44px;cursor:pointer}
        input[type=radio]{width:1.25rem;height:1.25rem;margin:0;accent-color:#0b4f9c}
        textarea{width:100%;font:inherit;padding:.5rem;border:1px solid #6b7079;border-radius:.4rem}
        button{font:inherit;font-weight:600;color:#fff;background:#0b4f9c;border:0;border-radius:.4rem;padding:.75rem 1.5rem;min-height:44px;width:100%}
        :focus-visible{outline:3px solid #b35900;outline-offset:2px}
        .error{color:#a4000f;font-weight:600;margin:.25rem 0}.invalid{border-color:#a4000f;border-width:2px}
        .summary{border:2px solid #a4000f;border-radius:.5rem;padding:.75rem;margin:0 0 1rem}
        .note{color:#4a4f57;font-size:.95rem}
        """;

    private static readonly string StyleHash = "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Style))) + "'";

    /// <summary>No script at all, styles only by hash, forms only back here, never framed, the token never sent on as a referrer.</summary>
    internal static readonly string ContentSecurityPolicy = $"default-src 'none'; style-src {StyleHash}; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /// <summary>What the visitor asked in: <c>lang</c> (the switch link, the form's hidden field), else Accept-Language's best zh or en.</summary>
    internal static Language LanguageOf(HttpRequest request, string? chosen)
    {
        if (chosen is "zh-CN" or "en-US")
        {
            return Languages.FromLocale(chosen);
        }

        var accepted = request.GetTypedHeaders().AcceptLanguage;
        foreach (var tag in accepted.OrderByDescending(a => a.Quality ?? 1))
        {
            var value = tag.Value.Value ?? string.Empty;
            if (value.StartsWith("zh", StringComparison.OrdinalIgnoreCase))
            {
                return Language.ZhCn;
            }

            if (value.StartsWith("en", StringComparison.OrdinalIgnoreCase))
            {
                return Language.EnUs;
            }
        }

        return Language.ZhCn;
    }

    /// <summary>The link, the manager's name and the month a valid token opens; or why not.</summary>
    internal sealed record Opened(SurveyLink Link, string ManagerName, DateOnly Month);

    internal enum Closed { None, NotFound, Expired, Answered }

    internal static async Task<(Opened? Open, Closed Why)> OpenAsync(string token, SurveyTokens tokens, DiligenceDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (tokens.Verify(token) is not { } hash)
        {
            return (null, Closed.NotFound);
        }

        var found = await db.Set<SurveyLink>().AsNoTracking().Where(l => l.IdHash == hash)
            .Join(db.People, l => l.ManagerId, p => p.Id, (l, p) => new { Link = l, p.DisplayName })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return (null, Closed.NotFound);
        }

        if (found.Link.AnsweredAt is not null)
        {
            return (null, Closed.Answered);
        }

        return found.Link.ExpiresAt <= time.GetUtcNow() ? (null, Closed.Expired) : (new Opened(found.Link, found.DisplayName, found.Link.Month), Closed.None);
    }

    /// <summary>The answers as sent: each item's value as typed (kept on error), the comment.</summary>
    internal sealed record Answers(string?[] Scores, string? Comment)
    {
        public static readonly Answers None = new(new string?[Items.Length], null);
    }

    public static IEndpointRouteBuilder MapSurveyPage(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(PathPrefix.TrimEnd('/'));
        group.MapGet("/{token}", async (string token, string? lang, HttpContext http, SurveyTokens tokens, DiligenceDbContext db, TimeProvider time) =>
        {
            var language = LanguageOf(http.Request, lang);
            var (open, why) = await OpenAsync(token, tokens, db, time, http.RequestAborted);
            return open is null ? ClosedPage(why, language) : Page(FormHtml(open, Answers.None, [], language), language, StatusCodes.Status200OK);
        });
        group.MapPost("/{token}", async (string token, HttpContext http, SurveyTokens tokens, DiligenceDbContext db, TimeProvider time, ILoggerFactory loggers) =>
        {
            IFormCollection form;
            try
            {
                form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(http.RequestAborted) : FormCollection.Empty;
            }
            catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
            {
                form = FormCollection.Empty;
            }

            var language = LanguageOf(http.Request, form["lang"].ToString());
            var (open, why) = await OpenAsync(token, tokens, db, time, http.RequestAborted);
            if (open is null)
            {
                return ClosedPage(why, language);
            }

            var answers = new Answers([.. Items.Select(i => (string?)form[i.Field].ToString())], form["comment"].ToString());
            var (scores, comment, errors) = Check(answers, language);
            if (errors.Count > 0)
            {
                return Page(FormHtml(open, answers, errors, language), language, StatusCodes.Status400BadRequest);
            }

            var stored = await StoreAsync(db, open.Link, scores!, comment, time.GetUtcNow(), http.RequestAborted);
            if (!stored)
            {
                return ClosedPage(Closed.Answered, language);
            }

            Log.SurveyAnswered(loggers.CreateLogger(typeof(SurveyPage)), open.Link.Id, open.Link.TenantId);
            return Page(Message(Texts.Surveys.ThanksTitle.In(language), Texts.Surveys.Thanks.Format(language, open.ManagerName)), language, StatusCodes.Status200OK);
        });
        return app;
    }

    /// <summary>Each item a whole 1–5, the comment at most <see cref="MaxComment"/> characters, plain text; the errors by field.</summary>
    internal static (int[]? Scores, string? Comment, Dictionary<string, string> Errors) Check(Answers answers, Language language)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var scores = new int[Items.Length];
        for (var i = 0; i < Items.Length; i++)
        {
            if (answers.Scores[i] is not { Length: 1 } s || s[0] is < '1' or > '5')
            {
                errors[Items[i].Field] = Texts.Surveys.ChooseOne.Format(language, Items[i].Label.In(language));
            }
            else
            {
                scores[i] = s[0] - '0';
            }
        }

        var problem = UserText.Check(answers.Comment, new TextRule(MaxComment), Texts.Surveys.CommentLabel.In(language), language, out var comment);
        if (problem is not null)
        {
            errors["comment"] = problem;
        }

        return errors.Count == 0 ? (scores, comment, errors) : (null, null, errors);
    }

    /// <summary>
    /// Closes the link (only if still open: a second submission, even at the same moment, finds it closed) and stores
    /// the evaluation in the same transaction, replacing an imported one for the same customer, manager and month.
    /// False when the link was closed already.
    /// </summary>
    private static async Task<bool> StoreAsync(DiligenceDbContext db, SurveyLink link, int[] scores, string? comment, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            return await ImportStore.InOneTransactionAsync(db, async () =>
            {
                var closed = await db.Set<SurveyLink>().Where(l => l.Id == link.Id && l.AnsweredAt == null && l.ExpiresAt > now)
                    .ExecuteUpdateAsync(s => s.SetProperty(l => l.AnsweredAt, now), cancellationToken);
                if (closed == 0)
                {
                    return false;
                }

                var evaluation = await db.Set<CustomerEvaluation>().SingleOrDefaultAsync(
                    e => e.TenantId == link.TenantId && e.CustomerId == link.CustomerId && e.ManagerId == link.ManagerId && e.Month == link.Month, cancellationToken);
                if (evaluation is null)
                {
                    evaluation = new CustomerEvaluation { TenantId = link.TenantId, CustomerId = link.CustomerId, ManagerId = link.ManagerId, Month = link.Month, ImportedById = link.IssuedById };
                    db.Add(evaluation);
                }

                evaluation.VisitRegularity = scores[0];
                evaluation.ServiceAttitude = scores[1];
                evaluation.PolicyExplanation = scores[2];
                evaluation.ProblemSolving = scores[3];
                evaluation.FairnessIntegrity = scores[4];
                evaluation.Comment = comment;
                evaluation.ImportedAt = now;
                evaluation.ImportedById = link.IssuedById;
                evaluation.Source = EvaluationSource.Survey;
                db.Set<AuditEntry>().Add(new AuditEntry
                {
                    TenantId = link.TenantId, At = now, ActorId = link.IssuedById, Action = "survey.answered", SubjectType = nameof(SurveyLink),
                    SubjectId = link.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), SourceVerb = "survey.page",
                });
                return true;
            }, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another link of the same customer and month answered at the same moment: this one is not stored.
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private static IResult ClosedPage(Closed why, Language language) => why switch
    {
        Closed.Answered => Page(Message(Texts.Surveys.AnsweredTitle.In(language), Texts.Surveys.Answered.In(language)), language, StatusCodes.Status410Gone),
        Closed.Expired => Page(Message(Texts.Surveys.ExpiredTitle.In(language), Texts.Surveys.Expired.In(language)), language, StatusCodes.Status410Gone),
        _ => Page(Message(Texts.Surveys.NotFoundTitle.In(language), Texts.Surveys.NotFound.In(language)), language, StatusCodes.Status404NotFound),
    };

    /// <summary>Encodes markup characters only: Chinese stays readable in the page's source and small on the wire.</summary>
    internal static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private static string E(string text) => Html.Encode(text);

    /// <summary>A short page: a heading and a paragraph (thanks, answered, expired, not found, too many requests).</summary>
    internal static string Message(string title, string text) =>
        $"<h1 id=\"title\">{E(title)}</h1><p>{E(text)}</p>";

    private static string FormHtml(Opened open, Answers answers, Dictionary<string, string> errors, Language language)
    {
        // The switch names the other language in that language (中文 / English), as language pickers do.
        var other = language == Language.ZhCn ? Language.EnUs : Language.ZhCn;
        var html = new StringBuilder();
        html.Append("<nav class=\"lang\"><a href=\"?lang=").Append(other.Tag()).Append("\" hreflang=\"").Append(other.Tag()).Append("\" lang=\"").Append(other.Tag()).Append("\">")
            .Append(other == Language.ZhCn ? "中文" : "English").Append("</a></nav>");
        html.Append("<h1 id=\"title\">").Append(E(Texts.Surveys.Title.In(language))).Append("</h1>");
        html.Append("<p id=\"intro\">").Append(E(Texts.Surveys.Intro.Format(language, open.ManagerName, CardDates.Month(open.Month, language)))).Append("</p>");
        html.Append("<p class=\"note\">").Append(E(Texts.Surveys.Privacy.In(language))).Append("</p>");
        html.Append("<form method=\"post\" novalidate><input type=\"hidden\" name=\"lang\" value=\"").Append(language.Tag()).Append("\">");
        if (errors.Count > 0)
        {
            html.Append("<div class=\"summary\" role=\"alert\" id=\"errors\"><h2>").Append(E(Texts.Surveys.ErrorsTitle.In(language))).Append("</h2><ul>");
            foreach (var (field, error) in errors)
            {
                html.Append("<li><a href=\"#").Append(field == "comment" ? "comment" : field + "-1").Append("\">").Append(E(error)).Append("</a></li>");
            }

            html.Append("</ul></div>");
        }

        for (var i = 0; i < Items.Length; i++)
        {
            var (field, label, question) = Items[i];
            var error = errors.GetValueOrDefault(field);
            html.Append("<fieldset id=\"").Append(field).Append('"').Append(error is null ? string.Empty : " class=\"invalid\"")
                .Append(" aria-describedby=\"").Append(field).Append("-q").Append(error is null ? string.Empty : $" {field}-error").Append("\">");
            html.Append("<legend>").Append(i + 1).Append(language == Language.ZhCn ? "．" : ". ").Append(E(label.In(language))).Append("</legend>");
            html.Append("<p class=\"question\" id=\"").Append(field).Append("-q\">").Append(E(question.In(language))).Append("</p>");
            if (error is not null)
            {
                html.Append("<p class=\"error\" id=\"").Append(field).Append("-error\">").Append(E(error)).Append("</p>");
            }

            html.Append("<div class=\"scale\">");
            for (var v = 1; v <= 5; v++)
            {
                var value = v.ToString(System.Globalization.CultureInfo.InvariantCulture);
                html.Append("<label><input type=\"radio\" id=\"").Append(field).Append('-').Append(value).Append("\" name=\"").Append(field).Append("\" value=\"").Append(value).Append('"')
                    .Append(answers.Scores[i] == value ? " checked" : string.Empty).Append(error is null ? string.Empty : " aria-invalid=\"true\"").Append("><span>")
                    .Append(E(Texts.Surveys.ScaleOption.Format(language, v, ScaleWords[v - 1].In(language)))).Append("</span></label>");
            }

            html.Append("</div></fieldset>");
        }

        var commentError = errors.GetValueOrDefault("comment");
        html.Append("<p><label for=\"comment\">").Append(E(Texts.Surveys.CommentLabel.In(language))).Append("</label></p>");
        if (commentError is not null)
        {
            html.Append("<p class=\"error\" id=\"comment-error\">").Append(E(commentError)).Append("</p>");
        }

        html.Append("<p class=\"note\" id=\"comment-hint\">").Append(E(Texts.Surveys.CommentHint.Format(language, MaxComment))).Append("</p>");
        html.Append("<textarea id=\"comment\" name=\"comment\" rows=\"4\" maxlength=\"").Append(MaxComment).Append('"')
            .Append(commentError is null ? " aria-describedby=\"comment-hint\"" : " class=\"invalid\" aria-invalid=\"true\" aria-describedby=\"comment-error comment-hint\"").Append('>')
            .Append(E(answers.Comment ?? string.Empty)).Append("</textarea>");
        html.Append("<p><button type=\"submit\">").Append(E(Texts.Surveys.Submit.In(language))).Append("</button></p></form>");
        return html.ToString();
    }

    /// <summary>The whole document around a page's body, with the headers every survey page carries.</summary>
    internal static IResult Page(string body, Language language, int status, string? title = null) =>
        new SurveyHtml($"""
            <!doctype html>
            <html lang="{language.Tag()}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="robots" content="noindex, nofollow"><title>{E(title ?? Texts.Surveys.Title.In(language))}</title><style>{Style}</style></head>
            <body><main>{body}</main></body></html>
            """, status);

    /// <summary>An HTML answer with the survey's headers: not cached, not framed, no referrer (the link is the key), no script.</summary>
    internal sealed class SurveyHtml(string html, int status) : IResult
    {
        public Task ExecuteAsync(HttpContext http) => WriteAsync(http, html, status);
    }

    internal static Task WriteAsync(HttpContext http, string html, int status)
    {
        var headers = http.Response.Headers;
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/html; charset=utf-8";
        headers.CacheControl = "no-store";
        headers["Content-Security-Policy"] = ContentSecurityPolicy;
        headers["Referrer-Policy"] = "no-referrer";
        headers["X-Content-Type-Options"] = "nosniff";
        headers["X-Frame-Options"] = "DENY";
        return http.Response.WriteAsync(html, http.RequestAborted);
    }
}
