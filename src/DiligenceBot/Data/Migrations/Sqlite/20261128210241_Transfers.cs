using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiligenceBot.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Transfers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TransferCategories",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameZh = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PostId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    SeededJson = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    NormalEscalateAfterHours = table.Column<double>(type: "REAL", nullable: false),
                    NormalHandleWithinHours = table.Column<double>(type: "REAL", nullable: false),
                    NormalRemindAfterHours = table.Column<double>(type: "REAL", nullable: false),
                    UrgentEscalateAfterHours = table.Column<double>(type: "REAL", nullable: false),
                    UrgentHandleWithinHours = table.Column<double>(type: "REAL", nullable: false),
                    UrgentRemindAfterHours = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TransferCategories", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TransferCounters",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    LastNumber = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TransferCounters", x => new { x.TenantId, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "TransferForms",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    DraftId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProviderId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ProviderTeamId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CategoryId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Urgency = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Content = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Request = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Customer = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PostId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReceivedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    HandledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    HandledById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    HandlingOpinion = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Feedback = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    HandlingRating = table.Column<int>(type: "INTEGER", nullable: true),
                    ClosingComment = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ReopenCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ReopenReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ValueRating = table.Column<int>(type: "INTEGER", nullable: true),
                    ValueRatedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ValueRatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AckDueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AckEscalateAt = table.Column<long>(type: "INTEGER", nullable: false),
                    HandleDueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RemindedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AckEscalatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    HandleEscalatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TransferForms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TransferPosts",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameZh = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    LeadId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    MemberIds = table.Column<string>(type: "TEXT", nullable: false),
                    TimeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    WorkStart = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    WorkEnd = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    WorkingDays = table.Column<string>(type: "TEXT", nullable: false),
                    HolidayCalendarId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    SeededJson = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TransferPosts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TransferSettings",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    NumberPrefix = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    TimeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FallbackPostId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SeededJson = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TransferSettings", x => x.TenantId);
                });

            migrationBuilder.CreateTable(
                name: "TransferSteps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FormId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromRevision = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    FromPostId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ToPostId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Rating = table.Column<int>(type: "INTEGER", nullable: true),
                    SourceActivityId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TransferSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TransferSteps_TransferForms_FormId",
                        column: x => x.FormId,
                        principalTable: "TransferForms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TransferCategories_TenantId",
                table: "TransferCategories",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_TransferForms_PostId_State",
                table: "TransferForms",
                columns: new[] { "PostId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_TransferForms_ProviderId_SentAt",
                table: "TransferForms",
                columns: new[] { "ProviderId", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_TransferForms_ProviderTeamId_SentAt",
                table: "TransferForms",
                columns: new[] { "ProviderTeamId", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_TransferForms_State_AckDueAt",
                table: "TransferForms",
                columns: new[] { "State", "AckDueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_TransferForms_State_AckEscalateAt",
                table: "TransferForms",
                columns: new[] { "State", "AckEscalateAt" });

            migrationBuilder.CreateIndex(
                name: "IX_TransferForms_State_HandleDueAt",
                table: "TransferForms",
                columns: new[] { "State", "HandleDueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_TransferForms_TenantId_DraftId",
                table: "TransferForms",
                columns: new[] { "TenantId", "DraftId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TransferForms_TenantId_Number",
                table: "TransferForms",
                columns: new[] { "TenantId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TransferForms_TenantId_Year_Sequence",
                table: "TransferForms",
                columns: new[] { "TenantId", "Year", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TransferPosts_TenantId",
                table: "TransferPosts",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_TransferSteps_FormId_FromRevision",
                table: "TransferSteps",
                columns: new[] { "FormId", "FromRevision" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TransferCategories");

            migrationBuilder.DropTable(
                name: "TransferCounters");

            migrationBuilder.DropTable(
                name: "TransferPosts");

            migrationBuilder.DropTable(
                name: "TransferSettings");

            migrationBuilder.DropTable(
                name: "TransferSteps");

            migrationBuilder.DropTable(
                name: "TransferForms");
        }
    }
}
