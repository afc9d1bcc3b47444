using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiligenceBot.Data.Migrations.SqlServer
{
    /// <summary>
    /// datetimeoffset kept the offset each value was written with (and compared them correctly as instants); now every
    /// value is stored at offset 0 like on the other providers. SWITCHOFFSET keeps the instant. Down keeps the values.
    /// </summary>
    public partial class InstantsInUtc : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var (table, columns) in InstantColumns.AtInstantsInUtc)
            {
                foreach (var column in columns)
                {
                    migrationBuilder.Sql($"UPDATE [{table}] SET [{column}] = SWITCHOFFSET([{column}], '+00:00') WHERE DATEPART(TZOFFSET, [{column}]) <> 0;");
                }
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
