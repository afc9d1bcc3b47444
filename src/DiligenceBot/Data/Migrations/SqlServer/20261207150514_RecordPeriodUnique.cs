using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiligenceBot.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class RecordPeriodUnique : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Records_TenantId_ManagerId_KindId_PeriodKey",
                table: "Records");

            migrationBuilder.CreateIndex(
                name: "IX_Records_TenantId_ManagerId_KindId_PeriodKey",
                table: "Records",
                columns: new[] { "TenantId", "ManagerId", "KindId", "PeriodKey" },
                unique: true,
                filter: "\"PeriodKey\" <> ''");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Records_TenantId_ManagerId_KindId_PeriodKey",
                table: "Records");

            migrationBuilder.CreateIndex(
                name: "IX_Records_TenantId_ManagerId_KindId_PeriodKey",
                table: "Records",
                columns: new[] { "TenantId", "ManagerId", "KindId", "PeriodKey" });
        }
    }
}
