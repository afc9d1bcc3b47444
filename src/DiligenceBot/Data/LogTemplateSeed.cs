using System.Text.Json;
using DiligenceBot.WorkLogs;
using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.Data;

/// <summary>Seeds the log templates from <c>seeds/log-templates.json</c>; idempotent (updates only what changed).</summary>
public static class LogTemplateSeed
{
    public const string FileName = "log-templates.json";

    public static async Task<int> ApplyAsync(DiligenceDbContext db, string seedFolder, TimeProvider time, CancellationToken cancellationToken)
    {
        var path = Path.Combine(seedFolder, FileName);
        if (!File.Exists(path))
        {
            return 0;
        }

        await using var stream = File.OpenRead(path);
        var file = await JsonSerializer.DeserializeAsync(stream, WorkLogJsonContext.Default.LogTemplateSeedFile, cancellationToken)
            ?? throw new InvalidDataException($"{path} is empty.");
        foreach (var seed in file.Templates)
        {
            Check(seed, path);
            var template = await db.LogTemplates.SingleOrDefaultAsync(t => t.Id == seed.Id, cancellationToken);
            if (template is null)
            {
                template = new LogTemplate { Id = seed.Id, NameEn = seed.NameEn, NameZh = seed.NameZh };
                db.LogTemplates.Add(template);
            }

            template.NameEn = seed.NameEn;
            template.NameZh = seed.NameZh;
            var changed = JsonSerializer.Serialize(template.Fields, WorkLogJsonContext.Default.ListLogField)
                != JsonSerializer.Serialize(seed.Fields, WorkLogJsonContext.Default.ListLogField);
            if (changed)
            {
                template.Fields = seed.Fields;
                template.UpdatedAt = time.GetUtcNow();
            }
        }

        return await db.SaveChangesAsync(cancellationToken);
    }

    private static void Check(LogTemplateSeedEntry seed, string path)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in seed.Fields)
        {
            if (!keys.Add(f.Key))
            {
                throw new InvalidDataException($"{path}: template {seed.Id} has the field key '{f.Key}' twice.");
            }

            if (f.Key.EndsWith(Customers.CustomerPicks.UnregisteredSuffix, StringComparison.Ordinal))
            {
                // A customers field keeps its free text under "key.unregistered".
                throw new InvalidDataException($"{path}: field key '{f.Key}' may not end with '{Customers.CustomerPicks.UnregisteredSuffix}'.");
            }

            if (f.Type is not (LogFieldTypes.Text or LogFieldTypes.Number or LogFieldTypes.Choice or LogFieldTypes.Date or LogFieldTypes.Customers))
            {
                throw new InvalidDataException($"{path}: field {f.Key} has unknown type '{f.Type}'.");
            }

            if (f.Type == LogFieldTypes.Choice && f.Choices.Count == 0)
            {
                throw new InvalidDataException($"{path}: choice field {f.Key} has no choices.");
            }
        }
    }
}
