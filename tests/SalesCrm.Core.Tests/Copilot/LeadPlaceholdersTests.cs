using SalesCrm.Core.Copilot;

namespace SalesCrm.Core.Tests.Copilot;

public class LeadPlaceholdersTests
{
    private static readonly LeadFacts Ana = new(Guid.NewGuid(), "Ana Souza", Guid.NewGuid(), "Negociação", null, "Bruno Lima", null, [], false,
        new Dictionary<string, string>());

    [Theory]
    [InlineData("Oi, {{first_name}}! Aqui é {{owner_name}}.", "Oi, Ana! Aqui é Bruno Lima.")]
    [InlineData("Olá [nome], tudo bem?", "Olá Ana, tudo bem?")]
    [InlineData("{Nome}, na etapa {{etapa}}", "Ana, na etapa Negociação")]
    [InlineData("Valor de {{desconto}}", "Valor de {{desconto}}")]
    [InlineData("Claro, (nome), é importante para a (empresa) (veja o plano).", "Claro, Ana, é importante para a sua empresa (veja o plano).")]
    public void Known_placeholders_take_the_leads_values_and_unknown_ones_stay(string text, string expected) =>
        Assert.Equal(expected, LeadPlaceholders.Fill(text, Ana));

    [Theory]
    [InlineData("Oi, {{first_name}}! Tudo bem?", "Oi! Tudo bem?")]
    [InlineData("Entendo, [nome]. O valor se paga.", "Entendo. O valor se paga.")]
    [InlineData("{{first_name}}, ficou alguma dúvida?", "Ficou alguma dúvida?")]
    [InlineData("(nome), tudo bem? Perfeito. [Nome], posso te ligar amanhã?", "Tudo bem? Perfeito. Posso te ligar amanhã?")]
    [InlineData("Olá (nome), tudo bem?", "Olá, tudo bem?")]
    public void Without_a_lead_a_placeholder_goes_with_its_comma_and_the_sentence_it_opened_keeps_its_capital(string text, string expected) =>
        Assert.Equal(expected, LeadPlaceholders.Fill(text, null));

    [Theory]
    [InlineData("Oi! Aqui é (vendedor), da Solar Sul.", "Oi! Aqui é Carla Dias, da Solar Sul.")]
    [InlineData("(nome), sou {{owner_name}} e vou te ajudar.", "Sou Carla Dias e vou te ajudar.")]
    public void Without_a_lead_the_seller_is_the_rep_asking(string text, string expected) =>
        Assert.Equal(expected, LeadPlaceholders.Fill(text, null, seller: "Carla Dias"));

    [Fact]
    public void With_a_lead_the_seller_is_its_owner_and_a_lead_without_one_gets_the_rep_asking()
    {
        Assert.Equal("Aqui é Bruno Lima.", LeadPlaceholders.Fill("Aqui é (vendedor).", Ana, seller: "Carla Dias"));
        Assert.Equal("Aqui é Carla Dias.", LeadPlaceholders.Fill("Aqui é (vendedor).", Ana with { OwnerName = null }, seller: "Carla Dias"));
    }

    [Fact]
    public void A_cached_text_keeps_placeholders_instead_of_the_leads_name()
    {
        var generalized = LeadPlaceholders.Generalize("Ana Souza, obrigado! Ana, te mando amanhã. Anabela não.", Ana);
        Assert.Equal("{{lead_name}}, obrigado! {{first_name}}, te mando amanhã. Anabela não.", generalized);
        // The seller's name is not cached either: the next rep gets their own.
        Assert.Equal("Aqui é {{owner_name}}.", LeadPlaceholders.Generalize("Aqui é Carla Dias.", null, seller: "Carla Dias"));
    }

    [Fact]
    public void Template_values_name_the_leads_facts_in_pt_BR_and_English_and_leave_unknown_ones_out()
    {
        var values = LeadPlaceholders.TemplateValues(Ana with { Product = "Kit 5 kWp", TemplateVariables = new Dictionary<string, string> { ["first_name"] = "Ana", ["value"] = "1.500,00" } }, "Carla");
        Assert.Equal(("Ana", "1.500,00", "Bruno Lima", "Negociação", "Kit 5 kWp"), (values["nome"], values["valor"], values["vendedor"], values["etapa"], values["produto"]));
        Assert.False(values.ContainsKey("data"));
    }
}
