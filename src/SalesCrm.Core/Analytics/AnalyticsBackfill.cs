namespace SalesCrm.Core.Analytics;

/// <summary>
/// The SQL the <c>Analytics</c> migration runs once per provider to rebuild <c>lead_stage_history</c> and
/// <c>lead_responses</c> from what older versions stored (ADR 027). Kept here, not in the generated migration files, so a
/// regenerated migration only needs its one <c>Sql(...)</c> line back; frozen with that migration (change neither).
/// What it recovers and what it cannot:
/// <list type="bullet">
/// <item>entries from <c>lead.created</c> events (stage, value and owner at creation), moves from <c>lead.stage_changed</c>
/// events (stages, status, owner, lost reason; the value is the one <c>deal.won</c> carried at that moment, else today's value —
/// events never carried it), and <c>status_change</c> timeline entries without an event, by stage name in the lead's pipeline
/// (a renamed or deleted stage cannot be matched and is skipped);</item>
/// <item>leads with no entry (the demo's, bulk-loaded ones): an entry into the stage they are in at <c>stage_entered_at</c>; the
/// stages before it are unknown;</item>
/// <item>deleted leads get no rows (a deleted lead leaves the reports, <see cref="AnalyticsRows"/>);</item>
/// <item>changes of a stage's kind (events with the same from and to stage) are not told apart from reorders and are skipped;</item>
/// <item>waits for a reply from each lead's creation and from inbound WhatsApp messages, answered by the first outbound message
/// or call / e-mail / WhatsApp entry written by a member after it (a call logged by an API key has no author and counts too).</item>
/// </list>
/// </summary>
public static class AnalyticsBackfill
{
    public static string Sql(bool postgres)
    {
        var d = new Dialect(postgres);
        var cols = """
            "Id", "TenantId", "LeadId", "PipelineId", "FromStageId", "ToStageId", "FromStatus", "ToStatus", "LostReason", "At", "ActorId", "ActorName",
            "OwnerId", "ValueCents", "Currency", "SecondsInFromStage", "Origin"
            """;
        return $"""
            INSERT INTO lead_stage_history ({cols})
            SELECT {d.NewId}, e."TenantId", e."LeadId", COALESCE({d.JsonGuid("pipeline_id")}, l."PipelineId"), NULL, {d.JsonGuid("stage_id")}, NULL,
                   COALESCE({d.Json("status")}, 'open'), NULL, e."OccurredAt", e."ActorId", e."ActorName", {d.JsonGuid("owner_id")},
                   COALESCE({d.JsonCents("value")}, l."ValueCents"), COALESCE({d.Json("currency")}, l."Currency"), NULL, 'event'
            FROM events e JOIN leads l ON l."Id" = e."LeadId" AND l."DeletedAt" IS NULL
            WHERE e."Type" = 'lead.created' AND {d.Json("stage_id")} IS NOT NULL;

            INSERT INTO lead_stage_history ({cols})
            SELECT {d.NewId}, e."TenantId", e."LeadId", COALESCE(ts."PipelineId", l."PipelineId"), {d.JsonGuid("from_stage_id")}, {d.JsonGuid("to_stage_id")},
                   CASE fs."Kind" WHEN 'won' THEN 'won' WHEN 'lost' THEN 'lost' WHEN 'open' THEN 'open' END,
                   COALESCE({d.Json("status")}, 'open'), CASE WHEN {d.Json("status")} = 'lost' THEN {d.Json("lost_reason")} END,
                   e."OccurredAt", e."ActorId", e."ActorName", {d.JsonGuid("owner_id")},
                   COALESCE((SELECT {d.JsonCents("value", "w")} FROM events w WHERE w."LeadId" = e."LeadId" AND w."Type" = 'deal.won' AND w."OccurredAt" = e."OccurredAt" LIMIT 1), l."ValueCents"),
                   COALESCE((SELECT {d.Json("currency", "w")} FROM events w WHERE w."LeadId" = e."LeadId" AND w."Type" = 'deal.won' AND w."OccurredAt" = e."OccurredAt" LIMIT 1), l."Currency"),
                   NULL, 'event'
            FROM events e JOIN leads l ON l."Id" = e."LeadId" AND l."DeletedAt" IS NULL
            LEFT JOIN stages ts ON ts."Id" = {d.JsonGuid("to_stage_id")}
            LEFT JOIN stages fs ON fs."Id" = {d.JsonGuid("from_stage_id")}
            WHERE e."Type" = 'lead.stage_changed' AND {d.Json("from_stage_id")} <> {d.Json("to_stage_id")};

            INSERT INTO lead_stage_history ({cols})
            SELECT {d.NewId}, i."TenantId", i."LeadId", l."PipelineId", fs."Id", ts."Id", fs."Kind", ts."Kind",
                   CASE WHEN ts."Kind" = 'lost' THEN l."LostReason" END, i."OccurredAt", i."AuthorId", i."AuthorName", l."OwnerId", l."ValueCents", l."Currency", NULL, 'interaction'
            FROM interactions i JOIN leads l ON l."Id" = i."LeadId" AND l."DeletedAt" IS NULL
            JOIN stages fs ON fs."PipelineId" = l."PipelineId" AND fs."Name" = {d.Before("i.\"Text\"", " → ")}
            JOIN stages ts ON ts."PipelineId" = l."PipelineId" AND ts."Name" = {d.Before(d.After("i.\"Text\"", " → ") + " || ': '", ": ")}
            WHERE i."Type" = 'status_change' AND {d.Contains("i.\"Text\"", " → ")}
              AND NOT EXISTS (SELECT 1 FROM events e WHERE e."LeadId" = i."LeadId" AND e."Type" = 'lead.stage_changed' AND e."OccurredAt" = i."OccurredAt");

            INSERT INTO lead_stage_history ({cols})
            SELECT {d.NewId}, l."TenantId", l."Id", l."PipelineId", NULL,
                   COALESCE((SELECT h."FromStageId" FROM lead_stage_history h WHERE h."LeadId" = l."Id" AND h."FromStageId" IS NOT NULL ORDER BY h."At" LIMIT 1), l."StageId"),
                   NULL, CASE WHEN EXISTS (SELECT 1 FROM lead_stage_history h WHERE h."LeadId" = l."Id") THEN 'open' ELSE l."Status" END,
                   CASE WHEN NOT EXISTS (SELECT 1 FROM lead_stage_history h WHERE h."LeadId" = l."Id") AND l."Status" = 'lost' THEN l."LostReason" END,
                   CASE WHEN EXISTS (SELECT 1 FROM lead_stage_history h WHERE h."LeadId" = l."Id") THEN l."CreatedAt" ELSE l."StageEnteredAt" END,
                   NULL, NULL, l."OwnerId", l."ValueCents", l."Currency", NULL, 'lead'
            FROM leads l
            WHERE l."DeletedAt" IS NULL AND NOT EXISTS (SELECT 1 FROM lead_stage_history h WHERE h."LeadId" = l."Id" AND h."FromStageId" IS NULL);

            UPDATE lead_stage_history SET "SecondsInFromStage" = (
                SELECT {d.Seconds("lead_stage_history.\"At\"", "MAX(p.\"At\")")} FROM lead_stage_history p
                WHERE p."LeadId" = lead_stage_history."LeadId" AND p."At" < lead_stage_history."At")
            WHERE "FromStageId" IS NOT NULL AND "Origin" <> 'recorded';

            CREATE TEMPORARY TABLE analytics_replies AS
            SELECT m."TenantId", m."LeadId", m."CreatedAt" AS "At", m."AuthorId", 'whatsapp' AS "Channel" FROM messages m WHERE m."Direction" = 'outbound'
            UNION ALL
            SELECT i."TenantId", i."LeadId", i."OccurredAt", i."AuthorId", i."Type" FROM interactions i
            WHERE i."Type" IN ('call', 'email') OR (i."Type" = 'whatsapp' AND i."AuthorId" IS NOT NULL);
            CREATE INDEX analytics_replies_lead ON analytics_replies ("LeadId", "At");

            INSERT INTO lead_responses ("Id", "TenantId", "LeadId", "Kind", "WaitingSince", "RespondedAt")
            SELECT {d.NewId}, l."TenantId", l."Id", 'first_contact', l."CreatedAt",
                   (SELECT MIN(r."At") FROM analytics_replies r WHERE r."LeadId" = l."Id" AND r."At" >= l."CreatedAt")
            FROM leads l WHERE l."DeletedAt" IS NULL;

            INSERT INTO lead_responses ("Id", "TenantId", "LeadId", "Kind", "WaitingSince", "RespondedAt")
            SELECT {d.NewId}, w."TenantId", w."LeadId", 'inbound', MIN(w."At"), w."Reply"
            FROM (SELECT m."TenantId", m."LeadId", m."CreatedAt" AS "At",
                         (SELECT MIN(r."At") FROM analytics_replies r WHERE r."LeadId" = m."LeadId" AND r."At" >= m."CreatedAt") AS "Reply"
                  FROM messages m JOIN leads l ON l."Id" = m."LeadId" AND l."DeletedAt" IS NULL WHERE m."Direction" = 'inbound') w
            GROUP BY w."TenantId", w."LeadId", w."Reply";

            UPDATE lead_responses SET
                "ResponderId" = (SELECT r."AuthorId" FROM analytics_replies r WHERE r."LeadId" = lead_responses."LeadId" AND r."At" = lead_responses."RespondedAt" ORDER BY r."AuthorId" IS NULL LIMIT 1),
                "Channel" = (SELECT r."Channel" FROM analytics_replies r WHERE r."LeadId" = lead_responses."LeadId" AND r."At" = lead_responses."RespondedAt" ORDER BY r."AuthorId" IS NULL LIMIT 1),
                "Seconds" = {d.Seconds("\"RespondedAt\"", "\"WaitingSince\"")}
            WHERE "RespondedAt" IS NOT NULL;

            DROP TABLE analytics_replies;
            """;
    }

