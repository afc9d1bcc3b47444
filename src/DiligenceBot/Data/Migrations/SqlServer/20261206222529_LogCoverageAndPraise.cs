using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiligenceBot.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class LogCoverageAndPraise : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PraisedAt",
                table: "WorkLogs",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PraisedById",
                table: "WorkLogs",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LogCovers",
                table: "Teams",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "PreviousWorkingDay");

            migrationBuilder.AddColumn<TimeOnly>(
                name: "LogDueTime",
                table: "Teams",
                type: "time",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PraisedAt",
                table: "WorkLogs");

            migrationBuilder.DropColumn(
                name: "PraisedById",
                table: "WorkLogs");

            migrationBuilder.DropColumn(
                name: "LogCovers",
                table: "Teams");

            migrationBuilder.DropColumn(
                name: "LogDueTime",
                table: "Teams");
        }
    }
}
