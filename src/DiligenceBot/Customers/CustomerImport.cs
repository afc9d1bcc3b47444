using DiligenceBot.Audit;
using DiligenceBot.Data;
using DiligenceBot.Input;
using DiligenceBot.Localization;
using DiligenceBot.Organisation;
using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.Customers;

/// <summary>One thing wrong with an imported file: the row and column as the user sees them, and what to change.</summary>
public sealed record ImportProblem(int Row, string Column, string Problem);

/// <summary>What an import did: counts when stored, or every problem when nothing was stored.</summary>
public sealed record ImportOutcome(int Imported, int Added, int Updated, int Moved, IReadOnlyList<ImportProblem> Problems)
{
    public bool Stored => Problems.Count == 0;
}

/// <summary>
/// The customer import: every cell of every row checked through the shared input rules (<see cref="UserText"/>,
/// <see cref="UserNumber"/>), managers resolved in the importer's tenant (a lead only for the teams they lead),
/// then all rows stored in one transaction, or none when any row has a problem. A re-import updates customers by
/// licence number and records each move to another manager.
/// </summary>
public sealed class CustomerImport(DiligenceDbContext db, TimeProvider time)
{
    public const int MaxRows = 100_000;

    /// <summary>The columns of the file, in the template's order; the header may name them in either language.</summary>
    public static readonly Text[] Columns =
    [
        Texts.Customers.ColumnLicence, Texts.Customers.ColumnName, Texts.Customers.ColumnAddress, Texts.Customers.ColumnDistrict,
        Texts.Customers.ColumnTier, Texts.Customers.ColumnManager, Texts.Customers.ColumnVisits,
    ];

    private const int Licence = 0, Name = 1, Address = 2, District = 3, Tier = 4, Manager = 5, Visits = 6;

    /// <summary>The columns the header lacks (in the user's language), or the index of each column in the file.</summary>
    public static int[]? MapHeader(IReadOnlyList<string?> header, Language language, out IReadOnlyList<string> missing)
    {
        var map = new int[Columns.Length];
        var absent = new List<string>();
        for (var c = 0; c < Columns.Length; c++)
        {
            map[c] = -1;
            for (var i = 0; i < header.Count; i++)
            {
                var name = UserText.Words(header[i]);
                if (name.Equals(Columns[c].EnUs, StringComparison.OrdinalIgnoreCase) || name == Columns[c].ZhCn
                    || name.Equals(ShortName(Columns[c].EnUs), StringComparison.OrdinalIgnoreCase) || name == ShortName(Columns[c].ZhCn))
                {
                    map[c] = i;
                    break;
                }
            }

            if (map[c] < 0)
            {
                absent.Add(Columns[c].In(language));
            }
        }

        missing = absent;
        return absent.Count == 0 ? map : null;
    }

    // "Account manager (email)" is also accepted as "Account manager"; "客户经理（邮箱）" as "客户经理".
    private static string ShortName(string header) => header.Split(['(', '（'])[0].Trim();

    /// <summary>Checks every row and stores them all, or nothing when any row has a problem.</summary>
    public async Task<ImportOutcome> ImportAsync(Person importer, CustomerSheet sheet, int[] map, Language language, string? sourceActivityId, CancellationToken cancellationToken)
    {
        var tenantId = importer.TenantId;
        var people = await db.People.AsNoTracking()
            .Where(p => p.TenantId == tenantId && p.LeftAt == null && p.TeamId != null)
            .Select(p => new { p.Id, p.Email, p.DisplayName, p.TeamId })
            .ToListAsync(cancellationToken);
        var byKey = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in people)
        {
            byKey.TryAdd(p.Id, p.Id);
            if (!string.IsNullOrEmpty(p.Email))
            {
                byKey.TryAdd(p.Email, p.Id);
            }
        }

        var teamOf = people.ToDictionary(p => p.Id, p => p.TeamId!, StringComparer.Ordinal);
        HashSet<string>? ledTeams = null;
        if (!importer.IsAdmin)
        {
            ledTeams = (await db.Teams.AsNoTracking().Where(t => t.TenantId == tenantId && t.LeadId == importer.Id).Select(t => t.Id).ToListAsync(cancellationToken))
                .ToHashSet(StringComparer.Ordinal);
        }

