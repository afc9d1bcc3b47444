namespace DiligenceBot.Data.Migrations;

/// <summary>
/// Every column holding an instant when the InstantsInUtc migrations were written (the model of that migration; a
/// later column is written in UTC from the start). Frozen with those migrations: do not add to it.
/// </summary>
internal static class InstantColumns
{
    public static readonly (string Table, string[] Columns)[] AtInstantsInUtc =
    [
        ("AuditEntries", ["At"]),
        ("CoachingActions", ["ClosedAt"]),
        ("CoachingAssessments", ["DecidedAt"]),
        ("CoachingObservations", ["RecordedAt"]),
        ("CoachingPulses", ["AnsweredAt"]),
        ("CoachingSnapshots", ["TakenAt"]),
        ("DispatcherLeases", ["StartedAt", "LeaseUntil"]),
        ("ConversationRecords", ["CreatedAt", "UpdatedAt", "RetiredAt"]),
        ("LogTemplates", ["UpdatedAt"]),
        ("Notifications", ["CreatedAt", "NextAttemptAt", "ClaimedUntil", "SentAt"]),
        ("TeamScheduleStates", ["LastRunAt"]),
        ("TransferForms", ["SentAt", "ReceivedAt", "HandledAt", "ClosedAt", "ValueRatedAt", "AckDueAt", "AckEscalateAt", "HandleDueAt", "RemindedAt", "AckEscalatedAt", "HandleEscalatedAt"]),
        ("TransferSteps", ["At"]),
        ("WorkLogReviews", ["DecidedAt"]),
        ("WorkLogRevisions", ["SubmittedAt"]),
        ("WorkLogs", ["FirstSubmittedAt", "LastSubmittedAt", "ReviewedAt", "PraisedAt"]),
    ];
}
