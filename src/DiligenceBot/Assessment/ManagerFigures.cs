using DiligenceBot.Audit;
using DiligenceBot.Data;
using DiligenceBot.Imports;
using DiligenceBot.Localization;
using DiligenceBot.Organisation;
using DiligenceBot.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiligenceBot.Assessment;

/// <summary>
/// A manager's figures for one month, imported from a file: volume (cases) and sales value (yuan) against their
/// targets, and the volume the manager forecast. One row per manager and month; a re-import replaces it.
/// </summary>
public sealed class ManagerFigures
{
    public long Id { get; set; }
    public required string TenantId { get; set; }
    public required string ManagerId { get; set; }
    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; set; }
    public decimal VolumeTargetCases { get; set; }
    public decimal VolumeCases { get; set; }
    public decimal ValueTargetYuan { get; set; }
    public decimal ValueYuan { get; set; }
    public decimal ForecastCases { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
    public required string ImportedById { get; set; }
}

internal sealed class ManagerFiguresConfiguration : IEntityTypeConfiguration<ManagerFigures>
{
    public void Configure(EntityTypeBuilder<ManagerFigures> b)
    {
        b.ToTable("ManagerFigures");
        b.HasKey(f => f.Id);
        b.Property(f => f.TenantId).HasMaxLength(64);
        b.Property(f => f.ManagerId).HasMaxLength(64);
        b.Property(f => f.ImportedById).HasMaxLength(64);
        b.Property(f => f.VolumeTargetCases).HasPrecision(14, 2);
        b.Property(f => f.VolumeCases).HasPrecision(14, 2);
        b.Property(f => f.ForecastCases).HasPrecision(14, 2);
        b.Property(f => f.ValueTargetYuan).HasPrecision(16, 2);
        b.Property(f => f.ValueYuan).HasPrecision(16, 2);
        b.HasIndex(f => new { f.TenantId, f.ManagerId, f.Month }).IsUnique();
        b.HasOne<Person>().WithMany().HasForeignKey(f => f.ManagerId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>
/// The figures import (one kind of <see cref="ImportKind"/>): per row an account manager the importer may import for,
/// a month that has begun, and five amounts (cases and yuan, at most two decimals), the targets more than 0 since
/// results are measured against them. A manager and month twice in one file is a problem; a manager and month imported
/// before is replaced, and the answer says how many were.
/// </summary>
public sealed class FiguresImport(DiligenceDbContext db, TimeProvider time) : ImportKind
{
    /// <summary>The largest amount a cell may hold: far beyond any manager's month, short of what a typo makes.</summary>
    public const decimal MaxCases = 1_000_000, MaxYuan = 10_000_000_000;

    private static readonly ImportColumn[] ColumnList =
    [
        new(Texts.Imports.ColumnManager), new(Texts.Imports.ColumnMonth), new(Texts.Figures.ColumnVolumeTarget), new(Texts.Figures.ColumnVolumeActual),
        new(Texts.Figures.ColumnValueTarget), new(Texts.Figures.ColumnValueActual), new(Texts.Figures.ColumnForecast),
    ];

    private const int Manager = 0, Month = 1, VolumeTarget = 2, Volume = 3, ValueTarget = 4, Value = 5, Forecast = 6;

    public override Text Word => Texts.Figures.Word;

    public override Text TemplateCommand => Texts.Figures.TemplateCommand;

    public override Text TemplateFileName => Texts.Figures.TemplateFileName;

    public override Text TemplateOffer => Texts.Figures.TemplateOffer;

    public override IReadOnlyList<ImportColumn> Columns => ColumnList;

    public override IReadOnlyList<object?> ExampleRow(Language language) => ["name@example.com", "2026-11", 320, 305.5, 2_400_000, 2_350_000, 300];

    public override async Task<ImportOutcome> ImportAsync(ImportRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        var people = await ImportPeople.LoadAsync(db, request.Importer, cancellationToken);
        var latest = ThisMonth(request.Importer, time);
        var check = new ImportRows(request, ColumnList);
        var rows = new List<ManagerFigures>();
        var seen = new Dictionary<(string, DateOnly), int>();
        foreach (var row in check.Each())
        {
            var manager = row.Manager(Manager, people);
            var month = row.Month(Month, latest);
            if (manager is not null && month is { } m && !seen.TryAdd((manager.Id, m), row.Number))
            {
                row.Problem(Month, Texts.Figures.ProblemDuplicate.Format(language, manager.Email ?? manager.Id, CardDates.Month(m, language), seen[(manager.Id, m)]));
            }

            var volumeTarget = Target(row, VolumeTarget, MaxCases, language);
            var volume = row.Amount(Volume, MaxCases);
            var valueTarget = Target(row, ValueTarget, MaxYuan, language);
            var value = row.Amount(Value, MaxYuan);
            var forecast = row.Amount(Forecast, MaxCases);
            if (row.IsClean)
            {
                rows.Add(new ManagerFigures
                {
                    TenantId = request.Importer.TenantId, ManagerId = manager!.Id, Month = month!.Value, ImportedById = request.Importer.Id,
                    VolumeTargetCases = volumeTarget!.Value, VolumeCases = volume!.Value, ValueTargetYuan = valueTarget!.Value, ValueYuan = value!.Value,
                    ForecastCases = forecast!.Value,
                });
            }
        }

        if (check.Problems.Count > 0)
        {
            return ImportOutcome.Failed(check.Problems);
        }

        var replaced = await StoreAsync(request, rows, cancellationToken);
        return new ImportOutcome(Texts.Figures.Done.Format(language, rows.Count, request.FileName, rows.Count - replaced, replaced), []);
    }

    /// <summary>A target: an amount, and more than 0 (a share of nothing is no measure).</summary>
    private static decimal? Target(ImportRow row, int column, decimal max, Language language)
    {
        var target = row.Amount(column, max);
        if (target == 0)
        {
            row.Problem(column, Texts.Figures.ProblemTargetZero.Format(language, ColumnList[column].Name.In(language)));
            return null;
        }

        return target;
    }

    /// <summary>The month under way in the importer's zone (their team's, else the first team they lead, else Shanghai): later months are refused.</summary>
    internal static DateOnly ThisMonth(Person importer, TimeProvider time)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(importer.Team?.TimeZone ?? "Asia/Shanghai");
        var today = ScheduleMath.LocalDate(zone, time.GetUtcNow());
        return new DateOnly(today.Year, today.Month, 1);
    }

    /// <summary>Stores every row in one transaction, replacing the same manager and month; how many were replaced.</summary>
    private async Task<int> StoreAsync(ImportRequest request, List<ManagerFigures> rows, CancellationToken cancellationToken)
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

            var before = await db.Set<ManagerFigures>().AsNoTracking()
                .Where(f => f.TenantId == tenantId && managers.Contains(f.ManagerId) && f.Month >= first && f.Month <= last)
                .ToListAsync(cancellationToken);
            var replaced = await ImportStore.ReplaceAsync(db, rows, before, f => (f.ManagerId, f.Month), (stored, row) =>
            {
                stored.VolumeTargetCases = row.VolumeTargetCases;
                stored.VolumeCases = row.VolumeCases;
                stored.ValueTargetYuan = row.ValueTargetYuan;
                stored.ValueYuan = row.ValueYuan;
                stored.ForecastCases = row.ForecastCases;
                stored.ImportedAt = now;
                stored.ImportedById = row.ImportedById;
            }, cancellationToken);
            db.Set<AuditEntry>().Add(new AuditEntry
            {
                TenantId = tenantId, At = now, ActorId = request.Importer.Id, Action = "figures.imported", SubjectType = "FiguresImport",
                SubjectId = $"{rows.Count} rows", SourceVerb = Files.ChatFiles.ReceivedVerb, SourceActivityId = request.SourceActivityId,
            });
            return replaced;
        }, cancellationToken);
    }
}
