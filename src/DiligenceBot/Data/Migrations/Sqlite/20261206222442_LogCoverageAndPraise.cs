using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiligenceBot.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LogCoverageAndPraise : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "PraisedAt",
                table: "WorkLogs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PraisedById",
                table: "WorkLogs",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LogCovers",
                table: "Teams",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "PreviousWorkingDay");

            migrationBuilder.AddColumn<TimeOnly>(
                name: "LogDueTime",
                table: "Teams",
                type: "TEXT",
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
