using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiligenceBot.Data.Migrations.Postgres
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
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<List<int>>(
                name: "ReminderOffsets",
                table: "Teams",
                type: "integer[]",
                nullable: false,
                // Teams of a database in use get what a new team gets (without a default, the upgrade of any team failed).
                defaultValueSql: "'{60,15}'");

            migrationBuilder.AddColumn<List<int>>(
                name: "WorkingDays",
                table: "Teams",
                type: "integer[]",
                nullable: false,
                defaultValueSql: "'{1,2,3,4,5}'");

            migrationBuilder.CreateTable(
                name: "SendWindows",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Second = table.Column<long>(type: "bigint", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SendWindows", x => new { x.Key, x.Second });
                });

            migrationBuilder.CreateTable(
                name: "TeamScheduleStates",
                columns: table => new
                {
                    TeamId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    LastRunAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
