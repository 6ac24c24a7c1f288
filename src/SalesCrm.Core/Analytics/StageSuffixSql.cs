namespace SalesCrm.Core.Analytics;

/// <summary>
/// The triggers that keep each <c>lead_stage_history</c> row's <see cref="LeadStageHistory.PreviousAt"/> and
/// <see cref="LeadStageHistory.StagesFromHere"/> equal to what the lead's other rows in that pipeline say, one SQL text per
/// provider, run by the <c>StageHistorySuffixes</c> migration with a backfill of the rows already stored (ADR 055). Any insert,
/// delete or change of a row's lead, pipeline, stage or time recomputes the rows of the (lead, pipeline) pairs it touched —
/// a handful per lead. Rows are ordered by time, then id (so two changes at the same instant still have one order). Frozen
/// with that migration (change it with a new one).
/// </summary>
public static class StageSuffixSql
{
    /// <summary>Creates the triggers and fills the two columns of the history already stored.</summary>
    public static string Up(bool postgres) => postgres ? PostgresUp : SqliteUp;

    /// <summary>Drops the triggers (the migration drops the columns) and gives <c>lead_funnels_track</c> back its every-update firing.</summary>
    public static string Down(bool postgres) => postgres
        ? """
          DROP TRIGGER IF EXISTS lead_stage_suffixes_track ON lead_stage_history;
          DROP FUNCTION IF EXISTS lead_stage_suffixes_track();
          DROP FUNCTION IF EXISTS lead_stage_suffixes_refresh(uuid, uuid, uuid);
          DROP TRIGGER IF EXISTS lead_funnels_track ON lead_stage_history;
          CREATE TRIGGER lead_funnels_track AFTER INSERT OR UPDATE OR DELETE ON lead_stage_history
              FOR EACH ROW EXECUTE FUNCTION lead_funnels_track();
          """
        : "DROP TRIGGER IF EXISTS lead_stage_suffixes_insert; DROP TRIGGER IF EXISTS lead_stage_suffixes_delete; DROP TRIGGER IF EXISTS lead_stage_suffixes_update;";

    /// <summary>
    /// Recomputes the rows <c>{0}</c> names (a <c>WHERE</c> clause, or nothing for every row). The tenant leads the lookups so
    /// they read <c>IX_lead_stage_history_lead_path</c>. No alias on the updated table: SQLite before 3.42 (Debian 12's
    /// <c>sqlite3</c>) cannot read a schema whose trigger has one.
    /// </summary>
    private static readonly string SqliteUpdate = $$"""
        UPDATE lead_stage_history SET
            "PreviousAt" = (SELECT MAX(p."At") FROM lead_stage_history p
                            WHERE p."TenantId" = lead_stage_history."TenantId" AND p."PipelineId" = lead_stage_history."PipelineId" AND p."LeadId" = lead_stage_history."LeadId"
                              AND (p."At" < lead_stage_history."At" OR (p."At" = lead_stage_history."At" AND p."Id" < lead_stage_history."Id"))),
            "StagesFromHere" = (SELECT CASE WHEN length(group_concat(DISTINCT s."ToStageId")) > {{LeadFunnelSql.MaxStagesLength}} THEN '*' ELSE group_concat(DISTINCT s."ToStageId") END
                                FROM lead_stage_history s
                                WHERE s."TenantId" = lead_stage_history."TenantId" AND s."PipelineId" = lead_stage_history."PipelineId" AND s."LeadId" = lead_stage_history."LeadId"
                                  AND (s."At" > lead_stage_history."At" OR (s."At" = lead_stage_history."At" AND s."Id" >= lead_stage_history."Id")))
        {0};
        """;

    /// <summary>The refresh of the (tenant, lead, pipeline) of a trigger's <c>NEW</c> or <c>OLD</c> row.</summary>
    private static string Sqlite(string row) =>
        string.Format(SqliteUpdate, $"WHERE \"TenantId\" = {row}.\"TenantId\" AND \"PipelineId\" = {row}.\"PipelineId\" AND \"LeadId\" = {row}.\"LeadId\"");

