using DiligenceBot.Data;
using DiligenceBot.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiligenceBot.Customers;

/// <summary>
/// A retail customer (a tobacco retailer) an account manager serves, known by its licence number, which is unique
/// within a tenant. Imported from a file by an admin or a lead; a re-import updates it by licence number.
/// </summary>
public sealed class Customer
{
    public long Id { get; set; }
    public required string TenantId { get; set; }
    /// <summary>The retail licence number, the key a retailer is known by (unique per tenant).</summary>
    public required string LicenceNumber { get; set; }
    public required string Name { get; set; }
    public required string Address { get; set; }
    public required string District { get; set; }
    /// <summary>The customer's grade as the business writes it (e.g. A, B, 一档).</summary>
    public required string Tier { get; set; }
    /// <summary>The account manager who serves it (directory id).</summary>
    public required string ManagerId { get; set; }
    public Person? Manager { get; set; }
    /// <summary>How many visits the manager owes this customer each month.</summary>
    public int VisitsPerMonth { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A customer's move from one manager to another (or its first assignment), by whom and when.</summary>
public sealed class CustomerManagerChange
{
    public long Id { get; set; }
    public required string TenantId { get; set; }
    public long CustomerId { get; set; }
    /// <summary>The manager before; null when the customer was first registered.</summary>
    public string? FromManagerId { get; set; }
    public required string ToManagerId { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>Who imported the file that moved it.</summary>
    public required string ByPersonId { get; set; }
}

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> b)
    {
        b.ToTable("Customers");
        b.HasKey(c => c.Id);
        b.Property(c => c.TenantId).HasMaxLength(64);
        b.Property(c => c.LicenceNumber).HasMaxLength(CustomerLimits.LicenceNumber);
        b.Property(c => c.Name).HasMaxLength(CustomerLimits.Name);
        b.Property(c => c.Address).HasMaxLength(CustomerLimits.Address);
        b.Property(c => c.District).HasMaxLength(CustomerLimits.District);
        b.Property(c => c.Tier).HasMaxLength(CustomerLimits.Tier);
        b.Property(c => c.ManagerId).HasMaxLength(64);
        b.HasIndex(c => new { c.TenantId, c.LicenceNumber }).IsUnique();
        b.HasIndex(c => new { c.TenantId, c.ManagerId });
        b.HasOne(c => c.Manager).WithMany().HasForeignKey(c => c.ManagerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CustomerManagerChangeConfiguration : IEntityTypeConfiguration<CustomerManagerChange>
{
    public void Configure(EntityTypeBuilder<CustomerManagerChange> b)
    {
        b.ToTable("CustomerManagerChanges");
        b.HasKey(c => c.Id);
        b.Property(c => c.TenantId).HasMaxLength(64);
        b.Property(c => c.FromManagerId).HasMaxLength(64);
        b.Property(c => c.ToManagerId).HasMaxLength(64);
        b.Property(c => c.ByPersonId).HasMaxLength(64);
        b.HasIndex(c => c.CustomerId);
        b.HasOne<Customer>().WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>The longest values a customer's fields hold (the columns' sizes, and what an import accepts).</summary>
public static class CustomerLimits
{
    public const int LicenceNumber = 32;
    public const int Name = 200;
    public const int Address = 300;
    public const int District = 100;
    public const int Tier = 32;
    public const int MaxVisitsPerMonth = 31;
}

/// <summary>Reads of the customer register that several features share.</summary>
public static class CustomerRegister
{
    /// <summary>
    /// The customers of these managers, and those with these ids (planned or picked, perhaps since moved to another
    /// manager), of one tenant: two indexed reads. One query with "manager in … or id in …" makes SQLite scan every
    /// customer of the tenant (200,000 rows for one manager's month-end report in bench/records).
    /// </summary>
    public static async Task<List<Customer>> OfManagersAndIdsAsync(DiligenceDbContext db, string tenantId, IReadOnlyCollection<string> managers,
        IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        var managerIds = managers.ToList();
        var customers = await db.Customers.AsNoTracking().Where(c => c.TenantId == tenantId && managerIds.Contains(c.ManagerId)).ToListAsync(cancellationToken);
        var others = ids.Except(customers.Select(c => c.Id)).ToList();
        if (others.Count > 0)
        {
            customers.AddRange(await db.Customers.AsNoTracking().Where(c => c.TenantId == tenantId && others.Contains(c.Id)).ToListAsync(cancellationToken));
        }

        return customers;
    }
}
