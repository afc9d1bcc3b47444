using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DiligenceBot.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MarketingPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "PlanDueDay",
                table: "Teams",
                type: "integer",
                nullable: false,
                defaultValue: 25);

            migrationBuilder.CreateTable(
                name: "MarketingPlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TeamId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ManagerId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CurrentRevision = table.Column<int>(type: "integer", nullable: false),
                    OnTime = table.Column<bool>(type: "boolean", nullable: false),
                    FirstSubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastSubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReviewedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ReviewedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    QualityRating = table.Column<int>(type: "integer", nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MarketingPlans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MarketingPlanReviews",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    RevisionNumber = table.Column<int>(type: "integer", nullable: false),
                    ReviewerId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Decision = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Evaluation = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Requirement = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Suggestion = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    QualityRating = table.Column<int>(type: "integer", nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MarketingPlanReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MarketingPlanReviews_MarketingPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "MarketingPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MarketingPlanRevisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    VolumeCases = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: true),
                    ValueYuan = table.Column<decimal>(type: "numeric(16,2)", precision: 16, scale: 2, nullable: true),
                    KeyBrands = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Measures = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Visits = table.Column<string>(type: "text", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SourceActivityId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MarketingPlanRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MarketingPlanRevisions_MarketingPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "MarketingPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MarketingPlanReviews_PlanId_RevisionNumber",
                table: "MarketingPlanReviews",
                columns: new[] { "PlanId", "RevisionNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MarketingPlanRevisions_PlanId_Number",
                table: "MarketingPlanRevisions",
                columns: new[] { "PlanId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MarketingPlans_ManagerId_Month",
                table: "MarketingPlans",
                columns: new[] { "ManagerId", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MarketingPlans_TeamId_Month",
                table: "MarketingPlans",
                columns: new[] { "TeamId", "Month" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MarketingPlanReviews");

            migrationBuilder.DropTable(
                name: "MarketingPlanRevisions");

            migrationBuilder.DropTable(
                name: "MarketingPlans");

            migrationBuilder.DropColumn(
                name: "PlanDueDay",
                table: "Teams");
        }
    }
}
