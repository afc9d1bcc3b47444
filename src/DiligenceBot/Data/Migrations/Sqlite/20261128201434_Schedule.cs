using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiligenceBot.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Schedule : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "HolidayCalendarId",
                table: "Teams",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReminderOffsets",
                table: "Teams",
                type: "TEXT",
                nullable: false,
                // Teams of a database in use get what a new team gets ("[]" left them with no reminders).
                defaultValue: "[60,15]");

            migrationBuilder.AddColumn<string>(
                name: "WorkingDays",
                table: "Teams",
                type: "TEXT",
                nullable: false,
                // ... and Monday to Friday ("[]" left them with no working day).
                defaultValue: "[1,2,3,4,5]");

            migrationBuilder.CreateTable(
                name: "SendWindows",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Second = table.Column<long>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SendWindows", x => new { x.Key, x.Second });
                });

            migrationBuilder.CreateTable(
                name: "TeamScheduleStates",
                columns: table => new
                {
                    TeamId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    LastRunAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TeamScheduleStates", x => x.TeamId);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SendWindows");

            migrationBuilder.DropTable(
                name: "TeamScheduleStates");

            migrationBuilder.DropColumn(
                name: "HolidayCalendarId",
                table: "Teams");

            migrationBuilder.DropColumn(
                name: "ReminderOffsets",
                table: "Teams");

            migrationBuilder.DropColumn(
                name: "WorkingDays",
                table: "Teams");
        }
    }
}
