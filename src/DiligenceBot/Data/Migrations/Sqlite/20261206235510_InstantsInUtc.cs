using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiligenceBot.Data.Migrations.Sqlite
{
    /// <summary>
    /// Rewrites every instant stored at a non-zero offset to offset 0. The column holds EF Core's binary layout (clock
    /// ticks / 1000 shifted left 11 bits, the offset in minutes in the low 11 bits, two's complement); the clock
    /// reading of an offset o is the UTC reading plus o, so the UTC value is (clock - o minutes) with the low bits 0.
    /// Down keeps the values: the old converter reads offset 0 as the same instants.
    /// </summary>
    public partial class InstantsInUtc : Migration
    {
        /// <summary>A minute in the stored unit (1,000 ticks).</summary>
        private const long UnitsPerMinute = TimeSpan.TicksPerMinute / 1000;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var (table, columns) in InstantColumns.AtInstantsInUtc)
            {
                foreach (var column in columns)
                {
                    var offsetMinutes = $"(((\"{column}\" & 2047) + 1024) % 2048 - 1024)";
                    migrationBuilder.Sql(
                        $"UPDATE \"{table}\" SET \"{column}\" = ((\"{column}\" >> 11) - {offsetMinutes} * {UnitsPerMinute}) << 11 WHERE (\"{column}\" & 2047) <> 0;");
                }
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
