using DiligenceBot.Audit;
using DiligenceBot.Customers;
using DiligenceBot.Data;
using DiligenceBot.Imports;
using DiligenceBot.Input;
using DiligenceBot.Localization;
using DiligenceBot.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiligenceBot.Assessment;

/// <summary>
/// A retail customer's evaluation of the account manager who serves it, for one month: the five items the trade asks
/// about, each 1–5, and an optional comment. Imported, or answered by the customer on the survey page
/// (<see cref="Source"/>); one per customer, manager and month: a re-import replaces an imported one, a survey answer
/// replaces an imported one, and an import never replaces a survey answer (the row is refused). Who said what is for
/// leads; a manager only ever sees averages (<see cref="ImportedValues"/>).
/// </summary>
public sealed class CustomerEvaluation
{
    public long Id { get; set; }
    public required string TenantId { get; set; }
    public long CustomerId { get; set; }
    public required string ManagerId { get; set; }
    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; set; }
    public int VisitRegularity { get; set; }
    public int ServiceAttitude { get; set; }
    public int PolicyExplanation { get; set; }
    public int ProblemSolving { get; set; }
    public int FairnessIntegrity { get; set; }
    public string? Comment { get; set; }
    /// <summary>When it was imported or answered.</summary>
    public DateTimeOffset ImportedAt { get; set; }
    /// <summary>Who imported it; for a survey answer, the lead who issued the link.</summary>
    public required string ImportedById { get; set; }
    public EvaluationSource Source { get; set; }
}

/// <summary>Where an evaluation came from.</summary>
public enum EvaluationSource
{
    Import,
    Survey,
}

