using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesCrm.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class WorkflowStepKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "WorkflowStepKey",
                table: "interactions",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WorkflowStepKey",
                table: "activities",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_interactions_TenantId_WorkflowStepKey",
                table: "interactions",
                columns: new[] { "TenantId", "WorkflowStepKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_activities_TenantId_WorkflowStepKey",
                table: "activities",
                columns: new[] { "TenantId", "WorkflowStepKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_interactions_TenantId_WorkflowStepKey",
                table: "interactions");

            migrationBuilder.DropIndex(
                name: "IX_activities_TenantId_WorkflowStepKey",
                table: "activities");

            migrationBuilder.DropColumn(
                name: "WorkflowStepKey",
                table: "interactions");

            migrationBuilder.DropColumn(
                name: "WorkflowStepKey",
                table: "activities");
        }
    }
}
