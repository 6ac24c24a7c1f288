using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.Leads;

/// <summary>CSV in and out as Brazilian teams use it: Excel pt-BR files, amounts in the workspace's culture, formula-safe exports.</summary>
public abstract class LeadCsvApiTests(CrmAppFactory app)
{
    private static byte[] Windows1252(string text) => CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(text);

    private static async Task<HttpResponseMessage> UploadAsync(Session owner, byte[] file)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(file), "file", "leads.csv" } };
        return await owner.Client.PostAsync("/api/v1/leads/import", form);
    }

    private static async Task<JsonNode> LeadNamedAsync(Session owner, string name) =>
        (await owner.GetJsonAsync($"/api/v1/leads?name=eq.{Uri.EscapeDataString(name)}"))["items"]!.AsArray().Single()!;

    [Fact]
    public async Task An_excel_pt_BR_windows_1252_semicolon_file_imports_accents_and_brazilian_amounts()
    {
        var owner = await app.RegisterAsync();
        var csv = "Nome;Telefone;Valor\r\n" +
                  "João Conceição;(11) 98765-4321;R$ 1.500\r\n" +
                  "Érica Gonçalves;(21) 99876-5432;1.500,00\r\n" +
                  "Ação Dois Milhões;(31) 99876-5432;2.000.000\r\n" +
                  "Cícero Centavos;(41) 99876-5432;R$ 1.234,56\r\n" +
                  "Simples;(51) 99876-5432;1500\r\n" +
                  "Sem Valor Legível;(61) 99876-5432;1,5 mil\r\n";
        var report = await (await UploadAsync(owner, Windows1252(csv))).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Windows-1252", (string?)report["encoding"]);
        Assert.Equal(";", (string?)report["delimiter"]);
        Assert.Equal(5, (int)report["created"]!);
        var error = report["errors"]!.AsArray().Single()!;
        Assert.Equal(7, (int)error["row"]!);
        Assert.Contains("1,5 mil", (string?)error["errors"]!["value"]![0]);

        var joao = await LeadNamedAsync(owner, "João Conceição");
        Assert.Equal("+5511987654321", (string?)joao["phone"]);
        Assert.Equal(1500m, (decimal)joao["value"]!);
        Assert.Equal(1500m, (decimal)(await LeadNamedAsync(owner, "Érica Gonçalves"))["value"]!);
        Assert.Equal(2000000m, (decimal)(await LeadNamedAsync(owner, "Ação Dois Milhões"))["value"]!);
        Assert.Equal(1234.56m, (decimal)(await LeadNamedAsync(owner, "Cícero Centavos"))["value"]!);
        Assert.Equal(1500m, (decimal)(await LeadNamedAsync(owner, "Simples"))["value"]!);
        Assert.DoesNotContain('\uFFFD', (await owner.GetJsonAsync("/api/v1/leads?limit=100")).ToJsonString());
    }

    [Fact]
    public async Task An_excel_file_starting_with_its_sep_line_imports_with_that_delimiter_and_row_numbers_of_the_file()
    {
        var owner = await app.RegisterAsync();
        var csv = "sep=;\r\nNome;Valor;Observação\r\nSepara Ponto;R$ 1.500,00;a, b, c\r\nSepara Erro;1,5 mil;x\r\n";
        var report = await (await UploadAsync(owner, Windows1252(csv))).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(";", (string?)report["delimiter"]);
        Assert.Equal(1, (int)report["created"]!);
        Assert.Equal(4, (int)report["errors"]!.AsArray().Single()!["row"]!); // the file's own line number
        Assert.Equal(1500m, (decimal)(await LeadNamedAsync(owner, "Separa Ponto"))["value"]!);
    }

    [Fact]
    public async Task A_windows_1252_file_with_an_undefined_byte_is_refused_and_imports_nothing()
    {
        var owner = await app.RegisterAsync();
        byte[] file = [.. Windows1252("Nome;Telefone\r\nIndefinido"), 0x81, .. Windows1252(";(11) 98765-4321\r\n")];
        var problem = await (await UploadAsync(owner, file)).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains("byte 0x81", (string?)problem["errors"]!["file"]![0]);
        Assert.Equal(0, (int)(await owner.GetJsonAsync("/api/v1/leads"))["total"]!);
    }

    [Fact]
    public async Task A_utf8_file_with_a_byte_order_mark_and_commas_imports_accents()
    {
        var owner = await app.RegisterAsync();
        var csv = "name,email,value\r\n\"Érica Gonçalves\",erica@x.com,\"R$ 1.234,56\"\r\n";
        var report = await (await UploadAsync(owner, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)])).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("UTF-8 (BOM)", (string?)report["encoding"]);
        Assert.Equal(",", (string?)report["delimiter"]);
        var erica = await LeadNamedAsync(owner, "Érica Gonçalves");
        Assert.Equal("erica@x.com", (string?)erica["email"]);
        Assert.Equal(1234.56m, (decimal)erica["value"]!);
    }

    [Fact]
    public async Task A_file_whose_accents_were_already_lost_is_refused_naming_the_encoding_and_nothing_is_imported()
    {
        var owner = await app.RegisterAsync();
        var garbled = Encoding.UTF8.GetBytes("name;phone\r\nJo\uFFFDo Concei\uFFFD\uFFFDo;11987654321\r\n");
        var problem = await (await UploadAsync(owner, garbled)).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Contains("UTF-8", (string?)problem["errors"]!["file"]![0]);
        Assert.Equal(0, (int)(await owner.GetJsonAsync("/api/v1/leads"))["total"]!);
    }

    [Fact]
    public async Task An_english_workspace_reads_american_amounts()
    {
        var owner = await app.RegisterAsync();
        await (await owner.Client.PatchAsJsonAsync("/api/v1/tenant", new { culture = "en" })).ExpectAsync(HttpStatusCode.OK);
        var report = await (await UploadAsync(owner, Encoding.UTF8.GetBytes("name,value\r\nBig Deal,\"$1,500.00\"\r\nSmall Deal,\"1,500\"\r\n"))).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(2, (int)report["created"]!);
        Assert.Equal(1500m, (decimal)(await LeadNamedAsync(owner, "Big Deal"))["value"]!);
        Assert.Equal(1500m, (decimal)(await LeadNamedAsync(owner, "Small Deal"))["value"]!);
    }

    [Fact]
    public async Task Export_neutralises_formula_cells_keeps_the_data_and_imports_back_unchanged()
    {
        var owner = await app.RegisterAsync();
        const string formula = "=HYPERLINK(\"http://evil.example\",\"Clique\")";
        var lead = await owner.CreateLeadAsync(new { name = formula, phone = "+5511987654321", company = "@empresa", email = "x@y.com", value = 1500 });
        var csv = await (await owner.Client.GetAsync("/api/v1/leads/export?format=csv")).Content.ReadAsStringAsync();
        Assert.Contains("'=HYPERLINK", csv);
        Assert.Contains("'+5511987654321", csv);
        Assert.Contains("'@empresa", csv);
        Assert.DoesNotContain(";=", csv);
        Assert.DoesNotContain(";+55", csv);
        var stored = await owner.GetJsonAsync($"/api/v1/leads/{lead["id"]}");
        Assert.Equal(formula, (string?)stored["name"]);
        Assert.Equal("+5511987654321", (string?)stored["phone"]);

        var again = await (await UploadAsync(owner, Encoding.UTF8.GetBytes(csv))).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(1, (int)again["unchanged"]!);

        var other = await app.RegisterAsync();
        var report = await (await UploadAsync(other, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.TrimStart('\uFEFF'))])).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(1, (int)report["created"]!);
        var copy = (await other.GetJsonAsync("/api/v1/leads"))["items"]![0]!;
        Assert.Equal(formula, (string?)copy["name"]);
        Assert.Equal("+5511987654321", (string?)copy["phone"]);
        Assert.Equal("@empresa", (string?)copy["company"]);
        Assert.Equal(1500m, (decimal)copy["value"]!);
    }

    [Fact]
    public async Task A_row_shifted_by_an_unquoted_separator_is_a_row_error_not_half_an_amount()
    {
        var owner = await app.RegisterAsync();
        var csv = "Nome,Telefone,Valor\r\nZa,11 91111-0010,1.500,00\r\nOk,11 91111-0011,\"1.500,00\"\r\nTr,11 91111-0012,1500,\r\n";
        var report = await (await UploadAsync(owner, Encoding.UTF8.GetBytes(csv))).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(2, (int)report["created"]!);
        Assert.Equal(1, (int)report["invalid"]!);
        var error = report["errors"]![0]!;
        Assert.Equal(2, (int)error["row"]!);
        Assert.Contains("4 cells for 3 columns", (string?)error["errors"]!["row"]![0]);
        Assert.Equal(1500m, (decimal)(await LeadNamedAsync(owner, "Ok"))["value"]!);
        Assert.Equal(1500m, (decimal)(await LeadNamedAsync(owner, "Tr"))["value"]!);
        Assert.Equal(0, (int)(await owner.GetJsonAsync("/api/v1/leads?name=eq.Za"))["total"]!);
    }

    [Fact]
    public async Task Export_follows_the_workspace_culture_as_excel_does_and_imports_back()
    {
        var owner = await app.RegisterAsync();
        await owner.CreateLeadAsync(new { name = "Conceição, Ltda", value = 1234.56 });
        var ptBr = (await (await owner.Client.GetAsync("/api/v1/leads/export?format=csv")).Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n");
        Assert.StartsWith("id;name;email;phone", ptBr[0]);
        Assert.Contains(";Conceição, Ltda;", ptBr[1]);
        Assert.Contains(";1234,56;", ptBr[1]);
        var comma = (await (await owner.Client.GetAsync("/api/v1/leads/export?format=csv&delimiter=comma")).Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n");
        Assert.StartsWith("id,name,email,phone", comma[0]);
        Assert.Contains(",\"Conceição, Ltda\",", comma[1]);
        Assert.Contains(",\"1234,56\",", comma[1]);
        var back = await app.RegisterAsync();
        await (await UploadAsync(back, Encoding.UTF8.GetBytes(string.Join("\r\n", comma)))).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(1234.56m, (decimal)(await LeadNamedAsync(back, "Conceição, Ltda"))["value"]!);
        await (await owner.Client.GetAsync("/api/v1/leads/export?format=csv&delimiter=pipe")).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");

        var other = await app.RegisterAsync();
        var report = await (await UploadAsync(other, Encoding.UTF8.GetBytes(string.Join("\r\n", ptBr)))).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(1, (int)report["created"]!);
        Assert.Equal(1234.56m, (decimal)(await LeadNamedAsync(other, "Conceição, Ltda"))["value"]!);

        await (await owner.Client.PatchAsJsonAsync("/api/v1/tenant", new { culture = "en" })).ExpectAsync(HttpStatusCode.OK);
        var en = (await (await owner.Client.GetAsync("/api/v1/leads/export?format=csv")).Content.ReadAsStringAsync()).TrimStart('\uFEFF');
        Assert.StartsWith("id,name,email,phone", en);
        Assert.Contains(",1234.56,", en);
    }

    [Theory]
    [InlineData("value=eq.abc")]
    [InlineData("nope=eq.1")]
    [InlineData("order=nope.asc")]
    [InlineData("created_at=gt.yesterday")]
    public async Task A_bad_export_filter_is_a_400_problem_before_any_csv_is_written(string filter)
    {
        var owner = await app.RegisterAsync();
        await owner.CreateLeadAsync(new { name = "Ana" });
        var response = await owner.Client.GetAsync($"/api/v1/leads/export?format=csv&{filter}");
        await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
    }

    [Fact]
    public async Task A_quote_that_never_closes_refuses_the_file_naming_its_line_and_imports_nothing()
    {
        var owner = await app.RegisterAsync();
        var csv = "Nome;Telefone;Empresa\r\n\"Ana Aspas;11987652001;Loja\r\nBeto Normal;11987652002;Loja B\r\nCida Normal;11987652003;Loja C\r\n";
        var problem = await (await UploadAsync(owner, Encoding.UTF8.GetBytes(csv))).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.StartsWith("line 2: a quote opens here and is never closed", (string?)problem["errors"]!["file"]![0]);
        Assert.Equal(0, (int)(await owner.GetJsonAsync("/api/v1/leads"))["total"]!);
    }

    [Fact]
    public async Task Excel_notes_with_line_breaks_and_doubled_quotes_import_as_notes_and_later_rows_keep_their_lines()
    {
        var owner = await app.RegisterAsync();
        var csv = "Nome;Telefone;Observações\r\n" +
                  "Ana Nota;11987652011;\"Ligar de manhã\r\nfalar com \"\"Dona\"\" Maria\"\r\n" +
                  "Beto Nota;11987652012;\r\n" +
                  "Cida Valor;11987652013;\"sem\r\nvalor\"\r\n" +
                  ";;órfã\r\n";
        var report = await (await UploadAsync(owner, Windows1252(csv))).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(3, (int)report["created"]!);
        Assert.Equal(7, (int)report["errors"]!.AsArray().Single()!["row"]!); // the file's line, after two notes of two lines
        var ana = await LeadNamedAsync(owner, "Ana Nota");
        var notes = (await owner.GetJsonAsync($"/api/v1/leads/{ana["id"]}/interactions"))["items"]!.AsArray();
        Assert.Contains(notes, n => (string?)n!["type"] == "note" && (string?)n["text"] == "Ligar de manhã\r\nfalar com \"Dona\" Maria");

        var again = await (await UploadAsync(owner, Windows1252(csv))).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(3, (int)again["unchanged"]!); // the same note is not written twice
        var after = (await owner.GetJsonAsync($"/api/v1/leads/{ana["id"]}/interactions"))["items"]!.AsArray();
        Assert.Single(after, n => ((string?)n!["text"])?.StartsWith("Ligar de manhã") == true);
    }

    [Fact]
    public async Task Usual_pt_BR_titles_import_their_values_and_every_column_left_out_is_a_warning()
    {
        var owner = await app.RegisterAsync();
        var csv = "Nome Completo;Telefone Celular;Email;Valor (R$);Observações;Cidade\r\n" +
                  "Pedro Álvares;(11) 98765-3333;pedro@example.com;R$ 3.000,00;cliente bom;Curitiba\r\n";
        var report = await (await UploadAsync(owner, Windows1252(csv))).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(1, (int)report["created"]!);
        var header = report["warnings"]!.AsArray().Single()!;
        Assert.Equal(1, (int)header["row"]!);
        Assert.Equal(["no field to import it into"], header["warnings"]!["Cidade"]!.AsArray().Select(w => (string?)w));
        Assert.Single(header["warnings"]!.AsObject());

        var pedro = await LeadNamedAsync(owner, "Pedro Álvares");
        Assert.Equal("+5511987653333", (string?)pedro["phone"]);
        Assert.Equal("pedro@example.com", (string?)pedro["email"]);
        Assert.Equal(3000m, (decimal)pedro["value"]!);
        var timeline = (await owner.GetJsonAsync($"/api/v1/leads/{pedro["id"]}/interactions"))["items"]!.AsArray();
        Assert.Contains(timeline, n => (string?)n!["type"] == "note" && (string?)n["text"] == "cliente bom");
    }

    [Fact]
    public async Task Duplicate_titles_keep_the_first_column_and_the_report_says_so()
    {
        var owner = await app.RegisterAsync();
        var report = await (await UploadAsync(owner, "Nome;Nome;Telefone\nPrimeiro Nome;Segundo Nome;11987652021\n"u8.ToArray())).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(1, (int)report["created"]!);
        Assert.Equal(1, (int)(await owner.GetJsonAsync("/api/v1/leads?name=eq.Primeiro%20Nome"))["total"]!);
        var warning = (string?)report["warnings"]!.AsArray().Single()!["warnings"]!["Nome"]![0];
        Assert.Equal("column 2 also maps to name, which column 1 (Nome) fills: the first is kept, this one is not imported", warning);
    }

    [Fact]
    public async Task A_mapping_can_leave_a_column_out_and_a_responsavel_column_may_name_the_member()
    {
        var owner = await app.RegisterAsync();
        var email = Api.UniqueEmail("carla");
        await (await owner.Client.PostAsJsonAsync("/api/v1/members", new { email, role_id = await owner.RoleIdAsync("sales_rep"), name = "Carla Souza", password = Api.Password }))
            .ExpectAsync(HttpStatusCode.Created);
        var form = new MultipartFormDataContent
        {
            { new ByteArrayContent("Nome;Empresa;Responsável\nLeo Mapa;Loja X;carla souza\n"u8.ToArray()), "file", "leads.csv" },
            { new StringContent("""{"Empresa": ""}"""), "mapping" },
        };
        var report = await (await owner.Client.PostAsync("/api/v1/leads/import", form)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(1, (int)report["created"]!);
        Assert.Equal("left out by the mapping", (string?)report["warnings"]![0]!["warnings"]!["Empresa"]![0]);
        var leo = await LeadNamedAsync(owner, "Leo Mapa");
        Assert.Null((string?)leo["company"]);
        Assert.Equal("Carla Souza", (string?)leo["owner_name"]);
    }

    [Theory]
    [InlineData("select=id,nope", "select", "Unknown fields: nope.")]
    [InlineData("limit=-1", "limit", null)]
    [InlineData("limit=0", "limit", null)]
    [InlineData("limit=10001", "limit", null)]
    [InlineData("limit=abc", "limit", "'abc' is not a whole number.")]
    [InlineData("offset=-1", "offset", "must be zero or more.")]
    [InlineData("select=", "select", "names no fields.")]
    public async Task Export_refuses_every_parameter_the_list_refuses_before_writing_any_csv(string query, string field, string? message)
    {
        var owner = await app.RegisterAsync();
        await owner.CreateLeadAsync(new { name = "Ana" });
        var list = await (await owner.Client.GetAsync($"/api/v1/leads?{query}")).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        var export = await (await owner.Client.GetAsync($"/api/v1/leads/export?format=csv&{query}")).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.NotNull(list["errors"]![field]);
        // The same message, but for the cap: an export page may hold as many leads as one import accepts.
        Assert.Equal(message ?? "must be between 1 and 10000.", (string?)export["errors"]![field]![0]);
    }

    [Fact]
    public async Task Export_select_chooses_the_columns_in_order_and_limit_and_offset_page_it()
    {
        var owner = await app.RegisterAsync();
        for (var i = 1; i <= 3; i++) await owner.CreateLeadAsync(new { name = $"Lead {i}", phone = $"+551198765400{i}", value = 1000 + i });
        async Task<string[]> ExportAsync(string query) =>
            (await (await owner.Client.GetAsync($"/api/v1/leads/export?format=csv&order=name.asc&{query}")).Content.ReadAsStringAsync()).TrimStart('\uFEFF').TrimEnd().Split("\r\n");

        Assert.Equal(["name;phone;value", "Lead 1;'+5511987654001;1001", "Lead 2;'+5511987654002;1002"], await ExportAsync("select=name,phone,value&limit=2"));
        Assert.Equal(["value;name", "1003;Lead 3"], await ExportAsync("select=value,name&limit=2&offset=2"));
        Assert.Equal(4, (await ExportAsync("")).Length);
        Assert.Equal(["name", "Lead 2", "Lead 3"], await ExportAsync("select=name&offset=1"));
        var all = await ExportAsync("select=*&limit=1");
        Assert.Equal(2, all.Length);
        Assert.Contains("phone_raw", all[0].Split(';'));
        Assert.Contains("custom_fields", all[0].Split(';'));
    }

    [Fact]
    public async Task An_import_row_that_matches_a_lead_is_logged_as_captured_again_with_a_lead_updated_event_like_the_api()
    {
        var owner = await app.RegisterAsync();
        var lead = await owner.CreateLeadAsync(new { name = "Maria Existente", phone = "+5511987650001" });
        var id = (string)lead["id"]!;
        var report = await (await UploadAsync(owner, "name,phone,company\nMaria da Planilha,+5511987650001,Acme\n"u8.ToArray())).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(0, (int)report["created"]!);
        Assert.Equal(1, (int)report["updated"]!);

        var merged = await owner.GetJsonAsync($"/api/v1/leads/{id}");
        Assert.Equal("Maria Existente", (string?)merged["name"]);
        Assert.Equal("Acme", (string?)merged["company"]);
        var timeline = (await owner.GetJsonAsync($"/api/v1/leads/{id}/interactions"))["items"]!.AsArray();
        Assert.Contains(timeline, i => (string?)i!["text"] == "Captured again from import.");
        var updates = (await owner.GetJsonAsync("/api/v1/events?type=eq.lead.updated&limit=100"))["items"]!.AsArray();
        Assert.Single(updates, e => (string?)e!["lead_id"] == id);
    }

    [Fact]
    public async Task An_import_through_an_api_key_without_an_owner_column_assigns_round_robin_like_the_api()
    {
        var owner = await app.RegisterAsync();
        var rep1 = await owner.AddMemberAsync("sales_rep");
        var rep2 = await owner.AddMemberAsync("sales_rep");
        var client = await owner.LeadsApiKeyClientAsync("planilhas");
        var form = new MultipartFormDataContent { { new ByteArrayContent("name\nImport 0\nImport 1\nImport 2\nImport 3\n"u8.ToArray()), "file", "leads.csv" } };
        var report = await (await client.PostAsync("/api/v1/leads/import", form)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(4, (int)report["created"]!);

        var owners = new List<string?>();
        for (var i = 0; i < 4; i++) owners.Add((string?)(await LeadNamedAsync(owner, $"Import {i}"))["owner_id"]);
        Assert.Equal(2, owners.Count(o => o == rep1.UserId.ToString()));
        Assert.Equal(2, owners.Count(o => o == rep2.UserId.ToString()));
        Assert.NotEqual(owners[0], owners[1]);
    }
}

public sealed class LeadCsvApiTestsOnSqlite(SqliteApp app) : LeadCsvApiTests(app), IClassFixture<SqliteApp>;

public sealed class LeadCsvApiTestsOnPostgres(PostgresApp app) : LeadCsvApiTests(app), IClassFixture<PostgresApp>;