internal sealed class CustomerEvaluationConfiguration : IEntityTypeConfiguration<CustomerEvaluation>
{
    public void Configure(EntityTypeBuilder<CustomerEvaluation> b)
    {
        b.ToTable("CustomerEvaluations");
        b.HasKey(e => e.Id);
        b.Property(e => e.TenantId).HasMaxLength(64);
        b.Property(e => e.ManagerId).HasMaxLength(64);
        b.Property(e => e.ImportedById).HasMaxLength(64);
        b.Property(e => e.Comment).HasMaxLength(EvaluationImport.MaxComment);
        b.Property(e => e.Source).HasConversion<string>().HasMaxLength(16).HasDefaultValue(EvaluationSource.Import).HasSentinel((EvaluationSource)(-1));
        b.HasIndex(e => new { e.TenantId, e.CustomerId, e.ManagerId, e.Month }).IsUnique();
        b.HasIndex(e => new { e.TenantId, e.ManagerId, e.Month });
        b.HasOne<Customer>().WithMany().HasForeignKey(e => e.CustomerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Person>().WithMany().HasForeignKey(e => e.ManagerId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>
/// The customers' evaluations import (one kind of <see cref="ImportKind"/>): per row a customer of the register (by
/// licence number) served by the row's manager, a manager the importer may import for, a month that has begun, five
/// whole scores 1–5 and an optional comment. The same customer, manager and month twice in a file is a problem; one
/// imported before is replaced.
/// </summary>
public sealed class EvaluationImport(DiligenceDbContext db, TimeProvider time) : ImportKind
{
    public const int MaxComment = 500;

    private static readonly ImportColumn[] ColumnList =
    [
        new(Texts.Customers.ColumnLicence), new(Texts.Imports.ColumnManager), new(Texts.Imports.ColumnMonth),
        new(Texts.Evaluations.ColumnVisits), new(Texts.Evaluations.ColumnAttitude), new(Texts.Evaluations.ColumnPolicy), new(Texts.Evaluations.ColumnProblems),
        new(Texts.Evaluations.ColumnFairness), new(Texts.Evaluations.ColumnComment, Optional: true),
    ];

    private const int Licence = 0, Manager = 1, Month = 2, FirstScore = 3, LastScore = 7, Comment = 8;

    public override Text Word => Texts.Evaluations.Word;

    public override Text TemplateCommand => Texts.Evaluations.TemplateCommand;

    public override Text TemplateFileName => Texts.Evaluations.TemplateFileName;

    public override Text TemplateOffer => Texts.Evaluations.TemplateOffer;

    public override IReadOnlyList<ImportColumn> Columns => ColumnList;

    public override IReadOnlyList<object?> ExampleRow(Language language) =>
        ["110105100123", "name@example.com", "2026-11", 5, 4, 4, 5, 5, language == Language.ZhCn ? "希望雨天也能按时送货。" : "Deliveries on time even when it rains, please."];

    public override async Task<ImportOutcome> ImportAsync(ImportRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        var tenantId = request.Importer.TenantId;
        var people = await ImportPeople.LoadAsync(db, request.Importer, cancellationToken);
        var latest = FiguresImport.ThisMonth(request.Importer, time);
        var check = new ImportRows(request, ColumnList);
        var rows = new List<CustomerEvaluation>();
        var seen = new Dictionary<(string, string, DateOnly), int>();

        // The tenant's register read once (as the customer import reads it), licence numbers in either case.
        var register = await db.Customers.AsNoTracking().Where(c => c.TenantId == tenantId)
            .ToDictionaryAsync(c => c.LicenceNumber, c => (c.Id, c.ManagerId), StringComparer.OrdinalIgnoreCase, cancellationToken);
        // The customers' own answers on the survey page: an import does not overwrite what a customer said first-hand.
        var answered = (await db.Set<CustomerEvaluation>().AsNoTracking().Where(e => e.TenantId == tenantId && e.Source == EvaluationSource.Survey)
            .Select(e => new { e.CustomerId, e.ManagerId, e.Month }).ToListAsync(cancellationToken)).Select(e => (e.CustomerId, e.ManagerId, e.Month)).ToHashSet();

        foreach (var row in check.Each())
        {
            var licence = row.Text(Licence, CustomerLimits.LicenceNumber) is { } l ? UserText.Narrow(l) : null;
            var manager = row.Manager(Manager, people);
            var month = row.Month(Month, latest);
            var scores = new int?[LastScore - FirstScore + 1];
            for (var c = FirstScore; c <= LastScore; c++)
            {
                scores[c - FirstScore] = row.Whole(c, 1, 5, Texts.Evaluations.ProblemScore.Format(language, check.Label(c)));
            }

            var comment = row.Text(Comment, MaxComment, multiline: true);
            (long Id, string ManagerId) customer = default;
            if (licence is not null && !register.TryGetValue(licence, out customer))
            {
                row.Problem(Licence, Texts.Evaluations.ProblemNotRegistered.Format(language, licence));
            }
            else if (licence is not null && manager is not null && customer.ManagerId != manager.Id)
            {
                row.Problem(Licence, Texts.Evaluations.ProblemNotServed.Format(language, licence, manager.Email ?? manager.Id));
            }
            else if (licence is not null && manager is not null && month is { } m && !seen.TryAdd((licence.ToUpperInvariant(), manager.Id, m), row.Number))
            {
                row.Problem(Licence, Texts.Evaluations.ProblemDuplicate.Format(language, licence, CardDates.Month(m, language), seen[(licence.ToUpperInvariant(), manager.Id, m)]));
            }
            else if (licence is not null && manager is not null && month is { } answeredMonth && answered.Contains((customer.Id, manager.Id, answeredMonth)))
            {
                row.Problem(Licence, Texts.Evaluations.ProblemAnsweredOnSurvey.Format(language, licence, CardDates.Month(answeredMonth, language)));
            }

            if (row.IsClean)
            {
                rows.Add(new CustomerEvaluation
                {
                    TenantId = tenantId, CustomerId = customer.Id, ManagerId = manager!.Id, Month = month!.Value, ImportedById = request.Importer.Id,
                    VisitRegularity = scores[0]!.Value, ServiceAttitude = scores[1]!.Value, PolicyExplanation = scores[2]!.Value,
                    ProblemSolving = scores[3]!.Value, FairnessIntegrity = scores[4]!.Value, Comment = comment,
                });
            }
        }

        if (check.Problems.Count > 0)
        {
            return ImportOutcome.Failed(check.Problems);
        }

        var replaced = await StoreAsync(request, rows, cancellationToken);
        return new ImportOutcome(Texts.Evaluations.Done.Format(language, rows.Count, request.FileName, rows.Count - replaced, replaced), []);
    }

    /// <summary>Stores every row in one transaction, replacing the same customer, manager and month; how many were replaced.</summary>
    private async Task<int> StoreAsync(ImportRequest request, List<CustomerEvaluation> rows, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var tenantId = request.Importer.TenantId;
        var managers = rows.Select(r => r.ManagerId).Distinct().ToList();
        var first = rows.Min(r => r.Month);
        var last = rows.Max(r => r.Month);
        return await ImportStore.InOneTransactionAsync(db, async () =>
        {
            foreach (var row in rows)
            {
                row.ImportedAt = now;
            }

            var before = await db.Set<CustomerEvaluation>().AsNoTracking()
                .Where(e => e.TenantId == tenantId && managers.Contains(e.ManagerId) && e.Month >= first && e.Month <= last)
                .ToListAsync(cancellationToken);
            var replaced = await ImportStore.ReplaceAsync(db, rows, before, e => (e.CustomerId, e.ManagerId, e.Month), (stored, row) =>
            {
                stored.VisitRegularity = row.VisitRegularity;
                stored.ServiceAttitude = row.ServiceAttitude;
                stored.PolicyExplanation = row.PolicyExplanation;
                stored.ProblemSolving = row.ProblemSolving;
                stored.FairnessIntegrity = row.FairnessIntegrity;
                stored.Comment = row.Comment;
                stored.ImportedAt = now;
                stored.ImportedById = row.ImportedById;
            }, cancellationToken);
            db.Set<AuditEntry>().Add(new AuditEntry
            {
                TenantId = tenantId, At = now, ActorId = request.Importer.Id, Action = "evaluations.imported", SubjectType = "EvaluationImport",
                SubjectId = $"{rows.Count} rows", SourceVerb = Files.ChatFiles.ReceivedVerb, SourceActivityId = request.SourceActivityId,
            });
            return replaced;
        }, cancellationToken);
    }
}