    private sealed class Dialect(bool postgres)
    {
        /// <summary>A random GUID as each provider stores one (SQLite: upper-case text; PostgreSQL: uuid).</summary>
        public string NewId => postgres
            ? "gen_random_uuid()"
            : "upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89AB', 1 + abs(random()) % 4, 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))";

        public string Json(string key, string alias = "e") => postgres ? $"({alias}.\"Payload\"::jsonb ->> '{key}')" : $"json_extract({alias}.\"Payload\", '$.{key}')";

        public string JsonGuid(string key) => postgres ? $"{Json(key)}::uuid" : $"upper({Json(key)})";

        public string JsonCents(string key, string alias = "e") => postgres
            ? $"round({Json(key, alias)}::numeric * 100)::bigint"
            : $"CAST(round({Json(key, alias)} * 100) AS INTEGER)";

        /// <summary>The text before the first <paramref name="separator"/> (all of it when there is none).</summary>
        public string Before(string text, string separator) => postgres
            ? $"split_part({text}, '{separator}', 1)"
            : $"substr({text}, 1, instr({text}, '{separator}') - 1)";

        /// <summary>The text after the first <paramref name="separator"/> (which it must contain).</summary>
        public string After(string text, string separator) => postgres
            ? $"substr({text}, strpos({text}, '{separator}') + {separator.Length})"
            : $"substr({text}, instr({text}, '{separator}') + {separator.Length})";

        public string Contains(string text, string part) => postgres ? $"strpos({text}, '{part}') > 0" : $"instr({text}, '{part}') > 0";

        /// <summary>Whole seconds from <paramref name="start"/> to <paramref name="end"/>.</summary>
        public string Seconds(string end, string start) => postgres
            ? $"CAST(extract(epoch from ({end} - {start})) AS bigint)"
            : $"CAST(round((julianday({end}) - julianday({start})) * 86400) AS INTEGER)";
    }
}
