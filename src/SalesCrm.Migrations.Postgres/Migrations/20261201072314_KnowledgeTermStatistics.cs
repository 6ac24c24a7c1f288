using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesCrm.Migrations.Postgres.Migrations
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
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Term = table.Column<string>(type: "text", nullable: false),
                    Chunks = table.Column<int>(type: "integer", nullable: false)
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

            // Term statistics (ADR 025), kept by a trigger on knowledge_chunks, so inside the writing transaction. A searchable
            // chunk's distinct analysed terms (heading and body) plus "" (the chunk itself) count once each; terms over 64
            // characters are not counted. The workspace's advisory lock orders concurrent writers (every chunk write touches
            // the "" row and common terms; without it two transactions could take those rows in opposite orders).
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION knowledge_terms_of(heading text, body text) RETURNS SETOF text
                LANGUAGE sql IMMUTABLE PARALLEL SAFE
                AS $$ SELECT DISTINCT t FROM unnest(string_to_array(trim(heading || ' ' || body), ' ') || ''::text) AS t WHERE length(t) <= 64 ORDER BY t $$;
                """);
            migrationBuilder.Sql("""
                INSERT INTO knowledge_terms ("TenantId", "Term", "Chunks")
                SELECT c."TenantId", t, count(*) FROM knowledge_chunks AS c CROSS JOIN knowledge_terms_of(c."SearchHeading", c."SearchBody") AS t
                WHERE c."Searchable" GROUP BY c."TenantId", t;
                """);
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION knowledge_chunks_terms() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'UPDATE' AND OLD."Searchable" = NEW."Searchable" AND OLD."SearchHeading" = NEW."SearchHeading" AND OLD."SearchBody" = NEW."SearchBody" THEN
                        RETURN NULL;
                    END IF;
                    IF TG_OP <> 'INSERT' AND OLD."Searchable" THEN
                        PERFORM pg_advisory_xact_lock(hashtextextended('knowledge_terms ' || OLD."TenantId"::text, 0));
                        UPDATE knowledge_terms AS k SET "Chunks" = k."Chunks" - 1
                        WHERE k."TenantId" = OLD."TenantId" AND k."Term" IN (SELECT knowledge_terms_of(OLD."SearchHeading", OLD."SearchBody"));
                        DELETE FROM knowledge_terms AS k WHERE k."TenantId" = OLD."TenantId" AND k."Chunks" <= 0
                            AND k."Term" IN (SELECT knowledge_terms_of(OLD."SearchHeading", OLD."SearchBody"));
                    END IF;
                    IF TG_OP <> 'DELETE' AND NEW."Searchable" THEN
                        PERFORM pg_advisory_xact_lock(hashtextextended('knowledge_terms ' || NEW."TenantId"::text, 0));
                        INSERT INTO knowledge_terms ("TenantId", "Term", "Chunks")
                        SELECT NEW."TenantId", t, 1 FROM knowledge_terms_of(NEW."SearchHeading", NEW."SearchBody") AS t
                        ON CONFLICT ("TenantId", "Term") DO UPDATE SET "Chunks" = knowledge_terms."Chunks" + 1;
                    END IF;
                    RETURN NULL;
                END $$;
                """);
            // The workspace's terms closest to a word it does not know (a typo), for the trigram signal's pool; it replaces the
            // trigram index over every chunk's text, which search no longer scans (and every chunk write paid for).
            migrationBuilder.Sql("""CREATE INDEX "IX_knowledge_terms_Term_trgm" ON knowledge_terms USING gin ("Term" gin_trgm_ops);""");
            migrationBuilder.Sql("""DROP INDEX "IX_knowledge_chunks_SearchText_trgm";""");
            migrationBuilder.Sql("""
                CREATE TRIGGER knowledge_chunks_terms AFTER INSERT OR DELETE OR UPDATE OF "SearchHeading", "SearchBody", "Searchable" ON knowledge_chunks
                FOR EACH ROW EXECUTE FUNCTION knowledge_chunks_terms();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER knowledge_chunks_terms ON knowledge_chunks;");
            migrationBuilder.Sql("""DROP INDEX "IX_knowledge_terms_Term_trgm";""");
            migrationBuilder.Sql("""CREATE INDEX "IX_knowledge_chunks_SearchText_trgm" ON knowledge_chunks USING gin ("SearchText" gin_trgm_ops);""");
            migrationBuilder.Sql("DROP FUNCTION knowledge_chunks_terms();");
            migrationBuilder.Sql("DROP FUNCTION knowledge_terms_of(text, text);");

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
