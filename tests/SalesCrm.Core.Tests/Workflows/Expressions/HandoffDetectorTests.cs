using SalesCrm.Core.Workflows.Expressions;

namespace SalesCrm.Core.Tests.Workflows.Expressions;

public class HandoffDetectorTests
{
    [Theory]
    [InlineData("atendente")]
    [InlineData("ATENDENTE!!")]
    [InlineData("Atendênte")]
    [InlineData("quero falar com um humano")]
    [InlineData("Humano por favor")]
    [InlineData("posso falar com uma pessoa?")]
    [InlineData("Quero falar com alguém")]
    [InlineData("atendimento humano")]
    [InlineData("chama o vendedor, quero falar com o vendedor")]
    [InlineData("já respondi 3 vezes, me passa pra um atendente")]
    [InlineData("talk to a person please")]
    public void Asking_for_a_person_hands_off(string message) => Assert.True(HandoffDetector.IsHandoffRequest(message));

    [Theory]
    [InlineData("não precisa de atendente, pode continuar")]
    [InlineData("sem atendente")]
    [InlineData("São Paulo")]
    [InlineData("humanidade")]
    [InlineData("atendentes de call center são chatos")]
    [InlineData("350")]
    [InlineData("")]
    [InlineData(null)]
    public void Other_messages_do_not_hand_off(string? message) => Assert.False(HandoffDetector.IsHandoffRequest(message));

    [Fact]
    public void A_workspace_keyword_hands_off() =>
        Assert.True(HandoffDetector.IsHandoffRequest("Quero o SUPORTE", ["suporte"]));

    [Fact]
    public void A_huge_message_is_not_scanned() =>
        Assert.False(HandoffDetector.IsHandoffRequest(new string('a', 5000) + " atendente"));
}
