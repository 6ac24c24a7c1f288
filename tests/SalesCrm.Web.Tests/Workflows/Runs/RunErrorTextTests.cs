using Microsoft.Extensions.Localization;
using SalesCrm.Web.Features.Workflows.Runs;
using SalesCrm.Web.Tests.Components;

namespace SalesCrm.Web.Tests.Workflows.Runs;

/// <summary>Errors the engine stores in English read in the reader's language on the run page (issue 19's try-out saw English in pt-BR).</summary>
public sealed class RunErrorTextTests
{
    private static string Message(string culture, string stored)
    {
        using var _ = new CultureScope(culture);
        return RunErrorText.Message(ResourceLocalizer.Of<WorkflowRunsResource>(), stored);
    }

    [Theory]
    [InlineData("Outside WhatsApp's 24-hour customer service window: send an approved template instead.",
        "Fora da janela de 24 horas do WhatsApp: o lead não escreve há mais de 24 horas, então só um modelo aprovado pode ser enviado.")]
    [InlineData("CONFLICT: Outside WhatsApp's 24-hour customer service window: send an approved template instead.",
        "Fora da janela de 24 horas do WhatsApp: o lead não escreve há mais de 24 horas, então só um modelo aprovado pode ser enviado.")]
    [InlineData("Workflow '0b6f2c1e-0000-4000-8000-000000000001' cannot be started: The workflow is not active or has no published version; publish or activate it first.",
        "A automação chamada (0b6f2c1e-0000-4000-8000-000000000001) não pode ser iniciada: A automação está desligada ou não tem versão publicada; publique-a ou ative-a antes.")]
    [InlineData("The workflow is no longer active or has no published version.", "A automação está desligada ou não tem versão publicada; publique-a ou ative-a antes.")]
    [InlineData("add_tag needs a lead: the run has none.", "O passo add_tag precisa de um lead, e esta execução não tem lead.")]
    [InlineData("send_whatsapp needs a run about a lead.", "O passo send_whatsapp precisa de um lead, e esta execução não tem lead.")]
    [InlineData("Lead '0b6f2c1e-0000-4000-8000-000000000001' no longer exists.", "O lead desta execução foi excluído.")]
    [InlineData("The e-mail could not be sent: No SMTP server is configured (Email:Smtp:Host).", "O e-mail não pôde ser enviado: Nenhum servidor SMTP configurado (Email:Smtp:Host).")]
    [InlineData("The SMTP server refused the e-mail: 550 5.1.1 User unknown", "O servidor SMTP recusou o e-mail: 550 5.1.1 User unknown")]
    [InlineData("POST https://erp.example.com/hook failed after 3 attempt(s): Connection refused", "POST https://erp.example.com/hook falhou após 3 tentativas: Connection refused")]
    [InlineData("POST https://erp.example.com/hook failed after 1 attempt(s): Connection refused", "POST https://erp.example.com/hook falhou após 1 tentativa: Connection refused")]
    [InlineData("GET https://erp.example.com/x answered 503 after 2 attempt(s).", "GET https://erp.example.com/x respondeu 503 após 2 tentativas.")]
    [InlineData("No member to assign: set user_id (or add sales reps for round robin).", "Ninguém para atribuir: escolha um usuário (ou adicione vendedores para o rodízio).")]
    [InlineData("'ana@' is not an e-mail address.", "“ana@” não é um endereço de e-mail.")]
    [InlineData("Loop guard: this workflow was started again for the same lead by its own actions more than 5 times in a row; the chain stops here.",
        "Proteção contra repetição: as ações desta automação a iniciaram de novo para o mesmo lead mais de 5 vezes seguidas; a cadeia para aqui.")]
    [InlineData("One or more fields are invalid. lead has no phone number.", "O lead não tem telefone para o WhatsApp.")]
    [InlineData("VALIDATION_ERROR: lead has no phone number.", "O lead não tem telefone para o WhatsApp.")]
    [InlineData("One or more fields are invalid. template_id is not approved for sending.", "Dados recusados: template_id is not approved for sending.")]
    [InlineData("stage_id is required.", "Falta a configuração “stage_id” neste passo.")]
    [InlineData("HttpRequestException: something nobody planned for", "HttpRequestException: something nobody planned for")]
    [InlineData("NOT_FOUND: something nobody planned for", "NOT_FOUND: something nobody planned for")]
    public void A_stored_error_reads_in_portuguese(string stored, string expected) => Assert.Equal(expected, Message("pt-BR", stored));

    [Fact]
    public void A_stored_error_reads_in_english_for_english_readers()
    {
        Assert.Equal("Outside WhatsApp's 24-hour window: the lead has not written in the last 24 hours, so only an approved template can be sent.",
            Message("en", "CONFLICT: Outside WhatsApp's 24-hour customer service window: send an approved template instead."));
        Assert.Equal("GET https://x.example/a answered 500 after 1 attempt.", Message("en", "GET https://x.example/a answered 500 after 1 attempt(s)."));
    }
}
