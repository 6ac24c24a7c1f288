using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.Reports;

/// <summary>
/// <c>/reports</c> is prerendered with the open tab's charts (ADR 056): the first paint shows the figures, and the report rides
/// to the circuit in the page's persisted component state instead of being queried again. (That the circuit then starts with
/// it — the communication report is past SignalR's default message size — is the e2e reports journey's part.)
/// </summary>
public sealed class ReportsPrerenderTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static readonly WebApplicationFactoryClientOptions NoJar = new() { AllowAutoRedirect = false, HandleCookies = false };

    [Theory]
    [InlineData("pipeline", "chart-pipeline-count")]
    [InlineData("leads", "chart-leads-groups")]
    [InlineData("communication", "chart-comm-")]
    [InlineData("team", "chart-team-value")]
    [InlineData("forecast", "chart-forecast-")]
    public async Task The_first_paint_of_a_report_tab_carries_its_charts_and_hands_the_report_to_the_circuit(string tab, string chart)
    {
        var owner = await app.RegisterAsync();
        var client = app.CreateClient(NoJar);
        var cookie = await CookieSignIn.SignInAsync(client, client, owner.Email, Api.Password);

        var page = await CookieSignIn.GetAsync(client, $"/reports/{tab}", cookie);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains($"data-testid=\"{chart}", html);
        Assert.Contains("Blazor-Server-Component-State:", html);
    }
}
