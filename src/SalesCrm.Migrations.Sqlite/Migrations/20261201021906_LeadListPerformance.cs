using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesCrm.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class LeadListPerformance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_leads_TenantId_OwnerId",
                table: "leads");

            migrationBuilder.DropIndex(
                name: "IX_leads_TenantId_Status",
                table: "leads");

            migrationBuilder.CreateIndex(
                name: "IX_leads_TenantId_OwnerId_CreatedAt",
                table: "leads",
                columns: new[] { "TenantId", "OwnerId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_leads_TenantId_Status_OwnerId",
                table: "leads",
                columns: new[] { "TenantId", "Status", "OwnerId" });

            // Text search (q=): a trigram FTS5 index over the folded search text and the phone, kept by triggers (ADR 014).
            // Its rows are keyed by lead_search_keys' INTEGER PRIMARY KEY, not by the leads' implicit rowid, which VACUUM
            // may renumber; the keys carry the workspace, so another workspace's hits are dropped before any lead is read. case_sensitive 1: both sides are folded already, so a hit is exactly a LIKE '%…%' match.
            migrationBuilder.Sql("""
                CREATE TABLE "lead_search_keys" ("Id" INTEGER PRIMARY KEY, "LeadId" TEXT NOT NULL UNIQUE, "TenantId" TEXT NOT NULL);
                """);
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "lead_search_fts" USING fts5("text", "phone", tokenize = 'trigram case_sensitive 1');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "leads_search_insert" AFTER INSERT ON "leads" BEGIN
                    INSERT INTO "lead_search_keys" ("LeadId", "TenantId") VALUES (new."Id", new."TenantId");
                    INSERT INTO "lead_search_fts" (rowid, "text", "phone")
                    VALUES ((SELECT "Id" FROM "lead_search_keys" WHERE "LeadId" = new."Id"), new."SearchText", new."Phone");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "leads_search_update" AFTER UPDATE OF "SearchText", "Phone" ON "leads" BEGIN
                    UPDATE "lead_search_fts" SET "text" = new."SearchText", "phone" = new."Phone"
                    WHERE rowid = (SELECT "Id" FROM "lead_search_keys" WHERE "LeadId" = new."Id");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "leads_search_delete" AFTER DELETE ON "leads" BEGIN
                    DELETE FROM "lead_search_fts" WHERE rowid = (SELECT "Id" FROM "lead_search_keys" WHERE "LeadId" = old."Id");
                    DELETE FROM "lead_search_keys" WHERE "LeadId" = old."Id";
                END;
                """);
            migrationBuilder.Sql("""
                INSERT INTO "lead_search_keys" ("LeadId", "TenantId") SELECT "Id", "TenantId" FROM "leads";
                """);
            migrationBuilder.Sql("""
                INSERT INTO "lead_search_fts" (rowid, "text", "phone")
                SELECT k."Id", l."SearchText", l."Phone" FROM "lead_search_keys" AS k JOIN "leads" AS l ON l."Id" = k."LeadId";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "leads_search_delete";""");
            migrationBuilder.Sql("""DROP TRIGGER "leads_search_update";""");
            migrationBuilder.Sql("""DROP TRIGGER "leads_search_insert";""");
            migrationBuilder.Sql("""DROP TABLE "lead_search_fts";""");
            migrationBuilder.Sql("""DROP TABLE "lead_search_keys";""");

            migrationBuilder.DropIndex(
                name: "IX_leads_TenantId_OwnerId_CreatedAt",
                table: "leads");

            migrationBuilder.DropIndex(
                name: "IX_leads_TenantId_Status_OwnerId",
                table: "leads");

            migrationBuilder.CreateIndex(
                name: "IX_leads_TenantId_OwnerId",
                table: "leads",
                columns: new[] { "TenantId", "OwnerId" });

            migrationBuilder.CreateIndex(
                name: "IX_leads_TenantId_Status",
                table: "leads",
                columns: new[] { "TenantId", "Status" });
        }
    }
}
