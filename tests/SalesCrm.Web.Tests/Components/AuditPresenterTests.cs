using System.Text.Json;
using SalesCrm.Core.Audit;
using SalesCrm.Core.Tenancy;
using SalesCrm.Web.Features.Audit;

namespace SalesCrm.Web.Tests.Components;

/// <summary>The audit log as a manager reads it: labels, names, formatted values, hidden internals, links.</summary>
public class AuditPresenterTests
{
    private static readonly Guid LeadId = Guid.NewGuid(), Ana = Guid.NewGuid(), Bruno = Guid.NewGuid(), StageId = Guid.NewGuid(), PipelineId = Guid.NewGuid();

    private static readonly Dictionary<Guid, AuditReference> Names = new()
    {
        [LeadId] = new("Lead", "Eduarda Cardoso", Currency: "BRL"),
        [Ana] = new("AppUser", "Ana Souza"),
        [Bruno] = new("AppUser", "Bruno Lima"),
        [StageId] = new("Stage", "Proposta", PipelineId),
        [PipelineId] = new("Pipeline", "Funil de vendas"),
    };

    private static readonly TimeZoneInfo SaoPaulo = WorkspaceTimeZones.Find("America/Sao_Paulo")!;

    private static AuditPresenter Presenter(string culture, IReadOnlyDictionary<Guid, AuditReference>? names = null) =>
        new(ResourceLocalizer.For(culture), utc => TimeZoneInfo.ConvertTimeFromUtc(utc, SaoPaulo), names ?? Names, "BRL");

    private static AuditLogDto Entry(string entity, Guid id, string action, string changes, string actorType = "User", string? actor = "Ana Souza") =>
        new(Guid.NewGuid(), new DateTime(2026, 12, 1, 0, 25, 0, DateTimeKind.Utc), actorType, null, actor, entity, id, action, JsonSerializer.Deserialize<JsonElement>(changes), null);

    private static AuditChangeView Change(AuditEntryView view, string field) => Assert.Single(view.Changes, c => c.Field == field);

    [Fact]
    public void Fields_read_in_the_ui_language_with_names_instead_of_ids()
    {
        using var culture = new CultureScope("pt-BR");
        var view = Presenter("pt-BR").Present(Entry("Lead", LeadId, "update", $$$"""
            {"OwnerId":{"old":"{{{Ana}}}","new":"{{{Bruno}}}"},"StageId":{"old":"{{{Guid.NewGuid()}}}","new":"{{{StageId}}}"},"Priority":{"old":"Normal","new":"High"}}
            """));
        Assert.Equal(("Responsável", "Ana Souza", "Bruno Lima"), (Change(view, "OwnerId").Label, Change(view, "OwnerId").Old, Change(view, "OwnerId").New));
        Assert.Equal(("Etapa", "(registro removido)", "Proposta"), (Change(view, "StageId").Label, Change(view, "StageId").Old, Change(view, "StageId").New));
        Assert.Equal(("Normal", "Alta"), (Change(view, "Priority").Old, Change(view, "Priority").New));
        Assert.Equal(("Lead", "Eduarda Cardoso", "Alteração"), (view.EntityLabel, view.Subject, view.Action));

        var english = Presenter("en").Present(Entry("Lead", LeadId, "update", $$$"""{"OwnerId":{"old":"{{{Ana}}}","new":"{{{Bruno}}}"}}"""));
        Assert.Equal(("Owner", "Updated"), (Change(english, "OwnerId").Label, english.Action));
    }

    [Fact]
    public void An_id_typed_into_free_text_stays_text()
    {
        using var culture = new CultureScope("pt-BR");
        var view = Presenter("pt-BR").Present(Entry("Lead", LeadId, "update", $$$"""{"Company":{"old":null,"new":"{{{Ana}}}"}}"""));
        Assert.Equal(Ana.ToString(), Change(view, "Company").New);
    }

    [Fact]
    public void Money_is_shown_in_the_leads_currency_and_utc_stamps_in_the_workspace_zone()
    {
        using var culture = new CultureScope("pt-BR");
        var view = Presenter("pt-BR").Present(Entry("Lead", LeadId, "update", """
            {"ValueCents":{"old":620000,"new":1234550},"ExpectedCloseDate":{"old":null,"new":"2026-12-20"},"ClosedAt":{"old":null,"new":"2026-12-06T15:15:00Z"}}
            """));
        Assert.Equal(("R$ 6.200,00", "R$ 12.345,50"), (Change(view, "ValueCents").Old, Change(view, "ValueCents").New));
        Assert.Equal("20/12/2026", Change(view, "ExpectedCloseDate").New);
        Assert.Equal("06/12/2026 12:15", Change(view, "ClosedAt").New); // 15:15 UTC is 12:15 in São Paulo
        Assert.Equal(new DateTime(2026, 11, 30, 21, 25, 0), view.When);

        var dollars = Presenter("pt-BR").Present(Entry("Lead", LeadId, "update", """{"ValueCents":{"old":0,"new":150000},"Currency":{"old":"BRL","new":"USD"}}"""));
        Assert.Equal("$1,500.00", Change(dollars, "ValueCents").New);
    }

    [Fact]
    public void Derived_and_internal_fields_are_left_out_and_a_change_of_only_them_is_summarised()
    {
        using var culture = new CultureScope("pt-BR");
        var view = Presenter("pt-BR").Present(Entry("Lead", LeadId, "update", """
            {"SearchText":{"old":"ana","new":"ana paula"},"ScoreBreakdown":{"old":"{\"source\":10}","new":"{\"source\":15}"},"Version":{"old":1,"new":2},
             "UpdatedAt":{"old":"2026-11-29T01:34:43Z","new":"2026-12-01T00:25:48Z"},"Score":{"old":40,"new":45}}
            """));
        Assert.Equal(["Score"], view.Changes.Select(c => c.Field));
        Assert.Equal(4, view.HiddenFields);
        Assert.Contains("SearchText", view.Raw);

        var onlyInternal = Presenter("pt-BR").Present(Entry("Lead", LeadId, "update", """{"Version":{"old":1,"new":2},"UpdatedAt":{"old":"2026-11-29T01:34:43Z","new":"2026-12-01T00:25:48Z"}}"""));
        Assert.Empty(onlyInternal.Changes);
        Assert.Equal(2, onlyInternal.HiddenFields);
    }

