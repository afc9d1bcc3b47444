using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiligenceBot.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Records : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Records",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    TeamId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    ManagerId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    KindId = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    PeriodKey = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    CustomerIds = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    CurrentRevision = table.Column<int>(type: "int", nullable: false),
                    FirstFiledAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    LastFiledAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    VerifiedById = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    VerifiedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Records", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RecordFiles",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TenantId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    OwnerId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    RecordId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    FileName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    FileType = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    StorageKey = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecordFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RecordFiles_Records_RecordId",
                        column: x => x.RecordId,
                        principalTable: "Records",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RecordReviews",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RecordId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RevisionNumber = table.Column<int>(type: "int", nullable: false),
                    ReviewerId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Decision = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Evaluation = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    Requirement = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    Suggestion = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    QualityRating = table.Column<int>(type: "int", nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecordReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RecordReviews_Records_RecordId",
                        column: x => x.RecordId,
                        principalTable: "Records",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RecordFiles_RecordId",
                table: "RecordFiles",
                column: "RecordId");

            migrationBuilder.CreateIndex(
                name: "IX_RecordFiles_StorageKey",
                table: "RecordFiles",
                column: "StorageKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RecordFiles_TenantId_OwnerId_RecordId",
                table: "RecordFiles",
                columns: new[] { "TenantId", "OwnerId", "RecordId" });

            migrationBuilder.CreateIndex(
                name: "IX_RecordReviews_RecordId_RevisionNumber",
                table: "RecordReviews",
                columns: new[] { "RecordId", "RevisionNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Records_TenantId_ManagerId_KindId_PeriodKey",
                table: "Records",
                columns: new[] { "TenantId", "ManagerId", "KindId", "PeriodKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Records_TenantId_TeamId_PeriodKey",
                table: "Records",
                columns: new[] { "TenantId", "TeamId", "PeriodKey" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RecordFiles");

            migrationBuilder.DropTable(
                name: "RecordReviews");

            migrationBuilder.DropTable(
                name: "Records");
        }
    }
}
