namespace SalesCrm.Core.Analytics;

/// <summary>
/// The triggers that keep <c>lead_funnels</c> (<see cref="LeadFunnel"/>) equal to a roll-up of <c>lead_stage_history</c>, and the
/// backfill of existing history, one SQL text per provider, run by the <c>AnalyticsRollups</c> migration (ADR 035). An insert
/// widens the lead's row (first and last change, one more stage in its set); a delete or update rebuilds the rows of the
/// (lead, pipeline) pairs it touched from their remaining history. Kept here so a regenerated migration only needs its
/// <c>Sql(...)</c> lines back; frozen with that migration (change it with a new one).
/// </summary>
public static class LeadFunnelSql
{
    /// <summary>Longest stage set kept (about 54 stage ids); a longer one is stored as <see cref="LeadFunnel.Overflow"/>.</summary>
    public const int MaxStagesLength = 2000;

    /// <summary>Creates the triggers and fills <c>lead_funnels</c> from the history already stored.</summary>
    public static string Up(bool postgres) => postgres ? PostgresUp : SqliteUp;

    /// <summary>Drops the triggers (the migration drops the table).</summary>
    public static string Down(bool postgres) => postgres
        ? "DROP TRIGGER IF EXISTS lead_funnels_track ON lead_stage_history; DROP FUNCTION IF EXISTS lead_funnels_track(); DROP FUNCTION IF EXISTS lead_funnels_refresh(uuid, uuid);"
        : "DROP TRIGGER IF EXISTS lead_funnels_insert; DROP TRIGGER IF EXISTS lead_funnels_delete; DROP TRIGGER IF EXISTS lead_funnels_update;";

    private const int Room = MaxStagesLength - 37;

    /// <summary>Rebuilds the row of one (lead, pipeline) from its history; <c>{0}</c> and <c>{1}</c> name the lead and pipeline.</summary>
    private const string SqliteRefresh = """
        DELETE FROM lead_funnels WHERE "LeadId" = {0} AND "PipelineId" = {1};
        INSERT INTO lead_funnels ("LeadId", "PipelineId", "TenantId", "FirstAt", "LastAt", "Stages")
        SELECT "LeadId", "PipelineId", MIN("TenantId"), MIN("At"), MAX("At"),
               CASE WHEN length(group_concat(DISTINCT "ToStageId")) > {2} THEN '*' ELSE group_concat(DISTINCT "ToStageId") END
        FROM lead_stage_history WHERE "LeadId" = {0} AND "PipelineId" = {1} GROUP BY "LeadId", "PipelineId";
        """;

    private static readonly string SqliteUp = $$"""
        CREATE TRIGGER lead_funnels_insert AFTER INSERT ON lead_stage_history BEGIN
            INSERT INTO lead_funnels ("LeadId", "PipelineId", "TenantId", "FirstAt", "LastAt", "Stages")
            VALUES (NEW."LeadId", NEW."PipelineId", NEW."TenantId", NEW."At", NEW."At", NEW."ToStageId")
            ON CONFLICT ("LeadId", "PipelineId") DO UPDATE SET
                "FirstAt" = min("FirstAt", excluded."FirstAt"),
                "LastAt" = max("LastAt", excluded."LastAt"),
                "Stages" = CASE WHEN "Stages" = '*' OR instr("Stages", excluded."Stages") > 0 THEN "Stages"
                                WHEN length("Stages") > {{Room}} THEN '*'
                                ELSE "Stages" || ',' || excluded."Stages" END;
        END;
        CREATE TRIGGER lead_funnels_delete AFTER DELETE ON lead_stage_history BEGIN
        {{string.Format(SqliteRefresh, "OLD.\"LeadId\"", "OLD.\"PipelineId\"", MaxStagesLength)}}
        END;
        CREATE TRIGGER lead_funnels_update AFTER UPDATE OF "LeadId", "PipelineId", "ToStageId", "At", "TenantId" ON lead_stage_history BEGIN
        {{string.Format(SqliteRefresh, "OLD.\"LeadId\"", "OLD.\"PipelineId\"", MaxStagesLength)}}
        {{string.Format(SqliteRefresh, "NEW.\"LeadId\"", "NEW.\"PipelineId\"", MaxStagesLength)}}
        END;
        INSERT INTO lead_funnels ("LeadId", "PipelineId", "TenantId", "FirstAt", "LastAt", "Stages")
        SELECT "LeadId", "PipelineId", MIN("TenantId"), MIN("At"), MAX("At"),
               CASE WHEN length(group_concat(DISTINCT "ToStageId")) > {{MaxStagesLength}} THEN '*' ELSE group_concat(DISTINCT "ToStageId") END
        FROM lead_stage_history GROUP BY "LeadId", "PipelineId";
        """;

