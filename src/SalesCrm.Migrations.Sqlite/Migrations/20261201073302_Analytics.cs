using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesCrm.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Analytics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "lead_responses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LeadId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    WaitingSince = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RespondedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ResponderId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Seconds = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lead_responses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_lead_responses_leads_LeadId",
                        column: x => x.LeadId,
                        principalTable: "leads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "lead_stage_history",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LeadId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PipelineId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromStageId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ToStageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromStatus = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    ToStatus = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    LostReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ActorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ValueCents = table.Column<long>(type: "INTEGER", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    SecondsInFromStage = table.Column<long>(type: "INTEGER", nullable: true),
                    Origin = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lead_stage_history", x => x.Id);
                    table.ForeignKey(
                        name: "FK_lead_stage_history_leads_LeadId",
                        column: x => x.LeadId,
                        principalTable: "leads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "marketing_spend",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Campaign = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AmountCents = table.Column<long>(type: "INTEGER", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_marketing_spend", x => x.Id);
                    table.ForeignKey(
                        name: "FK_marketing_spend_tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_lead_responses_LeadId_RespondedAt",
                table: "lead_responses",
                columns: new[] { "LeadId", "RespondedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_lead_responses_TenantId",
                table: "lead_responses",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_lead_responses_TenantId_Kind_RespondedAt",
                table: "lead_responses",
                columns: new[] { "TenantId", "Kind", "RespondedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_lead_responses_TenantId_Kind_WaitingSince",
                table: "lead_responses",
                columns: new[] { "TenantId", "Kind", "WaitingSince" });

            migrationBuilder.CreateIndex(
                name: "IX_lead_stage_history_LeadId_At",
                table: "lead_stage_history",
                columns: new[] { "LeadId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_lead_stage_history_TenantId",
                table: "lead_stage_history",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_lead_stage_history_TenantId_At",
                table: "lead_stage_history",
                columns: new[] { "TenantId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_lead_stage_history_TenantId_PipelineId_At",
                table: "lead_stage_history",
                columns: new[] { "TenantId", "PipelineId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_marketing_spend_TenantId",
                table: "marketing_spend",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_marketing_spend_TenantId_Campaign_Month_Currency",
                table: "marketing_spend",
                columns: new[] { "TenantId", "Campaign", "Month", "Currency" },
                unique: true);

            // History and response times rebuilt from what older versions stored (ADR 027).
            migrationBuilder.Sql(SalesCrm.Core.Analytics.AnalyticsBackfill.Sql(postgres: false));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "lead_responses");

            migrationBuilder.DropTable(
                name: "lead_stage_history");

            migrationBuilder.DropTable(
                name: "marketing_spend");
        }
    }
}
