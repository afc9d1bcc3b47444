using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using DiligenceBot.Data;
using DiligenceBot.Localization;
using DiligenceBot.Organisation;
using DiligenceBot.Records;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DiligenceBot.Dashboard;

/// <summary>
/// <c>/api/dashboard/…</c>: the tab's API. Every data endpoint needs a Teams SSO token (or, in Development, the demo
/// sign-in) and answers only within the caller's <see cref="DashboardScope"/>: a team, manager or log outside it is
/// 404 exactly like one that does not exist, whatever the query says. Bad dates and ranges are 400; every refusal is
/// problem+json in the caller's language (Accept-Language, or <c>lang</c>).
/// </summary>
public static class DashboardApi
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static void MapDashboardApi(this IEndpointRouteBuilder app, bool demoSignIn)
    {
        var api = app.MapGroup("/api/dashboard");
        // The page's texts in both languages: the page has no text of its own, so every text is in Texts (and checked).
        api.MapGet("/texts", (string? lang) => Results.Json(DashboardTexts.For(Languages.FromLocale(lang)), Json));
        if (demoSignIn)
        {
            api.MapGet("/demo/people", async (DiligenceDbContext db, CancellationToken ct) => Results.Json(
                (await db.People.AsNoTracking().Where(p => p.LeftAt == null).OrderBy(p => p.Id).Select(p => new { p.Id, Name = p.DisplayName }).ToListAsync(ct)), Json));
        }

        var data = api.MapGroup(string.Empty).RequireAuthorization(DashboardAuthentication.Policy);
        data.MapGet("/me", (HttpContext http, Caller caller, CancellationToken ct) => caller.Run(http, (scope, _) =>
            Task.FromResult(Results.Json(new
            {
                Id = scope.Viewer.Id,
                Name = scope.Viewer.DisplayName,
                scope.Viewer.IsAdmin,
                Teams = scope.Teams.Select(TeamRef.Of),
                Managers = scope.Managers.Count,
            }, Json)), allowEmpty: true, ct));

        data.MapGet("/today", (HttpContext http, Caller caller, DashboardViews views, string? team, CancellationToken ct) => caller.Run(http, async (scope, language) =>
            scope.TeamsFor(team) is { } teams
                ? Results.Json(await views.TodayAsync(scope, teams, ct), Json)
                : Problem(404, language, Texts.Dashboard.ProblemNotFound, Texts.Dashboard.ProblemUnknownTeam.Format(language, Shorten(team))), ct));

        data.MapGet("/punctuality", (HttpContext http, Caller caller, DashboardViews views, string? team, string? from, string? to, CancellationToken ct) => caller.Run(http, async (scope, language) =>
        {
            if (scope.TeamsFor(team) is not { } teams)
            {
                return Problem(404, language, Texts.Dashboard.ProblemNotFound, Texts.Dashboard.ProblemUnknownTeam.Format(language, Shorten(team)));
            }

            var (range, problem) = caller.Range(language, from, to, views.DefaultRange(teams));
            return problem ?? Results.Json(await views.PunctualityAsync(scope, teams, range.From, range.To, ct), Json);
        }, ct));

        // The views as files, with the same filters (and the same refusals) as the views themselves.
        data.MapGet("/today/export", (HttpContext http, Caller caller, DashboardViews views, string? team, string? format, CancellationToken ct) => caller.Run(http, async (scope, language) =>
        {
            if (ExportFormat(format) is not { } kind)
            {
                return Problem(400, language, Texts.Dashboard.ProblemBadRequest, Texts.Dashboard.ProblemBadFormat.Format(language, Shorten(format)));
            }

            if (scope.TeamsFor(team) is not { } teams)
            {
                return Problem(404, language, Texts.Dashboard.ProblemNotFound, Texts.Dashboard.ProblemUnknownTeam.Format(language, Shorten(team)));
            }

            var view = await views.TodayAsync(scope, teams, ct);
            var (header, rows) = DashboardExport.Today(view, language);
            var day = view.Teams.Count > 0 ? view.Teams.Max(t => t.Day) : views.DefaultRange(teams).To;
            return DashboardExport.File(kind, $"{Texts.Dashboard.PageTabToday.In(language)}_{day:yyyy-MM-dd}", header, rows);
        }, ct));

        data.MapGet("/punctuality/export", (HttpContext http, Caller caller, DashboardViews views, string? team, string? from, string? to, string? format, CancellationToken ct) => caller.Run(http, async (scope, language) =>
        {
            if (ExportFormat(format) is not { } kind)
            {
                return Problem(400, language, Texts.Dashboard.ProblemBadRequest, Texts.Dashboard.ProblemBadFormat.Format(language, Shorten(format)));
            }

            if (scope.TeamsFor(team) is not { } teams)
            {
                return Problem(404, language, Texts.Dashboard.ProblemNotFound, Texts.Dashboard.ProblemUnknownTeam.Format(language, Shorten(team)));
            }

            var (range, problem) = caller.Range(language, from, to, views.DefaultRange(teams));
            if (problem is not null)
            {
                return problem;
            }

            var (header, rows) = DashboardExport.Punctuality(await views.PunctualityAsync(scope, teams, range.From, range.To, ct), language);
            return DashboardExport.File(kind, $"{Texts.Dashboard.PageTabPunctuality.In(language)}_{range.From:yyyy-MM-dd}_{range.To:yyyy-MM-dd}", header, rows);
        }, ct));

        data.MapGet("/managers/{id}", (HttpContext http, Caller caller, DashboardViews views, string id, string? from, string? to, CancellationToken ct) => caller.Run(http, async (scope, language) =>
        {
            if (scope.Manager(id) is not { } manager || scope.Teams.FirstOrDefault(t => t.Id == manager.TeamId) is not { } team)
            {
                return Problem(404, language, Texts.Dashboard.ProblemNotFound, Texts.Dashboard.ProblemUnknownManager.Format(language, Shorten(id)));
            }

            var (range, problem) = caller.Range(language, from, to, views.DefaultRange([team]));
            return problem ?? Results.Json(await views.ManagerAsync(manager, team, range.From, range.To, ct), Json);
        }, ct));

        data.MapGet("/logs/{id}", (HttpContext http, Caller caller, DashboardViews views, string id, CancellationToken ct) => caller.Run(http, async (scope, language) =>
            Guid.TryParse(id, out var logId) && await views.LogAsync(scope, logId, ct) is { } log
                ? Results.Json(log, Json)
                : Problem(404, language, Texts.Dashboard.ProblemNotFound, Texts.Dashboard.ProblemUnknownLog.Format(language, Shorten(id))), ct));
    }

    internal static IResult Problem(int status, Language language, Text title, string detail) =>
        Results.Problem(new ProblemDetails { Status = status, Title = title.In(language), Detail = detail });

    private static string? ExportFormat(string? format) =>
        string.Equals(format, DashboardExport.Csv, StringComparison.OrdinalIgnoreCase) ? DashboardExport.Csv
        : string.Equals(format, DashboardExport.Xlsx, StringComparison.OrdinalIgnoreCase) ? DashboardExport.Xlsx
        : null;

    private static string Shorten(string? value) => value is null ? string.Empty : value.Length > 40 ? value[..40] + "…" : value;

    private static readonly DateOnly Earliest = new(2000, 1, 1);
    private static readonly DateOnly Latest = new(2099, 12, 31);

    /// <summary>The caller of a data endpoint: their scope (or the refusal), their language and the range they asked for.</summary>
    public sealed class Caller(DirectoryLookup directory, RecordCheckDesk desk, DiligenceDbContext db, IOptions<DashboardOptions> options)
    {
        public Task<IResult> Run(HttpContext http, Func<DashboardScope, Language, Task<IResult>> answer, CancellationToken cancellationToken) => Run(http, answer, allowEmpty: false, cancellationToken);

        public async Task<IResult> Run(HttpContext http, Func<DashboardScope, Language, Task<IResult>> answer, bool allowEmpty, CancellationToken cancellationToken)
        {
            var language = LanguageOf(http);
            var scope = await DashboardScope.OfAsync(http.User, directory, desk, db, cancellationToken);
            if (scope is null)
            {
                return Problem(403, language, Texts.Dashboard.ProblemForbidden, Texts.Dashboard.ProblemNotInDirectory.In(language));
            }

            return scope.IsEmpty && !allowEmpty
                ? Problem(403, language, Texts.Dashboard.ProblemForbidden, Texts.Dashboard.ProblemNotALead.In(language))
                : await answer(scope, language);
        }

        /// <summary>The range asked for (either end may be left out: the default's), or the 400 that says what is wrong with it.</summary>
        public ((DateOnly From, DateOnly To) Range, IResult? Problem) Range(Language language, string? from, string? to, (DateOnly From, DateOnly To) fallback)
        {
            DateOnly? start = null, end = null;
            foreach (var (text, set) in new (string?, Action<DateOnly>)[] { (from, d => start = d), (to, d => end = d) })
            {
                if (string.IsNullOrEmpty(text))
                {
                    continue;
                }

                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                {
                    return (fallback, DashboardApi.Problem(400, language, Texts.Dashboard.ProblemBadRequest, Texts.Dashboard.ProblemBadDate.Format(language, Shorten(text))));
                }

                // Far ends of the calendar have no working days to show and no day after them to be due on.
                if (day < Earliest || day > Latest)
                {
                    return (fallback, DashboardApi.Problem(400, language, Texts.Dashboard.ProblemBadRequest, Texts.Dashboard.ProblemDateOutOfRange.Format(language, Shorten(text))));
                }

                set(day);
            }

            var max = options.Value.MaxRangeDays;
            var range = (start, end) switch
            {
                (null, null) => fallback,
                ({ } s, null) => (s, s.AddDays(29) > Latest ? Latest : s.AddDays(29)),
                (null, { } e) => (e.AddDays(-29) < Earliest ? Earliest : e.AddDays(-29), e),
                ({ } s, { } e) => (s, e),
            };
            if (range.Item2 < range.Item1)
            {
                return (fallback, DashboardApi.Problem(400, language, Texts.Dashboard.ProblemBadRequest, Texts.Dashboard.ProblemRangeBackwards.Format(language, range.Item1.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), range.Item2.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))));
            }

            var days = range.Item2.DayNumber - range.Item1.DayNumber + 1;
            return days > max
                ? (fallback, DashboardApi.Problem(400, language, Texts.Dashboard.ProblemBadRequest, Texts.Dashboard.ProblemRangeTooLong.Format(language, days, max)))
                : (range, null);
        }

        private static Language LanguageOf(HttpContext http) =>
            Languages.FromLocale(http.Request.Query["lang"].FirstOrDefault() ?? http.Request.Headers.AcceptLanguage.FirstOrDefault()?.Split(',')[0]);
    }
}
