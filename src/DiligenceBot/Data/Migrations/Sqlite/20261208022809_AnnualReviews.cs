using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiligenceBot.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AnnualReviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AnnualReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TeamId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ManagerId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    YearlyScore = table.Column<decimal>(type: "TEXT", precision: 6, scale: 1, nullable: true),
                    MonthsScored = table.Column<int>(type: "INTEGER", nullable: false),
                    Evaluation = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    SubmittedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    TeamRank = table.Column<int>(type: "INTEGER", nullable: true),
                    TeamRanked = table.Column<int>(type: "INTEGER", nullable: true),
                    Proposal = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DeciderId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    DecidedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnnualReviews", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AnnualReviews_TenantId_ManagerId_Year",
                table: "AnnualReviews",
                columns: new[] { "TenantId", "ManagerId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AnnualReviews_TenantId_TeamId_Year",
                table: "AnnualReviews",
                columns: new[] { "TenantId", "TeamId", "Year" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AnnualReviews");
        }
    }
}
