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

    /// <summary>
    /// How long a dispatcher instance counts as alive after its last heartbeat (renewed every quarter of it): the
    /// messages a dead instance had claimed are taken over this long after it died, by a restart or another instance.
    /// </summary>
    public TimeSpan DispatcherLease { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A proactive send that has no answer after this long counts as failed (and is tried again later).</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// A message that keeps failing (5xx, timeouts) is tried again with growing delays (1 s doubling, at most 5 min)
    /// for this long after it was queued, then marked failed (logged as an error and counted).
    /// </summary>
    public TimeSpan SendRetryLimit { get; set; } = TimeSpan.FromDays(1);
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

        if (o.DispatcherLease < TimeSpan.FromSeconds(2) || o.DispatcherLease > TimeSpan.FromMinutes(10))
        {
            failures.Add("Scheduling:DispatcherLease must be between 00:00:02 and 00:10:00.");
        }

        if (o.SendTimeout < TimeSpan.FromSeconds(1) || o.SendTimeout > TimeSpan.FromMinutes(2))
        {
            failures.Add("Scheduling:SendTimeout must be between 00:00:01 and 00:02:00.");
        }

        if (o.SendRetryLimit < TimeSpan.FromMinutes(1) || o.SendRetryLimit > TimeSpan.FromDays(30))
        {
            failures.Add("Scheduling:SendRetryLimit must be between 00:01:00 and 30.00:00:00.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
