using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesCrm.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class DefaultPipelinesForEveryWorkspace : Migration
    {
        /// <summary>
        /// What the start-up step <c>EnsureDefaultPipelinesAsync</c> did at every start, done once here (ADR 048): every
        /// workspace without a pipeline (created before pipelines existed) gets the default one, "Funil de vendas" with its
        /// seven stages as <c>PipelineService.NewDefault</c> made them that day. New workspaces get theirs when created.
        /// Literal values, not <c>DefaultPipeline</c>: a shipped migration must not change when the code's defaults do.
        /// Unlike the start-up step it writes no audit rows (a migration has no actor), like the other data fixes in migrations.
        /// </summary>
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TEMP TABLE default_pipeline_fix AS
                SELECT t."Id" AS tenant_id, gen_random_uuid() AS pipeline_id, now() AS at
                FROM tenants t
                WHERE NOT EXISTS (SELECT 1 FROM pipelines p WHERE p."TenantId" = t."Id");
                """);
            migrationBuilder.Sql("""
                INSERT INTO pipelines ("Id", "TenantId", "Name", "IsDefault", "Order", "CreatedAt", "UpdatedAt")
                SELECT pipeline_id, tenant_id, 'Funil de vendas', TRUE, 0, at, at FROM default_pipeline_fix;
                """);
            migrationBuilder.Sql("""
                INSERT INTO stages ("Id", "TenantId", "PipelineId", "Name", "Color", "Order", "Probability", "Kind", "IsActive", "RottenAfterDays", "CreatedAt")
                SELECT gen_random_uuid(), f.tenant_id, f.pipeline_id, s.name, s.color, s.ord, s.probability, s.kind, TRUE, s.rotten, f.at
                FROM default_pipeline_fix f CROSS JOIN (VALUES
                ('Novo', '#90caf9', 0, 10, 'open', 3),
                ('Contato', '#80deea', 1, 20, 'open', 5),
                ('Qualificado', '#a5d6a7', 2, 40, 'open', 7),
                ('Proposta', '#ffe082', 3, 60, 'open', 10),
                ('Negociação', '#ffab91', 4, 80, 'open', 10),
                ('Ganho', '#66bb6a', 5, 100, 'won', NULL),
                ('Perdido', '#ef5350', 6, 0, 'lost', NULL)
                ) AS s(name, color, ord, probability, kind, rotten);
                """);
            migrationBuilder.Sql("DROP TABLE default_pipeline_fix;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing: the pipelines it gave are the workspaces' own data now.
        }
    }
}
