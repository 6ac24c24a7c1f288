using SalesCrm.Core.Workflows.Runs;
using SalesCrm.Web.Features.Workflows;
using SalesCrm.Web.Features.Workflows.Runs;
using SalesCrm.Web.Tests.Components;

namespace SalesCrm.Web.Tests.Workflows.Runs;

/// <summary>A waiting run's banner reads in the reader's language whatever words the engine stored for the wait.</summary>
public class RunWaitingTextTests
{
    private static readonly DateTime Until = new(2026, 12, 6, 13, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("pt-BR", "whatsapp.received", "resposta do lead à pergunta \"Qual o seu nome?\"", "Aguardando a resposta do lead à pergunta “Qual o seu nome?” até 06/12/2026 10:00.")]
    [InlineData("en", "whatsapp.received", "resposta do lead à pergunta \"Qual o seu nome?\"", "Waiting for the lead's reply to “Qual o seu nome?” until 12/6/2026 10:00\u202fAM.")]
    [InlineData("pt-BR", null, "delay until 06/12/2026 10:00", "Aguardando o horário até 06/12/2026 10:00.")]
    [InlineData("en", null, "delay until 06/12/2026 10:00", "Waiting for the time until 12/6/2026 10:00\u202fAM.")]
    [InlineData("pt-BR", "deal.won", "deal.won until 06/12/2026 10:00", "Aguardando o evento deal.won até 06/12/2026 10:00.")]
    public void The_wait_reads_in_the_readers_language(string culture, string? eventType, string description, string expected)
    {
        using var _ = new CultureScope(culture);
        var r = ResourceLocalizer.Of<WorkflowRunsResource>();
        Assert.Equal(expected, RunWaitingText.For(r, new WorkflowRunWaitingDto(Until, eventType, description), utc => utc.AddHours(-3)));
    }
}
