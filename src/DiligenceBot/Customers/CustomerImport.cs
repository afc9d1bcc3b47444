using DiligenceBot.Audit;
using DiligenceBot.Data;
using DiligenceBot.Imports;
using DiligenceBot.Input;
using DiligenceBot.Localization;
using DiligenceBot.Organisation;
using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.Customers;

/// <summary>
/// The customer import (one kind of <see cref="ImportKind"/>): every row checked through the shared cell rules, managers
/// resolved in the importer's tenant (a lead only for the teams they lead), then all rows stored in one transaction, or
/// none when any row has a problem. A re-import updates customers by licence number and records each move to another
/// manager.
/// </summary>
public sealed class CustomerImport(DiligenceDbContext db, TimeProvider time) : ImportKind
{
    private static readonly ImportColumn[] ColumnList =
    [
        new(Texts.Customers.ColumnLicence), new(Texts.Customers.ColumnName), new(Texts.Customers.ColumnAddress), new(Texts.Customers.ColumnDistrict),
        new(Texts.Customers.ColumnTier), new(Texts.Imports.ColumnManager), new(Texts.Customers.ColumnVisits),
    ];

    private const int Licence = 0, Name = 1, Address = 2, District = 3, Tier = 4, Manager = 5, Visits = 6;

    public override Text Word => Texts.Customers.Word;

    public override Text TemplateCommand => Texts.Customers.TemplateCommand;

    public override Text TemplateFileName => Texts.Customers.TemplateFileName;

    public override Text TemplateOffer => Texts.Customers.TemplateOffer;

    public override IReadOnlyList<ImportColumn> Columns => ColumnList;

    public override IReadOnlyList<object?> ExampleRow(Language language) =>
        ["110105100123", language == Language.ZhCn ? "华美便利店" : "Huamei Store", language == Language.ZhCn ? "朝阳区建国路88号" : "88 Jianguo Road", language == Language.ZhCn ? "朝阳区" : "Chaoyang", "A", "name@example.com", 4];

    public override async Task<ImportOutcome> ImportAsync(ImportRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        var people = await ImportPeople.LoadAsync(db, request.Importer, cancellationToken);
        var check = new ImportRows(request, ColumnList);
        var rows = new List<Customer>(request.Sheet.Rows.Count);
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in check.Each())
        {
            // Full-width letters and digits (１１０１０５…) are the same licence number as their ASCII forms.
            var licence = row.Text(Licence, CustomerLimits.LicenceNumber) is { } typedLicence ? UserText.Narrow(typedLicence) : null;
            if (licence is not null && !licence.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '/'))
            {
                row.Problem(Licence, Texts.Customers.ProblemLicence.In(language));
            }
            else if (licence is not null && !seen.TryAdd(licence, row.Number))
            {
                row.Problem(Licence, Texts.Customers.ProblemDuplicate.Format(language, licence, seen[licence]));
            }

            var name = row.Text(Name, CustomerLimits.Name);
            var address = row.Text(Address, CustomerLimits.Address);
            var district = row.Text(District, CustomerLimits.District);
            var tier = row.Text(Tier, CustomerLimits.Tier);
            var manager = row.Manager(Manager, people);
            var visits = row.Whole(Visits, 0, CustomerLimits.MaxVisitsPerMonth, Texts.Customers.ProblemVisits.Format(language, CustomerLimits.MaxVisitsPerMonth));
            if (row.IsClean)
            {
                rows.Add(new Customer
                {
                    TenantId = request.Importer.TenantId, LicenceNumber = licence!, Name = name!, Address = address!, District = district!, Tier = tier!,
                    ManagerId = manager!.Id, VisitsPerMonth = visits!.Value,
                });
            }
        }

        if (check.Problems.Count > 0)
        {
            return ImportOutcome.Failed(check.Problems);
        }

        var (added, updated, moved) = await StoreAsync(request.Importer, rows, request.SourceActivityId, cancellationToken);
        return new ImportOutcome(Texts.Customers.ImportDone.Format(language, rows.Count, request.FileName, added, updated, moved), []);
    }

    /// <summary>
    /// Stores the checked rows in one transaction (<see cref="ImportStore"/>): new licence numbers inserted in bulk,
    /// customers whose row differs updated in chunks, the rest left as they are; every move to another manager recorded.
    /// </summary>
    private async Task<(int Added, int Updated, int Moved)> StoreAsync(Person importer, List<Customer> rows, string? sourceActivityId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var tenantId = importer.TenantId;
        return await ImportStore.InOneTransactionAsync(db, async () =>
        {
            var existing = await db.Customers.AsNoTracking().Where(c => c.TenantId == tenantId)
                .ToDictionaryAsync(c => c.LicenceNumber, StringComparer.OrdinalIgnoreCase, cancellationToken);
            var added = new List<Customer>();
            var changed = new List<(Customer Stored, Customer Row)>();
            var moves = new List<CustomerManagerChange>();
            var unchanged = 0;
            foreach (var row in rows)
            {
                if (!existing.TryGetValue(row.LicenceNumber, out var stored))
                {
                    row.CreatedAt = now;
                    row.UpdatedAt = now;
                    added.Add(row);
                    existing[row.LicenceNumber] = row;
                    continue;
                }

                if (stored.Name == row.Name && stored.Address == row.Address && stored.District == row.District && stored.Tier == row.Tier
                    && stored.ManagerId == row.ManagerId && stored.VisitsPerMonth == row.VisitsPerMonth)
                {
                    unchanged++;
                    continue;
                }

                if (stored.ManagerId != row.ManagerId)
                {
                    moves.Add(new CustomerManagerChange
                    {
                        TenantId = tenantId, CustomerId = stored.Id, FromManagerId = stored.ManagerId, ToManagerId = row.ManagerId, At = now, ByPersonId = importer.Id,
                    });
                }

                changed.Add((stored, row));
            }

            await ImportStore.WriteAsync(db, added, changed, (stored, row) =>
            {
                stored.Name = row.Name;
                stored.Address = row.Address;
                stored.District = row.District;
                stored.Tier = row.Tier;
                stored.ManagerId = row.ManagerId;
                stored.VisitsPerMonth = row.VisitsPerMonth;
                stored.UpdatedAt = now;
            }, cancellationToken);
            await BulkInsert.InsertAsync(db, moves, cancellationToken);
            db.Set<AuditEntry>().Add(new AuditEntry
            {
                TenantId = tenantId, At = now, ActorId = importer.Id, Action = "customers.imported", SubjectType = "CustomerImport",
                SubjectId = $"{rows.Count} rows", SourceVerb = CustomerCards.ImportVerb, SourceActivityId = sourceActivityId,
            });
            // Unchanged rows count as updated: the file confirmed them (the user's count of rows adds up).
            return (added.Count, changed.Count + unchanged, moves.Count);
        }, cancellationToken);
    }
}
