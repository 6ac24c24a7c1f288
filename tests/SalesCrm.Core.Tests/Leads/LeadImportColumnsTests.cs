using SalesCrm.Core.Leads;

namespace SalesCrm.Core.Tests.Leads;

/// <summary>Column titles as Brazilian spreadsheets, form tools and other CRMs write them map to lead fields; the rest is said, never dropped silently.</summary>
public class LeadImportColumnsTests
{
    [Theory]
    [InlineData("Nome Completo", "name")]
    [InlineData("Nome do contato", "name")]
    [InlineData("NOME", "name")]
    [InlineData("Contato", "name")]
    [InlineData("Full Name", "name")]
    [InlineData("Nome e sobrenome", "name")]
    [InlineData("Telefone Celular", "phone")]
    [InlineData("Celular/WhatsApp", "phone")]
    [InlineData("Fone", "phone")]
    [InlineData("Tel.", "phone")]
    [InlineData("Número de telefone", "phone")]
    [InlineData("Nº Celular", "phone")]
    [InlineData("Contato WhatsApp", "phone")]
    [InlineData("phoneNumber", "phone")]
    [InlineData("E-mail", "email")]
    [InlineData("Email", "email")]
    [InlineData("Seu melhor e-mail", "email")]
    [InlineData("E-mail do contato", "email")]
    [InlineData("Valor (R$)", "value")]
    [InlineData("Valor do negócio", "value")]
    [InlineData("valor R$", "value")]
    [InlineData("Empresa", "company")]
    [InlineData("Companhia", "company")]
    [InlineData("Nome da empresa", "company")]
    [InlineData("Razão Social", "company")]
    [InlineData("Origem", "source")]
    [InlineData("Lead Source", "source")]
    [InlineData("Etiquetas", "tags")]
    [InlineData("Tags", "tags")]
    [InlineData("Responsável", "owner_email")]
    [InlineData("responsavel", "owner_email")]
    [InlineData("Vendedor", "owner_email")]
    [InlineData("E-mail do responsável", "owner_email")]
    [InlineData("Nome do responsável", "owner_email")]
    [InlineData("owner_email", "owner_email")]
    [InlineData("Etapa", "stage")]
    [InlineData("Previsão de fechamento", "expected_close_date")]
    [InlineData("Data de fechamento", "expected_close_date")]
    [InlineData("expected_close_date", "expected_close_date")]
    [InlineData("UTM Source", "utm_source")]
    [InlineData("utm_campaign", "utm_campaign")]
    [InlineData("Moeda", "currency")]
    [InlineData("Prioridade", "priority")]
    [InlineData("Observações", "notes")]
    [InlineData("Notas", "notes")]
    [InlineData("notes", "notes")]
    [InlineData("Obs.", "notes")]
    public void Usual_titles_map_to_their_field_whatever_the_accents_case_punctuation_units_and_extra_words(string title, string field)
    {
        Assert.Equal(field, LeadImportColumns.Suggest(title));
    }

    [Theory]
    [InlineData("Cidade")]
    [InlineData("CPF")]
    [InlineData("Data")]
    [InlineData("Data de nascimento")]
    [InlineData("Lead Status")]
    [InlineData("Cliente desde")]
    [InlineData("Telefone do responsável")]
    [InlineData("")]
    [InlineData("(R$)")]
    [InlineData("owner_name")]
    [InlineData("owner_id")]
    [InlineData("stage_id")]
    [InlineData("stage_entered_at")]
    [InlineData("phone_raw")]
    public void Titles_that_name_no_lead_field_map_to_nothing(string title)
    {
        Assert.Null(LeadImportColumns.Suggest(title));
    }

    [Fact]
    public void Duplicate_titles_keep_the_first_column_and_say_so_about_the_others()
    {
        var plan = LeadImportColumns.Plan(["Nome", "Nome", "Telefone", "Celular"], null);
        Assert.Equal(["name", null, "phone", null], plan.Select(c => c.Field));
        Assert.Equal("column 2 also maps to name, which column 1 (Nome) fills: the first is kept, this one is not imported", plan[1].Warning);
        Assert.Equal(1, plan[1].SameFieldAs);
        Assert.Equal(3, plan[3].SameFieldAs);
        Assert.Null(plan[0].Warning);
    }

    [Fact]
    public void A_mapping_decides_over_the_title_and_an_empty_field_leaves_the_column_out()
    {
        var plan = LeadImportColumns.Plan(["Cliente", "Cidade", "Telefone", "Fone 2"], new Dictionary<string, string?> { ["Cidade"] = "tags", ["Telefone"] = "", ["Fone 2"] = "phone" });
        Assert.Equal(["name", "tags", null, "phone"], plan.Select(c => c.Field));
        Assert.Equal("left out by the mapping", plan[2].Warning);
    }

    [Fact]
    public void A_column_without_a_field_is_not_imported_with_a_warning_naming_it()
    {
        var plan = LeadImportColumns.Plan(["Nome", "Cidade", ""], null);
        Assert.Equal(LeadImportColumns.NoFieldWarning, plan[1].Warning);
        Assert.Equal("Cidade", plan[1].Label);
        Assert.Equal("column 3", plan[2].Label);
    }
}
