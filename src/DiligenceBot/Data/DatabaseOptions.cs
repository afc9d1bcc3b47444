using Microsoft.Extensions.Options;

namespace DiligenceBot.Data;

/// <summary>Which database the product uses (section <c>Database</c>).</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>Sqlite (default, a file), PostgreSql or SqlServer.</summary>
    public string Provider { get; set; } = DatabaseProviders.Sqlite;

    /// <summary>The connection string; for SQLite the default is a file next to the app.</summary>
    public string ConnectionString { get; set; } = "Data Source=diligencebot.db";

    /// <summary>Apply migrations and the seeds at start-up.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>Folder of the seed files (relative to the app's folder when not rooted).</summary>
    public string SeedPath { get; set; } = "seeds";

    /// <summary>
    /// Write about 60 working days of history for the demo organisation into an empty demo database at start-up
    /// (src/DiligenceBot/Demo). Null (the default): only in Development.
    /// </summary>
    public bool? DemoHistory { get; set; }
}

public static class DatabaseProviders
{
    public const string Sqlite = "Sqlite";
    public const string PostgreSql = "PostgreSql";
    public const string SqlServer = "SqlServer";
}

internal sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        if (options.Provider is not (DatabaseProviders.Sqlite or DatabaseProviders.PostgreSql or DatabaseProviders.SqlServer))
        {
            return ValidateOptionsResult.Fail($"Database:Provider must be {DatabaseProviders.Sqlite}, {DatabaseProviders.PostgreSql} or {DatabaseProviders.SqlServer}; it is '{options.Provider}'.");
        }

        return string.IsNullOrWhiteSpace(options.ConnectionString)
            ? ValidateOptionsResult.Fail("Database:ConnectionString is required.")
            : ValidateOptionsResult.Success;
    }
}
