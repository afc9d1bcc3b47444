using Microsoft.Extensions.Options;

namespace DiligenceBot.Scheduling;

/// <summary>The schedule (section <c>Scheduling</c>): Hangfire, pacing to Teams' limits, escalation thresholds.</summary>
public sealed class SchedulingOptions
{
    public const string SectionName = "Scheduling";

    /// <summary>Register Hangfire and the team jobs at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Run a Hangfire server (job processing) in this instance; several instances share the work.</summary>
    public bool RunServer { get; set; } = true;

    /// <summary>Database (follows Database:Provider: a SQLite file beside the app's, PostgreSQL or SQL Server) or InMemory.</summary>
    public string Storage { get; set; } = "Database";

    /// <summary>Schema of Hangfire's tables in PostgreSQL / SQL Server.</summary>
    public string SchemaName { get; set; } = "hangfire";

    public int WorkerCount { get; set; } = 4;

    /// <summary>How often Hangfire looks for due scheduled jobs.</summary>
    public TimeSpan PollingInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Teams allows about 50 requests per second per app per tenant, across all instances.</summary>
    public int TenantMessagesPerSecond { get; set; } = 50;

    /// <summary>Role a user needs for the /hangfire dashboard (outside Development, where only local requests get in).</summary>
    public string DashboardRole { get; set; } = "DiligenceBot.Admin";

    /// <summary>Minutes before the meeting the lead gets the digest.</summary>
    public int DigestMinutesBefore { get; set; } = 15;

    /// <summary>Minutes after the meeting a lead with unreviewed logs is reminded.</summary>
    public int ReviewReminderMinutesAfter { get; set; } = 120;

    /// <summary>Consecutive missing working days after which the lead is told.</summary>
    public int MissingDaysToLead { get; set; } = 2;

    /// <summary>Consecutive missing working days after which the lead's own manager is told.</summary>
    public int MissingDaysToLeadsManager { get; set; } = 4;
}

internal sealed class SchedulingOptionsValidator : IValidateOptions<SchedulingOptions>
{
    public ValidateOptionsResult Validate(string? name, SchedulingOptions o)
    {
        var failures = new List<string>();
        if (o.Storage is not ("Database" or "InMemory"))
        {
            failures.Add("Scheduling:Storage must be Database or InMemory.");
        }

        if (o.WorkerCount is < 1 or > 64)
        {
            failures.Add("Scheduling:WorkerCount must be between 1 and 64.");
        }

        if (o.TenantMessagesPerSecond is < 1 or > 1000)
        {
            failures.Add("Scheduling:TenantMessagesPerSecond must be between 1 and 1000.");
        }

        if (o.MissingDaysToLead < 1 || o.MissingDaysToLeadsManager <= o.MissingDaysToLead)
        {
            failures.Add("Scheduling:MissingDaysToLead must be at least 1 and Scheduling:MissingDaysToLeadsManager larger than it.");
        }

        if (o.DigestMinutesBefore is < 0 or > 720 || o.ReviewReminderMinutesAfter is < 0 or > 1440)
        {
            failures.Add("Scheduling:DigestMinutesBefore (0-720) or Scheduling:ReviewReminderMinutesAfter (0-1440) is out of range.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
