using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiligenceBot.Data.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TeamId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ManagerId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    YearlyScore = table.Column<decimal>(type: "numeric(6,1)", precision: 6, scale: 1, nullable: true),
                    MonthsScored = table.Column<int>(type: "integer", nullable: false),
                    Evaluation = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    SubmittedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    TeamRank = table.Column<int>(type: "integer", nullable: true),
                    TeamRanked = table.Column<int>(type: "integer", nullable: true),
                    Proposal = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    DeciderId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Decision = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    DecisionReason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    DecidedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "uuid", nullable: false)
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