        var problems = new List<ImportProblem>();
        var rows = new List<Customer>(sheet.Rows.Count);
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (row, cells) in sheet.Rows)
        {
            string? Cell(int column) => map[column] < cells.Length ? cells[map[column]] : null;
            string? Field(int column, int maxLength)
            {
                if (sheet.Formulas.Contains((row, map[column])))
                {
                    problems.Add(new(row, Columns[column].In(language), Texts.Customers.ProblemFormula.In(language)));
                    return null;
                }

                var label = Columns[column].In(language);
                var error = UserText.Check(Cell(column), new TextRule(maxLength, Required: true, Multiline: false), label, language, out var clean);
                if (error is not null)
                {
                    problems.Add(new(row, label, error));
                }

                return clean;
            }

            var before = problems.Count;
            // Full-width letters and digits (１１０１０５…) are the same licence number as their ASCII forms.
            var licence = Field(Licence, CustomerLimits.LicenceNumber) is { } typedLicence ? UserText.Narrow(typedLicence) : null;
            if (licence is not null && !licence.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '/'))
            {
                problems.Add(new(row, Columns[Licence].In(language), Texts.Customers.ProblemLicence.In(language)));
            }
            else if (licence is not null && !seen.TryAdd(licence, row))
            {
                problems.Add(new(row, Columns[Licence].In(language), Texts.Customers.ProblemDuplicate.Format(language, licence, seen[licence])));
            }

            var name = Field(Name, CustomerLimits.Name);
            var address = Field(Address, CustomerLimits.Address);
            var district = Field(District, CustomerLimits.District);
            var tier = Field(Tier, CustomerLimits.Tier);
            var managerText = Field(Manager, 256);
            string? managerId = null;
            if (managerText is not null)
            {
                if (!byKey.TryGetValue(managerText, out managerId))
                {
                    problems.Add(new(row, Columns[Manager].In(language), Texts.Customers.ProblemUnknownManager.Format(language, managerText)));
                }
                else if (ledTeams is not null && !ledTeams.Contains(teamOf[managerId]))
                {
                    problems.Add(new(row, Columns[Manager].In(language), Texts.Customers.ProblemNotYourTeam.Format(language, managerText)));
                    managerId = null;
                }
            }

            var visits = 0;
            if (sheet.Formulas.Contains((row, map[Visits])))
            {
                problems.Add(new(row, Columns[Visits].In(language), Texts.Customers.ProblemFormula.In(language)));
            }
            else if (!UserNumber.TryParseWhole(Cell(Visits), 0, CustomerLimits.MaxVisitsPerMonth, out visits))
            {
                problems.Add(new(row, Columns[Visits].In(language), Texts.Customers.ProblemVisits.Format(language, CustomerLimits.MaxVisitsPerMonth)));
            }

            if (problems.Count == before)
            {
                rows.Add(new Customer
                {
                    TenantId = tenantId, LicenceNumber = licence!, Name = name!, Address = address!, District = district!, Tier = tier!,
                    ManagerId = managerId!, VisitsPerMonth = visits,
                });
            }
        }

        if (problems.Count > 0)
        {
            return new ImportOutcome(0, 0, 0, 0, problems);
        }

        return await StoreAsync(importer, rows, sourceActivityId, cancellationToken);
    }

    /// <summary>Rows saved per SaveChanges when customers change on a re-import (keeps the change tracker small).</summary>
    private const int UpdatesPerSave = 1000;

    /// <summary>
    /// Stores the checked rows in one transaction: new licence numbers inserted in bulk (<see cref="BulkInsert"/>),
    /// customers whose row differs updated in chunks, the rest left as they are; every move to another manager recorded.
    /// </summary>
    private async Task<ImportOutcome> StoreAsync(Person importer, List<Customer> rows, string? sourceActivityId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var tenantId = importer.TenantId;
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
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

            foreach (var chunk in changed.Chunk(UpdatesPerSave))
            {
                foreach (var (stored, row) in chunk)
                {
                    db.Customers.Attach(stored);
                    stored.Name = row.Name;
                    stored.Address = row.Address;
                    stored.District = row.District;
                    stored.Tier = row.Tier;
                    stored.ManagerId = row.ManagerId;
                    stored.VisitsPerMonth = row.VisitsPerMonth;
                    stored.UpdatedAt = now;
                }

                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }

            await BulkInsert.InsertAsync(db, added, cancellationToken);
            await BulkInsert.InsertAsync(db, moves, cancellationToken);
            db.Set<AuditEntry>().Add(new AuditEntry
            {
                TenantId = tenantId, At = now, ActorId = importer.Id, Action = "customers.imported", SubjectType = "CustomerImport",
                SubjectId = $"{rows.Count} rows", SourceVerb = CustomerCards.ImportVerb, SourceActivityId = sourceActivityId,
            });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            // Unchanged rows count as updated: the file confirmed them (the user's count of rows adds up).
            return new ImportOutcome(rows.Count, added.Count, changed.Count + unchanged, moves.Count, []);
        });
    }
}
