using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiligenceBot.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SkillsAssessments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SkillsAssessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TeamId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ManagerId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    HalfKey = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    RatedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    QuizId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SkillsAssessments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SkillsQuizzes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TeamId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ManagerId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    HalfKey = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    SentById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Correct = table.Column<int>(type: "INTEGER", nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SkillsQuizzes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SkillsAreaResults",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AssessmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NameZh = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IsTopic = table.Column<bool>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Rating = table.Column<int>(type: "INTEGER", nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    QuizAsked = table.Column<int>(type: "INTEGER", nullable: true),
                    QuizCorrect = table.Column<int>(type: "INTEGER", nullable: true),
                    Weak = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SkillsAreaResults", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SkillsAreaResults_SkillsAssessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "SkillsAssessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SkillsQuizQuestions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    QuizId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ManagerId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    QuestionId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TopicId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Chosen = table.Column<int>(type: "INTEGER", nullable: true),
                    Right = table.Column<bool>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SkillsQuizQuestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SkillsQuizQuestions_SkillsQuizzes_QuizId",
                        column: x => x.QuizId,
                        principalTable: "SkillsQuizzes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SkillsAreaResults_AssessmentId_AreaId",
                table: "SkillsAreaResults",
                columns: new[] { "AssessmentId", "AreaId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SkillsAssessments_TenantId_ManagerId_HalfKey",
                table: "SkillsAssessments",
                columns: new[] { "TenantId", "ManagerId", "HalfKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SkillsAssessments_TenantId_ManagerId_Year",
                table: "SkillsAssessments",
                columns: new[] { "TenantId", "ManagerId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_SkillsAssessments_TenantId_TeamId_HalfKey",
                table: "SkillsAssessments",
                columns: new[] { "TenantId", "TeamId", "HalfKey" });

            migrationBuilder.CreateIndex(
                name: "IX_SkillsQuizQuestions_QuizId",
                table: "SkillsQuizQuestions",
                column: "QuizId");

            migrationBuilder.CreateIndex(
                name: "IX_SkillsQuizQuestions_TenantId_ManagerId_Year_QuestionId",
                table: "SkillsQuizQuestions",
                columns: new[] { "TenantId", "ManagerId", "Year", "QuestionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SkillsQuizzes_TenantId_ManagerId_HalfKey",
                table: "SkillsQuizzes",
                columns: new[] { "TenantId", "ManagerId", "HalfKey" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SkillsAreaResults");

            migrationBuilder.DropTable(
                name: "SkillsQuizQuestions");

            migrationBuilder.DropTable(
                name: "SkillsAssessments");

            migrationBuilder.DropTable(
                name: "SkillsQuizzes");
        }
    }
}
