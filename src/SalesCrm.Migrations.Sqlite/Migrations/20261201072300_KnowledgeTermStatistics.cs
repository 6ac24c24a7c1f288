using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesCrm.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class KnowledgeTermStatistics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "knowledge_terms",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Term = table.Column<string>(type: "TEXT", nullable: false),
                    Chunks = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_knowledge_terms", x => new { x.TenantId, x.Term });
                    table.ForeignKey(
                        name: "FK_knowledge_terms_tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_knowledge_chunks_TenantId_DocumentId_Ordinal",
                table: "knowledge_chunks",
                columns: new[] { "TenantId", "DocumentId", "Ordinal" });

            migrationBuilder.CreateIndex(
                name: "IX_knowledge_chunks_TenantId_Id",
                table: "knowledge_chunks",
                columns: new[] { "TenantId", "Id" });

            // Term statistics (ADR 025), kept by triggers beside the FTS5 ones (ADR 017), so inside the writing transaction.
            // A searchable chunk's distinct analysed terms (heading and body: letters and digits only, so safe to splice into
            // a JSON array) plus "" (the chunk itself) count once each; terms over 64 characters are not counted.
            static string Terms(string row) =>
                $"""(SELECT DISTINCT j."value" FROM json_each('["","' || replace(trim({row}."SearchHeading" || ' ' || {row}."SearchBody"), ' ', '","') || '"]') AS j WHERE length(j."value") <= 64)""";
            static string Add(string row) => $"""
                INSERT INTO "knowledge_terms" ("TenantId", "Term", "Chunks")
                SELECT {row}."TenantId", t."value", 1 FROM {Terms(row)} AS t WHERE {row}."Searchable"
                ON CONFLICT ("TenantId", "Term") DO UPDATE SET "Chunks" = "Chunks" + 1;
                """;
            static string Remove(string row) => $"""
                UPDATE "knowledge_terms" SET "Chunks" = "Chunks" - 1
                WHERE {row}."Searchable" AND "TenantId" = {row}."TenantId" AND "Term" IN {Terms(row)};
                DELETE FROM "knowledge_terms" WHERE {row}."Searchable" AND "TenantId" = {row}."TenantId" AND "Chunks" <= 0 AND "Term" IN {Terms(row)};
                """;
            migrationBuilder.Sql("""
                INSERT INTO "knowledge_terms" ("TenantId", "Term", "Chunks")
                SELECT c."TenantId", j."value", count(DISTINCT c."Id")
                FROM "knowledge_chunks" AS c CROSS JOIN json_each('["","' || replace(trim(c."SearchHeading" || ' ' || c."SearchBody"), ' ', '","') || '"]') AS j
                WHERE c."Searchable" AND length(j."value") <= 64 GROUP BY c."TenantId", j."value";
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "knowledge_chunks_terms_insert" AFTER INSERT ON "knowledge_chunks" WHEN new."Searchable" BEGIN
                {Add("new")}
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "knowledge_chunks_terms_update" AFTER UPDATE OF "SearchHeading", "SearchBody", "Searchable" ON "knowledge_chunks"
                WHEN (old."Searchable" OR new."Searchable")
                    AND (old."Searchable" IS NOT new."Searchable" OR old."SearchHeading" IS NOT new."SearchHeading" OR old."SearchBody" IS NOT new."SearchBody") BEGIN
                {Remove("old")}
                {Add("new")}
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "knowledge_chunks_terms_delete" AFTER DELETE ON "knowledge_chunks" WHEN old."Searchable" BEGIN
                {Remove("old")}
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "knowledge_chunks_terms_delete";""");
            migrationBuilder.Sql("""DROP TRIGGER "knowledge_chunks_terms_update";""");
            migrationBuilder.Sql("""DROP TRIGGER "knowledge_chunks_terms_insert";""");

            migrationBuilder.DropTable(
                name: "knowledge_terms");

            migrationBuilder.DropIndex(
                name: "IX_knowledge_chunks_TenantId_DocumentId_Ordinal",
                table: "knowledge_chunks");

            migrationBuilder.DropIndex(
                name: "IX_knowledge_chunks_TenantId_Id",
                table: "knowledge_chunks");
        }
    }
}
