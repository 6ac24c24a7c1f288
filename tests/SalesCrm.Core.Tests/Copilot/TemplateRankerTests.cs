using SalesCrm.Core.Copilot;
using SalesCrm.Core.Messaging;

namespace SalesCrm.Core.Tests.Copilot;

public class TemplateRankerTests
{
    private static MessageTemplate Template(string name, string body) => new() { Name = name, Body = body };

    [Fact]
    public void Templates_rank_by_intent_and_stage_words_and_past_reply_rate()
    {
        var followUp = Template("retomar_contato", "Olá, {{first_name}}! Podemos retomar nossa conversa?");
        var proposal = Template("proposta_enviada", "Olá, {{first_name}}! Conseguiu ver a proposta de {{value}}?");
        var variables = new Dictionary<string, string> { ["first_name"] = "Ana", ["value"] = "1.500,00" };
        var rates = new Dictionary<Guid, double>();

        var forFollowUp = TemplateRanker.Rank([proposal, followUp], rates, CopilotIntent.FollowUp, "Novo", null, variables);
        Assert.Equal(["retomar_contato", "proposta_enviada"], forFollowUp.Select(t => t.Name));
        Assert.Equal("Olá, Ana! Podemos retomar nossa conversa?", forFollowUp[0].Text);

        var inProposal = TemplateRanker.Rank([followUp, proposal], rates, CopilotIntent.Closing, "Proposta", null, variables);
        Assert.Equal("proposta_enviada", inProposal[0].Name);
        Assert.Equal("Olá, Ana! Conseguiu ver a proposta de 1.500,00?", inProposal[0].Text);

        // A template customers answer far more often wins when the words say little.
        var plain = Template("oi", "Oi {{first_name}}");
        var answered = Template("ola", "Olá {{first_name}}");
        var byRate = TemplateRanker.Rank([plain, answered], new Dictionary<Guid, double> { [plain.Id] = 0.05, [answered.Id] = 0.8 }, CopilotIntent.FreeText, null, null, variables);
        Assert.Equal("ola", byRate[0].Name);
        Assert.Equal(0.8, byRate[0].ReplyRate);
    }

    [Fact]
    public void A_variable_the_lead_cannot_fill_stays_marked_and_is_listed_for_the_rep()
    {
        var reminder = Template("lembrete_reuniao", "Olá, {{nome}}! Lembrando da nossa conversa marcada para {{data}}. Confirma o horário?");
        var values = new Dictionary<string, string> { ["first_name"] = "Ana", ["nome"] = "Ana" };
        var ranked = TemplateRanker.Rank([reminder], new Dictionary<Guid, double>(), CopilotIntent.FollowUp, null, null, values).Single();
        Assert.Equal("Olá, Ana! Lembrando da nossa conversa marcada para {{data}}. Confirma o horário?", ranked.Text);
        Assert.Equal(["data"], ranked.Missing);
    }
}
