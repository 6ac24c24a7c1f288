using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesCrm.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Copilot : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "copilot_cache",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Intent = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StageId = table.Column<Guid>(type: "TEXT", nullable: true),
                    NormalizedContext = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Provider = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Suggestions = table.Column<string>(type: "TEXT", nullable: false),
                    ChunkIds = table.Column<string>(type: "TEXT", nullable: false),
                    Hits = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_copilot_cache", x => x.Id);
                    table.ForeignKey(
                        name: "FK_copilot_cache_tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "copilot_sessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    LeadId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Intent = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Context = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Provider = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    LatencyMs = table.Column<int>(type: "INTEGER", nullable: false),
                    ChunkIds = table.Column<string>(type: "TEXT", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_copilot_sessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_copilot_sessions_tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "copilot_static_suggestions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Intent = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_copilot_static_suggestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_copilot_static_suggestions_tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "copilot_suggestions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Origin = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Sources = table.Column<string>(type: "TEXT", nullable: false),
                    Rating = table.Column<bool>(type: "INTEGER", nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RatedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    RatedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_copilot_suggestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_copilot_suggestions_copilot_sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "copilot_sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_copilot_cache_ExpiresAt",
                table: "copilot_cache",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_copilot_cache_TenantId",
                table: "copilot_cache",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_copilot_cache_TenantId_Key",
                table: "copilot_cache",
                columns: new[] { "TenantId", "Key" });

            migrationBuilder.CreateIndex(
                name: "IX_copilot_sessions_TenantId",
                table: "copilot_sessions",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_copilot_sessions_TenantId_CreatedAt",
                table: "copilot_sessions",
                columns: new[] { "TenantId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_copilot_sessions_TenantId_UserId_CreatedAt",
                table: "copilot_sessions",
                columns: new[] { "TenantId", "UserId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_copilot_static_suggestions_TenantId",
                table: "copilot_static_suggestions",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_copilot_static_suggestions_TenantId_Intent_Position",
                table: "copilot_static_suggestions",
                columns: new[] { "TenantId", "Intent", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_copilot_suggestions_SessionId",
                table: "copilot_suggestions",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_copilot_suggestions_TenantId",
                table: "copilot_suggestions",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_copilot_suggestions_TenantId_CreatedAt",
                table: "copilot_suggestions",
                columns: new[] { "TenantId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_copilot_suggestions_TenantId_SessionId",
                table: "copilot_suggestions",
                columns: new[] { "TenantId", "SessionId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "copilot_cache");

            migrationBuilder.DropTable(
                name: "copilot_static_suggestions");

            migrationBuilder.DropTable(
                name: "copilot_suggestions");

            migrationBuilder.DropTable(
                name: "copilot_sessions");
        }
    }
}
