using System.Security.Cryptography;
using System.Text;
using DiligenceBot.DirectorySync;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiligenceBot.Data;

/// <summary>
/// The one row saying which seeds the database holds: the SHA-256 of every input of
/// <see cref="DataExtensions.ApplySeedsAsync"/> (<see cref="SeedInputs"/>) when they were last applied. Start-up skips
/// the seed pass when it equals the current inputs' hash; it is written in the same transaction as the seeds' changes.
/// </summary>
public sealed class SeedState
{
    /// <summary>Always <see cref="RowId"/>: one row.</summary>
    public int Id { get; set; } = RowId;
    /// <summary>Lower-case hex SHA-256 of the seed inputs.</summary>
    public required string Hash { get; set; }
    public DateTimeOffset AppliedAt { get; set; }

    public const int RowId = 1;
}

internal sealed class SeedStateConfiguration : IEntityTypeConfiguration<SeedState>
{
    public void Configure(EntityTypeBuilder<SeedState> b)
    {
        b.ToTable("SeedState");
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.Hash).HasMaxLength(64);
    }
}

/// <summary>What the seed pass reads, and its hash.</summary>
public static class SeedInputs
{
    /// <summary>The seed files <see cref="DataExtensions.ApplySeedsAsync"/> reads (the calendars, coaching files and training topics are read into memory by their features, not applied to the database).</summary>
    public static readonly IReadOnlyList<string> Files = [LogTemplateSeed.FileName, DirectorySeed.FileName, Transfers.TransferSeed.FileName];

    /// <summary>
    /// SHA-256 over the seed files' names and contents (a missing file counts as missing), the directory options that
    /// change what is applied (whether Graph owns a tenant, and which; the settings of a team the directory forms) and
    /// the build of the app (a new release may apply the same files differently, so its first start applies them).
    /// </summary>
    public static string Hash(string seedFolder, DirectoryOptions directory)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            hash.AppendData(BitConverter.GetBytes(bytes.Length));
            hash.AppendData(bytes);
        }

        foreach (var name in Files)
        {
            Add(name);
            var path = Path.Combine(seedFolder, name);
            if (File.Exists(path))
            {
                var content = File.ReadAllBytes(path);
                hash.AppendData(BitConverter.GetBytes(content.Length));
                hash.AppendData(content);
            }
            else
            {
                Add("(missing)");
            }
        }

        Add(directory.UsesGraph ? "graph:" + directory.TenantId?.ToLowerInvariant() : "seeds");
        Add(string.Join('|', directory.NewTeamMeetingTime.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), directory.NewTeamTimeZone,
            directory.NewTeamLogTemplateId, directory.NewTeamHolidayCalendarId));
        Add(typeof(SeedInputs).Assembly.ManifestModule.ModuleVersionId.ToString("N"));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>True when the database's seeds were applied from exactly these inputs.</summary>
    public static async Task<bool> AreAppliedAsync(DiligenceDbContext db, string hash, CancellationToken cancellationToken) =>
        await db.SeedStates.AsNoTracking().AnyAsync(s => s.Id == SeedState.RowId && s.Hash == hash, cancellationToken);

    /// <summary>Records <paramref name="hash"/> as applied (saved with the caller's next save, in its transaction).</summary>
    public static async Task RecordAsync(DiligenceDbContext db, string hash, TimeProvider time, CancellationToken cancellationToken)
    {
        var state = await db.SeedStates.FindAsync([SeedState.RowId], cancellationToken);
        if (state is null)
        {
            db.SeedStates.Add(new SeedState { Hash = hash, AppliedAt = time.GetUtcNow() });
        }
        else
        {
            state.Hash = hash;
            state.AppliedAt = time.GetUtcNow();
        }
    }
}
