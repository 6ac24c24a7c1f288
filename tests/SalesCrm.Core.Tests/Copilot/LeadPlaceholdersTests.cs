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
    [InlineData("{{first_name}}, ficou alguma dúvida?", "ficou alguma dúvida?")]
    public void Without_a_lead_a_placeholder_goes_with_its_comma(string text, string expected) =>
        Assert.Equal(expected, LeadPlaceholders.Fill(text, null));

    [Fact]
    public void A_cached_text_keeps_placeholders_instead_of_the_leads_name()
    {
        var generalized = LeadPlaceholders.Generalize("Ana Souza, obrigado! Ana, te mando amanhã. Anabela não.", Ana);
        Assert.Equal("{{lead_name}}, obrigado! {{first_name}}, te mando amanhã. Anabela não.", generalized);
    }
}