    [Fact]
    public void A_created_record_lists_only_the_fields_it_was_given_and_secrets_stay_hidden()
    {
        using var culture = new CultureScope("pt-BR");
        var key = Guid.NewGuid();
        var view = Presenter("pt-BR").Present(Entry("ApiKey", key, "create", """
            {"Name":{"new":"Zapier"},"SecretHash":{"new":"***"},"Scopes":{"new":["leads.read","pipeline.manage"]},"ExpiresAt":{"new":null},"RevokedAt":{"new":null}}
            """, actorType: "ApiKey", actor: "Robot"));
        Assert.Equal(["Name", "SecretHash", "Scopes"], view.Changes.Select(c => c.Field));
        Assert.Equal("(oculto)", Change(view, "SecretHash").New);
        Assert.Equal("Ver leads, Configurar funis e etapas", Change(view, "Scopes").New);
        Assert.Equal("Robot (Chave de API)", view.Actor);
        Assert.Equal("Zapier", view.Subject); // the record is not among the references: its own entry names it
        Assert.Null(view.Href);
    }

    [Fact]
    public void The_changed_record_is_linked_while_it_exists()
    {
        using var culture = new CultureScope("pt-BR");
        var presenter = Presenter("pt-BR", new Dictionary<Guid, AuditReference>(Names) { [Guid.Empty] = new("Stage", "Visita", PipelineId, Exists: false) });
        Assert.Equal($"/leads/{LeadId}", presenter.Present(Entry("Lead", LeadId, "update", "{}")).Href);
        var stage = presenter.Present(Entry("Stage", StageId, "update", """{"Color":{"old":"#a5d6a7","new":"#123456"},"Order":{"old":3,"new":1}}"""));
        Assert.Equal(($"/settings/pipelines?pipeline={PipelineId}", "Proposta"), (stage.Href, stage.Subject));
        Assert.True(Change(stage, "Color").IsColor);
        Assert.Equal(("4", "2"), (Change(stage, "Order").Old, Change(stage, "Order").New)); // positions count from 1
        var deleted = presenter.Present(Entry("Stage", Guid.Empty, "delete", """{"Name":{"old":"Visita"}}"""));
        Assert.Equal(("Visita", null), (deleted.Subject, deleted.Href));
    }

    [Fact]
    public void Action_details_such_as_an_export_show_their_plain_values()
    {
        using var culture = new CultureScope("pt-BR");
        var view = Presenter("pt-BR").Present(Entry("Lead", Guid.Empty, "export", """{"format":"csv","rows":60,"filters":["source=eq.website"],"q":null}"""));
        Assert.Equal("Exportação", view.Action);
        Assert.Equal(("Formato", "csv"), (Change(view, "format").Label, Change(view, "format").New));
        Assert.Equal("60", Change(view, "rows").New);
        Assert.Equal("source=eq.website", Change(view, "filters").New);
    }

    [Fact]
    public void An_exports_columns_read_by_their_labels()
    {
        using var culture = new CultureScope("pt-BR");
        var view = Presenter("pt-BR").Present(Entry("Lead", Guid.Empty, "export", """{"format":"csv","rows":2,"columns":["name","owner_id","value"]}"""));
        Assert.Equal("Nome, Responsável, Valor", Change(view, "columns").New);
    }

    [Fact]
    public void A_whatsapp_integration_reads_as_its_number_and_a_timeline_author_is_named_once()
    {
        using var culture = new CultureScope("pt-BR");
        var integration = Guid.NewGuid();
        var view = Presenter("pt-BR").Present(Entry("Integration", integration, "create", """{"Kind":{"new":"WhatsApp"},"Display":{"new":"+55 11 4000-0000|****ogus"}}"""));
        Assert.Equal("+55 11 4000-0000", Change(view, "Display").New);

        var note = Guid.NewGuid();
        var entry = Presenter("pt-BR").Present(Entry("Interaction", note, "create", $$$"""{"AuthorId":{"new":"{{{Ana}}}"},"AuthorName":{"new":"Ana Souza"},"Text":{"new":"Ligou"}}"""));
        Assert.Equal(["AuthorId", "Text"], entry.Changes.Select(c => c.Field));
        Assert.Equal(("Autor", "Ana Souza"), (Change(entry, "AuthorId").Label, Change(entry, "AuthorId").New));
    }

    [Fact]
    public void A_lead_whose_interactions_changed_says_so()
    {
        using var culture = new CultureScope("pt-BR");
        var view = Presenter("pt-BR").Present(Entry("Lead", LeadId, "update", """
            {"InteractionCount":{"old":3,"new":4},"LastInteractionAt":{"old":"2026-11-29T12:00:00Z","new":"2026-12-01T00:25:48Z"},"Version":{"old":1,"new":2}}
            """));
        Assert.Equal(("Interações", "3", "4"), (Change(view, "InteractionCount").Label, Change(view, "InteractionCount").Old, Change(view, "InteractionCount").New));
        Assert.Equal(("Última interação", "30/11/2026 21:25"), (Change(view, "LastInteractionAt").Label, Change(view, "LastInteractionAt").New));
        Assert.Equal(1, view.HiddenFields);
    }
}
