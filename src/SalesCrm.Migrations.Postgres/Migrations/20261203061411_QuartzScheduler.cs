using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesCrm.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class QuartzScheduler : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The clustered Quartz job store's tables (ADR 048); idempotent, like Quartz's own provisioning.
            foreach (var statement in QuartzSchema.Create) migrationBuilder.Sql(statement);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in QuartzSchema.Tables) migrationBuilder.Sql($"DROP TABLE IF EXISTS {table};");
        }
    }
}
