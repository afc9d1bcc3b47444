using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DiligenceBot.Assessment;
using DiligenceBot.Audit;
using DiligenceBot.Conversations;
using DiligenceBot.Data;
using DiligenceBot.Files;
using DiligenceBot.Imports;
using DiligenceBot.Input;
using DiligenceBot.Localization;
using DiligenceBot.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using QRCoder;

namespace DiligenceBot.Surveys;

/// <summary>
/// "survey &lt;manager&gt; [YYYY-MM] [sample N]" / "客户评价 &lt;客户经理&gt; [YYYY-MM] [抽样 N]": signed, expiring, single-use
/// survey links for the customers a manager serves (all, or N chosen at random), for a month that has begun (this
/// month unless named), for the people who see the manager's scorecard (the team's lead and delegates, the lead chain,
/// admins; never on themselves). Customers who already answered that month's survey get no new link; an earlier open
/// link of the same customer and month is closed. The lead gets two files in the chat: an XLSX (customer, licence,
/// link, valid until) and a printable HTML page of QR codes, one per customer with its name.
/// </summary>
public sealed class SurveyLinksVerb(RecordCheckDesk desk, DiligenceDbContext db, SurveyTokens tokens, IOptions<SurveyOptions> options, ChatFiles files, TimeProvider time) : IBotVerb
{
    public const string Name = "survey.links";

    private static readonly RecordCheckDesk.ChooserTexts Chooser = new(Texts.Surveys.ForLeads, Texts.Scorecards.UnknownManager, Texts.Scorecards.SeveralMatch,
        Texts.Scorecards.ListSeparator, Texts.Surveys.NotYourself, Texts.Surveys.NotYours, Texts.Scorecards.NoManagers);

    /// <summary>One customer's link.</summary>
    internal sealed record IssuedLink(string CustomerName, string Licence, string Url);

    public async Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        if (request.Person is not { } person || person.TenantId != request.TenantId)
        {
            return BotAnswer.Refused(Texts.Scorecards.NotInDirectory.In(language));
        }

        if (!tokens.IsConfigured)
        {
            return BotAnswer.Refused(Texts.Surveys.NotConfigured.In(language));
        }

        if (Read(request.Arguments) is not { } asked)
        {
            return BotAnswer.Refused(Texts.Surveys.Usage.In(language));
        }

        var choice = await desk.ChooseAsync(request, person, asked.Name, Chooser, cancellationToken);
        if (choice.Refusal is not null)
        {
            return choice.Refusal;
        }

        if (choice.Manager is not { } manager)
        {
            return BotAnswer.Refused(Texts.Surveys.Usage.In(language));
        }

        var thisMonth = desk.ThisMonth(manager.Team!);
        var month = asked.Month ?? thisMonth;
        if (month > thisMonth)
        {
            return BotAnswer.Refused(Texts.Scorecards.FuturePeriod.Format(language, CardDates.Month(month, language)));
        }

        var customers = await db.Customers.AsNoTracking().Where(c => c.TenantId == person.TenantId && c.ManagerId == manager.Id)
            .Select(c => new { c.Id, c.Name, c.LicenceNumber }).ToListAsync(cancellationToken);
        var answered = await db.Set<CustomerEvaluation>().AsNoTracking()
            .Where(e => e.TenantId == person.TenantId && e.ManagerId == manager.Id && e.Month == month && e.Source == EvaluationSource.Survey)
            .Select(e => e.CustomerId).ToListAsync(cancellationToken);
        var open = customers.Where(c => !answered.Contains(c.Id)).ToArray();
        if (open.Length == 0)
        {
            return BotAnswer.Refused((customers.Count == 0 ? Texts.Surveys.NoCustomers : Texts.Surveys.AllAnswered).Format(language, manager.DisplayName, CardDates.Month(month, language)));
        }

        if (asked.Sample is { } sample && sample < open.Length)
        {
            RandomNumberGenerator.Shuffle(open.AsSpan());
            open = open[..sample];
        }

        if (open.Length > options.Value.MaxLinks)
        {
            return BotAnswer.Refused(Texts.Surveys.TooManyLinks.Format(language, open.Length, options.Value.MaxLinks));
        }