    private static readonly string PostgresUp = $$"""
        CREATE FUNCTION lead_funnels_refresh(lead uuid, pipeline uuid) RETURNS void LANGUAGE plpgsql AS $body$
        BEGIN
            DELETE FROM lead_funnels f WHERE f."LeadId" = lead AND f."PipelineId" = pipeline;
            INSERT INTO lead_funnels ("LeadId", "PipelineId", "TenantId", "FirstAt", "LastAt", "Stages")
            SELECT h."LeadId", h."PipelineId", MIN(h."TenantId"::text)::uuid, MIN(h."At"), MAX(h."At"),
                   CASE WHEN length(string_agg(DISTINCT h."ToStageId"::text, ',')) > {{MaxStagesLength}} THEN '*' ELSE string_agg(DISTINCT h."ToStageId"::text, ',') END
            FROM lead_stage_history h WHERE h."LeadId" = lead AND h."PipelineId" = pipeline GROUP BY h."LeadId", h."PipelineId";
        END $body$;

        CREATE FUNCTION lead_funnels_track() RETURNS trigger LANGUAGE plpgsql AS $body$
        BEGIN
            IF TG_OP = 'INSERT' THEN
                INSERT INTO lead_funnels AS f ("LeadId", "PipelineId", "TenantId", "FirstAt", "LastAt", "Stages")
                VALUES (NEW."LeadId", NEW."PipelineId", NEW."TenantId", NEW."At", NEW."At", NEW."ToStageId"::text)
                ON CONFLICT ("LeadId", "PipelineId") DO UPDATE SET
                    "FirstAt" = LEAST(f."FirstAt", EXCLUDED."FirstAt"),
                    "LastAt" = GREATEST(f."LastAt", EXCLUDED."LastAt"),
                    "Stages" = CASE WHEN f."Stages" = '*' OR strpos(f."Stages", EXCLUDED."Stages") > 0 THEN f."Stages"
                                    WHEN length(f."Stages") > {{Room}} THEN '*'
                                    ELSE f."Stages" || ',' || EXCLUDED."Stages" END;
                RETURN NULL;
            END IF;
            PERFORM lead_funnels_refresh(OLD."LeadId", OLD."PipelineId");
            IF TG_OP = 'UPDATE' THEN
                PERFORM lead_funnels_refresh(NEW."LeadId", NEW."PipelineId");
            END IF;
            RETURN NULL;
        END $body$;

        CREATE TRIGGER lead_funnels_track AFTER INSERT OR UPDATE OR DELETE ON lead_stage_history
            FOR EACH ROW EXECUTE FUNCTION lead_funnels_track();

        INSERT INTO lead_funnels ("LeadId", "PipelineId", "TenantId", "FirstAt", "LastAt", "Stages")
        SELECT h."LeadId", h."PipelineId", MIN(h."TenantId"::text)::uuid, MIN(h."At"), MAX(h."At"),
               CASE WHEN length(string_agg(DISTINCT h."ToStageId"::text, ',')) > {{MaxStagesLength}} THEN '*' ELSE string_agg(DISTINCT h."ToStageId"::text, ',') END
        FROM lead_stage_history h GROUP BY h."LeadId", h."PipelineId";
        """;
}
