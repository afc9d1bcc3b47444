using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DiligenceBot.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Coaching : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CoachingAssessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ManagerId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    SuggestedType = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ChosenType = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    DecidedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SourceActivityId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoachingAssessments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CoachingObservations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ManagerId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ObservedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SourceActivityId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoachingObservations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CoachingPulses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ManagerId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    Confidence = table.Column<int>(type: "integer", nullable: false),
                    Motivation = table.Column<int>(type: "integer", nullable: false),
                    Fairness = table.Column<int>(type: "integer", nullable: false),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoachingPulses", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CoachingSnapshots",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ManagerId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    SuggestedType = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Score = table.Column<double>(type: "double precision", nullable: false),
                    TakenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoachingSnapshots", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CoachingActions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ManagerId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AssessmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    PlaybookActionId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Due = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ClosedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoachingActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CoachingActions_CoachingAssessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "CoachingAssessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CoachingActions_AssessmentId",
                table: "CoachingActions",
                column: "AssessmentId");

            migrationBuilder.CreateIndex(
                name: "IX_CoachingActions_ManagerId_Status",
                table: "CoachingActions",
                columns: new[] { "ManagerId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_CoachingActions_Status_Due",
                table: "CoachingActions",
                columns: new[] { "Status", "Due" });

            migrationBuilder.CreateIndex(
                name: "IX_CoachingAssessments_ManagerId_Number",
                table: "CoachingAssessments",
                columns: new[] { "ManagerId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CoachingObservations_ManagerId_ObservedOn",
                table: "CoachingObservations",
                columns: new[] { "ManagerId", "ObservedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CoachingPulses_ManagerId_Month",
                table: "CoachingPulses",
                columns: new[] { "ManagerId", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CoachingSnapshots_ManagerId_Month",
                table: "CoachingSnapshots",
                columns: new[] { "ManagerId", "Month" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CoachingActions");

            migrationBuilder.DropTable(
                name: "CoachingObservations");

            migrationBuilder.DropTable(
                name: "CoachingPulses");

            migrationBuilder.DropTable(
                name: "CoachingSnapshots");

            migrationBuilder.DropTable(
                name: "CoachingAssessments");
        }
    }
}