        var now = time.GetUtcNow();
        var expires = now + options.Value.LinkLifetime;
        var ids = open.Select(c => c.Id).ToList();
        var issued = new List<IssuedLink>(open.Length);
        await ImportStore.InOneTransactionAsync(db, async () =>
        {
            issued.Clear();
            // One open link per customer and month: the new one replaces what was handed out before.
            await db.Set<SurveyLink>().Where(l => l.TenantId == person.TenantId && ids.Contains(l.CustomerId) && l.Month == month && l.AnsweredAt == null && l.ExpiresAt > now)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, now), cancellationToken);
            foreach (var customer in open.OrderBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.LicenceNumber, StringComparer.Ordinal))
            {
                var (token, hash) = tokens.Issue();
                db.Add(new SurveyLink
                {
                    TenantId = person.TenantId, IdHash = hash, CustomerId = customer.Id, ManagerId = manager.Id, Month = month, IssuedById = person.Id, IssuedAt = now, ExpiresAt = expires,
                });
                issued.Add(new IssuedLink(customer.Name, customer.LicenceNumber, tokens.LinkOf(token)));
            }

            db.Add(new AuditEntry
            {
                TenantId = person.TenantId, At = now, ActorId = person.Id, Action = "survey.links.issued", SubjectType = "Person", SubjectId = manager.Id,
                SourceVerb = Name, SourceActivityId = request.Activity.Id,
            });
            return issued.Count;
        }, cancellationToken);

        var monthName = Plain(CardDates.Month(month, language));
        var until = manager.Team!.LocalDate(expires);
        var baseName = FileName(Texts.Surveys.FileName.Format(language, manager.DisplayName, language == Language.ZhCn ? monthName : month.ToString("yyyy-MM", CultureInfo.InvariantCulture)));
        var description = Texts.Surveys.Issued.Format(language, issued.Count, manager.DisplayName, monthName, CardDates.Day(until));
        var sheet = ImportSheet.WriteXlsx(
            [Texts.Surveys.ColumnCustomer.In(language), Texts.Customers.ColumnLicence.In(language), Texts.Surveys.ColumnLink.In(language), Texts.Surveys.ColumnValidUntil.In(language)],
            issued.Select(l => (IReadOnlyList<object?>)[l.CustomerName, l.Licence, l.Url, until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]));
        await request.Turn.SendAsync(await files.OfferAsync(person, baseName + ".xlsx", sheet, Texts.Surveys.LinksOffer.Format(language, issued.Count), cancellationToken), cancellationToken);
        var page = QrPage(issued, manager.DisplayName, CardDates.Month(month, language), until, language);
        await request.Turn.SendAsync(await files.OfferAsync(person, baseName + ".html", page, Texts.Surveys.QrOffer.Format(language, issued.Count), cancellationToken), cancellationToken);
        return BotAnswer.WithText(description);
    }

    /// <summary>What was typed: the manager's name, the month (YYYY-MM) and "sample N" / "抽样 N"; null when unreadable.</summary>
    internal static (string Name, DateOnly? Month, int? Sample)? Read(string arguments)
    {
        var words = UserText.Words(arguments).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        int? sample = null;
        var at = words.FindIndex(w => w.Equals("sample", StringComparison.OrdinalIgnoreCase) || w == "抽样");
        if (at >= 0)
        {
            if (at + 1 >= words.Count || !int.TryParse(words[at + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
            {
                return null;
            }

            sample = n;
            words.RemoveRange(at, 2);
        }

        DateOnly? month = null;
        var typed = words.FirstOrDefault(w => char.IsDigit(w[0]));
        if (typed is not null)
        {
            if (!RecordPeriod.TryParse(RecordPeriodKind.Monthly, typed, out var period))
            {
                return null;
            }

            month = period.First;
            words.Remove(typed);
        }

        return words.Count == 0 ? null : (string.Join(' ', words), month, sample);
    }

    private static string Plain(string text) => text.Replace(CardDates.WordJoiner.ToString(), string.Empty, StringComparison.Ordinal).Replace('\u00a0', ' ');

    private static string FileName(string name)
    {
        var invalid = Path.GetInvalidFileNameChars().Concat(['\\', '/', ':', '*', '?', '"', '<', '>', '|']).ToHashSet();
        return new string([.. name.Select(c => invalid.Contains(c) ? '-' : c)]);
    }

    /// <summary>
    /// The printable page: one card per customer (its name and licence for whoever hands it out, the QR code, the link in
    /// small print and the words the customer reads), six to an A4 sheet, never split over two sheets. Self-contained
    /// (the QR codes are inline SVG, no script): it opens and prints from the file in any browser.
    /// </summary>
    internal static byte[] QrPage(IReadOnlyList<IssuedLink> links, string manager, string month, DateOnly until, Language language)
    {
        static string E(string text) => SurveyPage.Html.Encode(text);
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"").Append(language.Tag()).Append("\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
            .Append(E(Texts.Surveys.QrTitle.Format(language, manager, month))).Append("</title><style>")
            .Append("""
                body{margin:0;font:14px/1.4 system-ui,"Segoe UI","Noto Sans CJK SC","Microsoft YaHei",sans-serif;color:#000}
                h1{font-size:18px;margin:12px}.sheet{display:grid;grid-template-columns:repeat(auto-fill,minmax(88mm,1fr));gap:4mm;padding:4mm}
                .card{border:1px dashed #555;padding:4mm;text-align:center;break-inside:avoid;page-break-inside:avoid}
                .card svg{width:48mm;height:48mm}.customer{font-weight:700;font-size:16px}.ask{margin:2mm 0}.url{font-size:8px;word-break:break-all;color:#333}
                @page{size:A4;margin:8mm}@media print{h1{display:none}.sheet{grid-template-columns:repeat(2,1fr);padding:0}.card{height:88mm}}
                """).Append("</style></head><body><h1>").Append(E(Texts.Surveys.QrTitle.Format(language, manager, month))).Append("</h1><div class=\"sheet\">");
        foreach (var link in links)
        {
            using var data = QRCodeGenerator.GenerateQrCode(link.Url, QRCodeGenerator.ECCLevel.M);
            var svg = new SvgQRCode(data).GetGraphic(4, "#000000", "#ffffff", true, SvgQRCode.SizingMode.ViewBoxAttribute);
            svg = svg[svg.IndexOf("<svg", StringComparison.Ordinal)..];
            html.Append("<section class=\"card\"><div class=\"customer\">").Append(E(link.CustomerName)).Append("</div><div>").Append(E(link.Licence)).Append("</div>")
                .Append("<div role=\"img\" aria-label=\"").Append(E(Texts.Surveys.QrLabel.Format(language, link.CustomerName))).Append("\">").Append(svg).Append("</div>")
                .Append("<p class=\"ask\">").Append(E(Texts.Surveys.QrAsk.Format(language, manager, month, CardDates.Day(until)))).Append("</p>")
                .Append("<div class=\"url\">").Append(E(link.Url)).Append("</div></section>");
        }

        html.Append("</div></body></html>");
        return Encoding.UTF8.GetBytes(html.ToString());
    }
}
