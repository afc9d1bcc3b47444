using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiligenceBot.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class PublishedScorecards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PublishedScorecards",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    TeamId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    ManagerId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    PeriodKey = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Total = table.Column<decimal>(type: "decimal(6,1)", precision: 6, scale: 1, nullable: false),
                    State = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    PublishedById = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    RespondBy = table.Column<DateOnly>(type: "date", nullable: false),
                    AcknowledgedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ObjectionReason = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    ObjectedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    DeciderId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    DecidedById = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    DecisionReason = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublishedScorecards", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PublishedScorecardDimensions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ScorecardId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    DimensionId = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    NameEn = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    NameZh = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Order = table.Column<int>(type: "int", nullable: false),
                    Weight = table.Column<decimal>(type: "decimal(6,1)", precision: 6, scale: 1, nullable: false),
                    MaxAdjustment = table.Column<decimal>(type: "decimal(6,1)", precision: 6, scale: 1, nullable: false),
                    Scored = table.Column<decimal>(type: "decimal(6,1)", precision: 6, scale: 1, nullable: false),
                    Adjustment = table.Column<decimal>(type: "decimal(6,1)", precision: 6, scale: 1, nullable: false),
                    AdjustmentReason = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    AmendedPoints = table.Column<decimal>(type: "decimal(6,1)", precision: 6, scale: 1, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublishedScorecardDimensions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PublishedScorecardDimensions_PublishedScorecards_ScorecardId",
                        column: x => x.ScorecardId,
                        principalTable: "PublishedScorecards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PublishedScorecardIndicators",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ScorecardId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    DimensionId = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    IndicatorId = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    NameEn = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    NameZh = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Source = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Order = table.Column<int>(type: "int", nullable: false),
                    MaxPoints = table.Column<decimal>(type: "decimal(6,1)", precision: 6, scale: 1, nullable: false),
                    Value = table.Column<double>(type: "float", nullable: true),
                    Points = table.Column<decimal>(type: "decimal(6,1)", precision: 6, scale: 1, nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublishedScorecardIndicators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PublishedScorecardIndicators_PublishedScorecards_ScorecardId",
                        column: x => x.ScorecardId,
                        principalTable: "PublishedScorecards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PublishedScorecardDimensions_ScorecardId_DimensionId",
                table: "PublishedScorecardDimensions",
                columns: new[] { "ScorecardId", "DimensionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PublishedScorecardIndicators_ScorecardId_IndicatorId",
                table: "PublishedScorecardIndicators",
                columns: new[] { "ScorecardId", "IndicatorId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PublishedScorecards_TenantId_ManagerId_PeriodKey",
                table: "PublishedScorecards",
                columns: new[] { "TenantId", "ManagerId", "PeriodKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PublishedScorecards_TenantId_TeamId_PeriodKey",
                table: "PublishedScorecards",
                columns: new[] { "TenantId", "TeamId", "PeriodKey" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PublishedScorecardDimensions");

            migrationBuilder.DropTable(
                name: "PublishedScorecardIndicators");

            migrationBuilder.DropTable(
                name: "PublishedScorecards");
        }
    }
}
