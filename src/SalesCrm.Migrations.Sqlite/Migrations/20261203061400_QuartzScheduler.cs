using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesCrm.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class QuartzScheduler : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Nothing: on SQLite the app runs one process and Quartz keeps its schedule in memory (ADR 048). The
            // migration exists so both providers carry the same list.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
