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
        // The stored register is read first, so each checked row is compared at once and only the new and the changed
        // ones are kept: a re-import of 100,000 mostly unchanged customers never holds the file and the register whole.
        var register = await StoredRegister.ReadAsync(db, request.Importer.TenantId, cancellationToken);
        var check = new ImportRows(request, ColumnList);
        var added = new List<Customer>();
        var changed = new List<(Customer Stored, Customer Row)>();
        var total = 0;
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
            if (!row.IsClean || check.Problems.Count > 0)
            {
                // Once a row has a problem nothing will be stored: the rest are only checked.
                continue;
            }

            total++;
            var customer = new Customer
            {
                TenantId = request.Importer.TenantId, LicenceNumber = licence!, Name = name!, Address = address!, District = district!, Tier = tier!,
                ManagerId = manager!.Id, VisitsPerMonth = visits!.Value,
            };
            if (!register.Customers.TryGetValue(customer.LicenceNumber, out var stored))
            {
                added.Add(customer);
            }
            else if (!Same(stored, customer))
            {
                changed.Add((stored, customer));
            }
        }

        if (check.Problems.Count > 0)
        {
            return ImportOutcome.Failed(check.Problems);
        }

        if (await StoreAsync(request.Importer, register, added, changed, total, request.SourceActivityId, cancellationToken) is not { } done)
        {
            return ImportOutcome.Refused(Texts.Customers.RegisterChanged.In(language));
        }

        // Unchanged rows count as updated: the file confirmed them (the user's count of rows adds up).
        return new ImportOutcome(Texts.Customers.ImportDone.Format(language, total, request.FileName, added.Count, total - added.Count, done.Moved), []);
    }

    private static bool Same(Customer stored, Customer row) =>
        stored.Name == row.Name && stored.Address == row.Address && stored.District == row.District && stored.Tier == row.Tier
        && stored.ManagerId == row.ManagerId && stored.VisitsPerMonth == row.VisitsPerMonth;

    /// <summary>
    /// Stores the new and changed customers in one transaction (<see cref="ImportStore"/>): new licence numbers inserted
    /// in bulk, changed customers updated in chunks; every move to another manager recorded. Null (nothing stored) when
    /// the register changed since it was read for the comparison (another import meanwhile).
    /// </summary>
    private async Task<(int Stored, int Moved)?> StoreAsync(Person importer, StoredRegister register, List<Customer> added, List<(Customer Stored, Customer Row)> changed,
        int total, string? sourceActivityId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var tenantId = importer.TenantId;
        return await ImportStore.InOneTransactionAsync<(int, int)?>(db, async () =>
        {
            if (!await register.IsCurrentAsync(db, cancellationToken))
            {
                return null;
            }

            foreach (var customer in added)
            {
                customer.CreatedAt = now;
                customer.UpdatedAt = now;
            }

            var moves = changed.Where(c => c.Stored.ManagerId != c.Row.ManagerId).Select(c => new CustomerManagerChange
            {
                TenantId = tenantId, CustomerId = c.Stored.Id, FromManagerId = c.Stored.ManagerId, ToManagerId = c.Row.ManagerId, At = now, ByPersonId = importer.Id,
            }).ToList();
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
                SubjectId = $"{total} rows", SourceVerb = CustomerCards.ImportVerb, SourceActivityId = sourceActivityId,
            });
            return (added.Count + changed.Count, moves.Count);
        }, cancellationToken);
    }

    /// <summary>
    /// A tenant's stored customers by licence number (any case), read untracked with the strings that repeat (tenant,
    /// district, tier, manager) shared, and what the register looked like when read (how many, the latest change), so
    /// the import can tell inside its transaction whether another changed it meanwhile.
    /// </summary>
    private sealed class StoredRegister
    {
        private string _tenantId = string.Empty;
        private (int Count, DateTimeOffset? Latest) _version;

        public Dictionary<string, Customer> Customers { get; } = new(StringComparer.OrdinalIgnoreCase);

        public static async Task<StoredRegister> ReadAsync(DiligenceDbContext db, string tenantId, CancellationToken cancellationToken)
        {
            var register = new StoredRegister { _tenantId = tenantId };
            var pool = new StringPool();
            DateTimeOffset? latest = null;
            await foreach (var customer in db.Customers.AsNoTracking().Where(c => c.TenantId == tenantId).AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                customer.TenantId = tenantId;
                customer.District = pool.Share(customer.District)!;
                customer.Tier = pool.Share(customer.Tier)!;
                customer.ManagerId = pool.Share(customer.ManagerId)!;
                register.Customers[customer.LicenceNumber] = customer;
                latest = latest is null || customer.UpdatedAt > latest ? customer.UpdatedAt : latest;
            }

            register._version = (register.Customers.Count, latest);
            return register;
        }

        public async Task<bool> IsCurrentAsync(DiligenceDbContext db, CancellationToken cancellationToken)
        {
            var tenantId = _tenantId;
            var count = await db.Customers.CountAsync(c => c.TenantId == tenantId, cancellationToken);
            if (count != _version.Count)
            {
                return false;
            }

            // DateTimeOffset has no MAX in SQLite: the latest change is read as the newest row.
            var latest = count == 0 ? null : await db.Customers.Where(c => c.TenantId == tenantId).OrderByDescending(c => c.UpdatedAt)
                .Select(c => (DateTimeOffset?)c.UpdatedAt).FirstAsync(cancellationToken);
            return latest == _version.Latest;
        }
    }
}
