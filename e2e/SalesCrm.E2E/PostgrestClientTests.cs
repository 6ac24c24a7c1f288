using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;

namespace SalesCrm.E2E;

/// <summary>
/// The official PostgREST client (@supabase/postgrest-js, e2e/postgrest-client) against /rest/v1 on a real port:
/// every builder method an integrator reaches for must mean what it means on PostgREST.
/// </summary>
public abstract class PostgrestClientTests(RealPortApp server)
{
    private static readonly string ClientFolder = Path.Combine(RepoPaths.Root, "e2e", "postgrest-client");

    [Fact]
    public async Task The_postgrest_js_client_filters_orders_pages_counts_and_fetches_single_rows()
    {
        var owner = await server.App.RegisterAsync();
        var stages = await owner.StagesAsync();
        var joao = await owner.CreateLeadAsync(new { name = "JOÃO DA SILVA", company = "Padaria São João", value = 1000, tags = new[] { "vip" } });
        await owner.CreateLeadAsync(new { name = "Érica Gonçalves", company = "Acme", value = 500 });
        await owner.CreateLeadAsync(new { name = "ana souza" });
        await owner.CreateLeadAsync(new { name = "Ana Paula", company = "null", value = 10 });
        await owner.CreateLeadAsync(new { name = "Silva, Pedro (filho)", company = "Say \"hi\"" });
        await (await owner.Client.PatchAsJsonAsync($"/api/v1/leads/{joao["id"]}/stage", new { stage_id = stages["Perdido"], lost_reason = "prazo" })).ExpectAsync(HttpStatusCode.OK);

        var result = await RunClientAsync(owner.AccessToken);

        Assert.Equal(["Ana Paula"], Names(result["eq"]));
        Assert.Equal(["Ana Paula", "JOÃO DA SILVA", "Silva, Pedro (filho)"], Names(result["neq"]));
        Assert.Equal(["JOÃO DA SILVA", "Érica Gonçalves"], Names(result["gt"]));
        Assert.Equal(["Silva, Pedro (filho)", "ana souza"], Names(result["in"]));
        Assert.Equal(["ana souza"], Names(result["is"]));
        Assert.Equal(["JOÃO DA SILVA"], Names(result["ilike"]));
        Assert.Equal(["Ana Paula"], Names(result["like"]));
        Assert.Equal(["JOÃO DA SILVA", "Érica Gonçalves"], Names(result["order"]));
        Assert.Equal(["Érica Gonçalves", "Ana Paula"], Names(result["range"]));
        Assert.Equal(["JOÃO DA SILVA"], Names(result["limit"]));
        Assert.Equal(["Érica Gonçalves"], Names(result["match"]));
        Assert.Equal(["JOÃO DA SILVA"], Names(result["contains"]));
        Assert.Equal(["Ana Paula", "Érica Gonçalves"], Names(result["or"]));
        Assert.Equal(["ana souza", "Érica Gonçalves"], Names(result["orNested"]));
        Assert.Equal(["Ana Paula", "Érica Gonçalves"], Names(result["notOr"]));
        Assert.Null((string?)result["nullsFirst"]![0]);
        Assert.Equal("Acme", (string?)result["nullsFirst"]![1]);
        Assert.Equal(["JOÃO DA SILVA", "Silva, Pedro (filho)"], Names(result["fts"]));
        Assert.Equal(["JOÃO DA SILVA"], Names(result["plfts"]));
        Assert.Equal(["JOÃO DA SILVA"], Names(result["phfts"]));
        Assert.Equal(["Silva, Pedro (filho)", "Érica Gonçalves"], Names(result["wfts"]));
        Assert.Equal(5, (int)result["count"]!["count"]!);
        Assert.Equal(2, (int)result["count"]!["rows"]!);
        Assert.Equal(5, (int)result["head"]!["count"]!);
        Assert.Null(result["head"]!["data"]);
        Assert.True((bool)result["star"]!);
        Assert.Equal("Ana Paula", (string?)result["single"]!["name"]);
        Assert.Equal(406, (int)result["singleOfMany"]!["status"]!);
        Assert.Equal(["Perdido"], Names(result["stages"]));
        Assert.Equal(5, (int)result["events"]!);
    }

    private static string[] Names(JsonNode? node) =>
        node is JsonArray array ? array.Select(n => (string)n!).ToArray() : throw new Xunit.Sdk.XunitException($"not a list of names: {node?.ToJsonString()}");

    private async Task<JsonNode> RunClientAsync(string token)
    {
        if (!Directory.Exists(Path.Combine(ClientFolder, "node_modules", "@supabase", "postgrest-js")))
            Assert.Equal(0, (await RunAsync("npm", "ci --no-audit --no-fund")).Code);
        var (code, output, error) = await RunAsync("node", $"check.mjs {server.BaseUrl} {token}");
        Assert.True(code == 0, $"node exited {code}: {error}");
        return JsonNode.Parse(output) ?? throw new InvalidOperationException("The client printed nothing.");
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(string file, string arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { WorkingDirectory = ClientFolder, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}

public sealed class PostgrestClientTestsOnSqlite(SqliteRealPortApp server) : PostgrestClientTests(server), IClassFixture<SqliteRealPortApp>;

public sealed class PostgrestClientTestsOnPostgres(PostgresRealPortApp server) : PostgrestClientTests(server), IClassFixture<PostgresRealPortApp>;