    private static readonly string SqliteUp = $"""
        CREATE TRIGGER lead_stage_suffixes_insert AFTER INSERT ON lead_stage_history BEGIN
        {Sqlite("NEW")}
        END;
        CREATE TRIGGER lead_stage_suffixes_delete AFTER DELETE ON lead_stage_history BEGIN
        {Sqlite("OLD")}
        END;
        CREATE TRIGGER lead_stage_suffixes_update AFTER UPDATE OF "LeadId", "PipelineId", "ToStageId", "At", "TenantId" ON lead_stage_history BEGIN
        {Sqlite("OLD")}
        {Sqlite("NEW")}
        END;
        {string.Format(SqliteUpdate, "")}
        """;

    private static readonly string PostgresUp = $$"""
        CREATE FUNCTION lead_stage_suffixes_refresh(tenant uuid, lead uuid, pipeline uuid) RETURNS void LANGUAGE plpgsql AS $body$
        BEGIN
            UPDATE lead_stage_history h SET
                "PreviousAt" = (SELECT MAX(p."At") FROM lead_stage_history p
                                WHERE p."TenantId" = h."TenantId" AND p."PipelineId" = h."PipelineId" AND p."LeadId" = h."LeadId"
                                  AND (p."At" < h."At" OR (p."At" = h."At" AND p."Id" < h."Id"))),
                "StagesFromHere" = (SELECT CASE WHEN length(string_agg(DISTINCT s."ToStageId"::text, ',')) > {{LeadFunnelSql.MaxStagesLength}} THEN '*'
                                                ELSE string_agg(DISTINCT s."ToStageId"::text, ',') END
                                    FROM lead_stage_history s
                                    WHERE s."TenantId" = h."TenantId" AND s."PipelineId" = h."PipelineId" AND s."LeadId" = h."LeadId"
                                      AND (s."At" > h."At" OR (s."At" = h."At" AND s."Id" >= h."Id")))
            WHERE h."TenantId" = tenant AND h."PipelineId" = pipeline AND h."LeadId" = lead;
        END $body$;

        CREATE FUNCTION lead_stage_suffixes_track() RETURNS trigger LANGUAGE plpgsql AS $body$
        BEGIN
            IF TG_OP <> 'INSERT' THEN
                PERFORM lead_stage_suffixes_refresh(OLD."TenantId", OLD."LeadId", OLD."PipelineId");
            END IF;
            IF TG_OP <> 'DELETE' THEN
                PERFORM lead_stage_suffixes_refresh(NEW."TenantId", NEW."LeadId", NEW."PipelineId");
            END IF;
            RETURN NULL;
        END $body$;

        -- Only changes of what a path is made of fire either trigger: the refresh's own update of the two columns does not.
        DROP TRIGGER IF EXISTS lead_funnels_track ON lead_stage_history;
        CREATE TRIGGER lead_funnels_track AFTER INSERT OR DELETE OR UPDATE OF "LeadId", "PipelineId", "ToStageId", "At", "TenantId" ON lead_stage_history
            FOR EACH ROW EXECUTE FUNCTION lead_funnels_track();
        CREATE TRIGGER lead_stage_suffixes_track AFTER INSERT OR DELETE OR UPDATE OF "LeadId", "PipelineId", "ToStageId", "At", "TenantId" ON lead_stage_history
            FOR EACH ROW EXECUTE FUNCTION lead_stage_suffixes_track();

        UPDATE lead_stage_history h SET
            "PreviousAt" = x.previous, "StagesFromHere" = x.onward
        FROM (SELECT h1."Id",
                     (SELECT MAX(p."At") FROM lead_stage_history p
                      WHERE p."TenantId" = h1."TenantId" AND p."PipelineId" = h1."PipelineId" AND p."LeadId" = h1."LeadId"
                        AND (p."At" < h1."At" OR (p."At" = h1."At" AND p."Id" < h1."Id"))) AS previous,
                     (SELECT CASE WHEN length(string_agg(DISTINCT s."ToStageId"::text, ',')) > {{LeadFunnelSql.MaxStagesLength}} THEN '*'
                                  ELSE string_agg(DISTINCT s."ToStageId"::text, ',') END
                      FROM lead_stage_history s
                      WHERE s."TenantId" = h1."TenantId" AND s."PipelineId" = h1."PipelineId" AND s."LeadId" = h1."LeadId"
                        AND (s."At" > h1."At" OR (s."At" = h1."At" AND s."Id" >= h1."Id"))) AS onward
              FROM lead_stage_history h1) x
        WHERE h."Id" = x."Id";
        """;
}
