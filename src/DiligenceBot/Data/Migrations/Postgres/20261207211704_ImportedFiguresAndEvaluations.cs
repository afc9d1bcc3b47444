using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DiligenceBot.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ImportedFiguresAndEvaluations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CustomerEvaluations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CustomerId = table.Column<long>(type: "bigint", nullable: false),
                    ManagerId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    VisitRegularity = table.Column<int>(type: "integer", nullable: false),
                    ServiceAttitude = table.Column<int>(type: "integer", nullable: false),
                    PolicyExplanation = table.Column<int>(type: "integer", nullable: false),
                    ProblemSolving = table.Column<int>(type: "integer", nullable: false),
                    FairnessIntegrity = table.Column<int>(type: "integer", nullable: false),
                    Comment = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ImportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ImportedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerEvaluations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CustomerEvaluations_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CustomerEvaluations_People_ManagerId",
                        column: x => x.ManagerId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ManagerFigures",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ManagerId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    VolumeTargetCases = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    VolumeCases = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    ValueTargetYuan = table.Column<decimal>(type: "numeric(16,2)", precision: 16, scale: 2, nullable: false),
                    ValueYuan = table.Column<decimal>(type: "numeric(16,2)", precision: 16, scale: 2, nullable: false),
                    ForecastCases = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    ImportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ImportedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ManagerFigures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ManagerFigures_People_ManagerId",
                        column: x => x.ManagerId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerEvaluations_CustomerId",
                table: "CustomerEvaluations",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerEvaluations_ManagerId",
                table: "CustomerEvaluations",
                column: "ManagerId");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerEvaluations_TenantId_CustomerId_ManagerId_Month",
                table: "CustomerEvaluations",
                columns: new[] { "TenantId", "CustomerId", "ManagerId", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CustomerEvaluations_TenantId_ManagerId_Month",
                table: "CustomerEvaluations",
                columns: new[] { "TenantId", "ManagerId", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_ManagerFigures_ManagerId",
                table: "ManagerFigures",
                column: "ManagerId");

            migrationBuilder.CreateIndex(
                name: "IX_ManagerFigures_TenantId_ManagerId_Month",
                table: "ManagerFigures",
                columns: new[] { "TenantId", "ManagerId", "Month" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CustomerEvaluations");

            migrationBuilder.DropTable(
                name: "ManagerFigures");
        }
    }
}
