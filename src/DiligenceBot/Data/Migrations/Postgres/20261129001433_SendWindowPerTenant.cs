using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiligenceBot.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SendWindowPerTenant : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The rows are only the tenants' last reserved send slots (recreated on the next send); a tenant may have
            // two rows from the race this migration removes, which the new key would refuse.
            migrationBuilder.Sql("DELETE FROM \"SendWindows\";");

            migrationBuilder.DropPrimaryKey(
                name: "PK_SendWindows",
                table: "SendWindows");

            migrationBuilder.DropColumn(
                name: "Count",
                table: "SendWindows");

            migrationBuilder.RenameColumn(
                name: "Second",
                table: "SendWindows",
                newName: "LastSlot");

            migrationBuilder.AddPrimaryKey(
                name: "PK_SendWindows",
                table: "SendWindows",
                column: "Key");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_SendWindows",
                table: "SendWindows");

            migrationBuilder.RenameColumn(
                name: "LastSlot",
                table: "SendWindows",
                newName: "Second");

            migrationBuilder.AddColumn<int>(
                name: "Count",
                table: "SendWindows",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddPrimaryKey(
                name: "PK_SendWindows",
                table: "SendWindows",
                columns: new[] { "Key", "Second" });
        }
    }
}
