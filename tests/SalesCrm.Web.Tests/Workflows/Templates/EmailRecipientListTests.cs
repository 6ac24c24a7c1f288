using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;

namespace SalesCrm.Web.Tests.Workflows.Templates;

/// <summary><c>send_email</c>'s <c>to</c> as a comma-separated list, as the weekly digest sends to every manager.</summary>
public sealed class EmailRecipientListTests(WorkflowIntegrationSqliteApp app) : IClassFixture<WorkflowIntegrationSqliteApp>
{
    private async Task<NodeRunner> RunnerAsync()
    {
        var owner = await app.RegisterAsync();
        var lead = await owner.CreateLeadAsync(new { name = "Ana Souza", email = "ana@cliente.example" });
        return await new NodeRunner(owner).ForLeadAsync((string)lead["id"]!);
    }

    [Fact]
    public async Task A_comma_separated_to_sends_one_e_mail_to_every_address_and_a_bad_address_in_the_list_fails_the_step()
    {
        app.UseSmtp(true);
        try
        {
            var runner = await RunnerAsync();
            var sent = await runner.RunAsync("send_email", new { to = "gestor@loja.example, dona@loja.example", subject = "Resumo", body = "Funil" });
            var refused = await (await RunnerAsync()).RunAsync("send_email", new { to = "gestor@loja.example, não é e-mail", subject = "Resumo", body = "Funil" });

            Assert.Equal("sent", (string?)sent.Output!["status"]);
            var mail = Assert.Single(app.Smtp.Received, m => m.To.Contains("gestor@loja.example"));
            Assert.Contains("dona@loja.example", mail.To);
            Assert.Contains("is not an e-mail address", refused.Error);
        }
        finally
        {
            app.UseSmtp(false);
        }
    }
}
