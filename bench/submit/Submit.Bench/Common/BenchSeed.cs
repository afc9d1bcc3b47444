using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DiligenceBot.Bench;

/// <summary>A generated manager: directory id, Teams user id, Entra object id and personal conversation id.</summary>
public sealed record BenchManager(int Index, string PersonId, string DisplayName, string AadObjectId)
{
    /// <summary>The user's Teams id as the channel sends it (29:...).</summary>
    public string TeamsUserId => "29:1-bench-" + PersonId;

    /// <summary>The id of the user's personal chat with the bot.</summary>
    public string ConversationId => "a:1-personal-bench-" + PersonId;
}

/// <summary>One big team in one tenant, written as a seed folder the bot reads at start-up (Database:SeedPath).</summary>
public sealed class BenchSeed
{
    public const string TenantId = "6d1f0a52-4b8e-4c3a-9f0e-3b2a7c5d9e11";
    public const string TeamId = "bench-team";
    public const string LeadId = "bench-lead";
    public const string TemplateId = "field-sales";

    public static readonly IReadOnlyList<string> EveryDay = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    public required IReadOnlyList<BenchManager> Managers { get; init; }

    public required BenchManager Lead { get; init; }

    /// <summary>Local meeting time, HH:mm, in <see cref="TimeZone"/>.</summary>
    public required string MeetingTime { get; init; }

    public IReadOnlyList<int> ReminderOffsets { get; init; } = [];

    public string TimeZone { get; init; } = "Asia/Shanghai";

    /// <summary>
    /// Managers with ids "{prefix}{n:00000}" for each (prefix, count) group, in that order, each with a unique
    /// Entra object id drawn from a seeded generator (the same ids on every run), plus a lead who is no member.
    /// </summary>
    public static (List<BenchManager> Managers, BenchManager Lead) People(int seed, params (string Prefix, int Count)[] groups)
    {
        var random = new Random(seed);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var bytes = new byte[16];
        string NextGuid()
        {
            while (true)
            {
                random.NextBytes(bytes);
                bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4
                bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
                var text = new Guid(bytes).ToString("D");
                if (used.Add(text))
                {
                    return text;
                }
            }
        }

        var lead = new BenchManager(0, LeadId, "Bench Lead", NextGuid());
        var managers = new List<BenchManager>();
        foreach (var (prefix, count) in groups)
        {
            for (var i = 1; i <= count; i++)
            {
                var id = prefix + i.ToString("00000", CultureInfo.InvariantCulture);
                managers.Add(new BenchManager(managers.Count, id, "Manager " + id, NextGuid()));
            }
        }

        return (managers, lead);
    }

    /// <summary>Writes directory.json and copies log-templates.json and calendars/ from the repository's seeds.</summary>
    public void WriteTo(string folder, string repoSeeds)
    {
        // Every seed file of the app (templates, calendars, record kinds, coaching, whatever is added next), so that a
        // seed the app starts to require never stops a bench's bot; the files of the demo organisation (its directory,
        // its transfer posts naming its people) are left out: the bench's organisation is its own.
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.EnumerateFiles(repoSeeds, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(repoSeeds, file);
            if (relative is "directory.json" or "transfers.json")
            {
                continue;
            }

            var target = Path.Combine(folder, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }

        var people = new JsonArray
        {
            new JsonObject
            {
                ["id"] = Lead.PersonId,
                ["displayName"] = Lead.DisplayName,
                ["aadObjectId"] = Lead.AadObjectId,
                ["email"] = "lead@bench.example",
                ["locale"] = "en-US",
            },
        };
        foreach (var m in Managers)
        {
            people.Add(new JsonObject
            {
                ["id"] = m.PersonId,
                ["displayName"] = m.DisplayName,
                ["aadObjectId"] = m.AadObjectId,
                ["email"] = m.PersonId + "@bench.example",
                ["teamId"] = TeamId,
                ["locale"] = "en-US",
            });
        }

        var directory = new JsonObject
        {
            ["organisations"] = new JsonArray
            {
                new JsonObject
                {
                    ["tenantId"] = TenantId,
                    ["teams"] = new JsonArray
                    {
                        new JsonObject
                        {
                            ["id"] = TeamId,
                            ["nameEn"] = "Benchmark Team",
                            ["nameZh"] = "基准测试组",
                            ["leadId"] = Lead.PersonId,
                            ["meetingTime"] = MeetingTime,
                            ["timeZone"] = TimeZone,
                            ["logTemplateId"] = TemplateId,
                            ["delegateIds"] = new JsonArray(),
                            ["workingDays"] = new JsonArray(EveryDay.Select(d => (JsonNode)JsonValue.Create(d)!).ToArray()),
                            ["holidayCalendarId"] = null,
                            ["reminderOffsets"] = new JsonArray(ReminderOffsets.Select(o => (JsonNode)JsonValue.Create(o)!).ToArray()),
                            // Each day's log is about that day and due at the "meeting" time, so the benches submit and
                            // remind about today's log (the product's default covers the previous working day).
                            ["logCovers"] = "same-day",
                            ["logDueTime"] = MeetingTime,
                        },
                    },
                    ["people"] = people,
                },
            },
        };
        File.WriteAllText(Path.Combine(folder, "directory.json"), directory.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }
}
