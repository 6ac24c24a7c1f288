using System.Text.Json.Nodes;
using SalesCrm.Core.Workflows.Expressions;

namespace SalesCrm.Core.Tests.Workflows.Expressions;

public class AnswerValidatorTests
{
    // Thursday 3 December 2026, 10:00 in São Paulo.
    private static readonly AnswerContext Context = new() { NowUtc = new DateTime(2026, 12, 3, 13, 0, 0, DateTimeKind.Utc) };

    private static AnswerResult Check(AnswerType type, string? reply, AnswerContext? context = null, string? buttonId = null) =>
        AnswerValidator.Validate(type, reply, context ?? Context, buttonId);

    private static string? Value(AnswerType type, string reply, AnswerContext? context = null) =>
        Check(type, reply, context) is { IsValid: true } r ? (r.Value is JsonValue v && v.TryGetValue(out string? text) ? text : r.Value!.ToJsonString()) : null;

    [Theory]
    [InlineData("Maria", "Maria")]
    [InlineData("  maria da silva  ", "Maria da Silva")]
    [InlineData("JOÃO PEDRO", "João Pedro")]
    [InlineData("meu nome é Ana Beatriz", "Ana Beatriz")]
    [InlineData("Meu nome e ana", "Ana")]
    [InlineData("me chamo José Antônio.", "José Antônio")]
    [InlineData("Oi, sou a Fernanda!", "Fernanda")]
    [InlineData("Boa tarde! Meu nome é Luíza Gonçalves", "Luíza Gonçalves")]
    [InlineData("é o Carlos", "Carlos")]
    [InlineData("Nome: Ítalo", "Ítalo")]
    [InlineData("Ana-Clara d'Ávila", "Ana-Clara d'Ávila")]
    [InlineData("Souza", "Souza")]
    [InlineData("Sou Eva", "Eva")]
    [InlineData("my name is John McDonald", "John McDonald")]
    [InlineData("Ana, prazer!", "Ana")]
    [InlineData("Carla aqui", "Carla")]
    [InlineData("oi! é a Bia, tudo bem?", "Bia")]
    [InlineData("Pedro\nvi o anúncio", "Pedro")]
    public void A_name_is_trimmed_of_introductions_and_its_case_fixed(string reply, string expected) =>
        Assert.Equal(expected, Value(AnswerType.Name, reply));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("A")]
    [InlineData("sim")]
    [InlineData("Não")]
    [InlineData("ok")]
    [InlineData("bom dia")]
    [InlineData("12345")]
    [InlineData("maria123")]
    [InlineData("maria@example.com")]
    [InlineData("😀😀")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("Robert'); DROP TABLE leads;--")]
    [InlineData("{{lead.name}}")]
    [InlineData("um dois três quatro cinco seis sete oito")]
    public void Text_that_is_not_a_name_is_refused(string reply) =>
        Assert.False(Check(AnswerType.Name, reply).IsValid);

    [Theory]
    [InlineData("maria@example.com", "maria@example.com")]
    [InlineData("  Maria.Silva@Example.COM ", "maria.silva@example.com")]
    [InlineData("meu email é joao@empresa.com.br.", "joao@empresa.com.br")]
    [InlineData("<ana@x.io>", "ana@x.io")]
    [InlineData("mailto:ana@x.io", "ana@x.io")]
    public void An_email_is_found_in_the_reply_and_lower_cased(string reply, string expected) =>
        Assert.Equal(expected, Value(AnswerType.Email, reply));

    [Theory]
    [InlineData("maria")]
    [InlineData("maria@")]
    [InlineData("@example.com")]
    [InlineData("maria@example")]
    [InlineData("maria@@example.com")]
    [InlineData("não tenho email")]
    public void An_invalid_email_is_refused(string reply)
    {
        var result = Check(AnswerType.Email, reply);
        Assert.False(result.IsValid);
        Assert.Equal("invalid_email", result.Reason);
    }

    [Theory]
    [InlineData("(11) 98888-7777", "+5511988887777")]
    [InlineData("11988887777", "+5511988887777")]
    [InlineData("meu número é 11 98888 7777", "+5511988887777")]
    [InlineData("+55 21 99876-5432", "+5521998765432")]
    [InlineData("021 21 99876-5432", "+5521998765432")]
    [InlineData("+1 415 555 2671", "+14155552671")]
    [InlineData("11 8888-7777", "+5511988887777")] // old spelling without the ninth digit
    public void A_phone_becomes_e164_in_the_workspace_region(string reply, string expected) =>
        Assert.Equal(expected, Value(AnswerType.Phone, reply));

    [Theory]
    [InlineData("123")]
    [InlineData("não sei")]
    [InlineData("00000000000")]
    [InlineData("99999999999999999999999")]
    public void An_invalid_phone_is_refused(string reply) => Assert.Equal("invalid_phone", Check(AnswerType.Phone, reply).Reason);

    [Fact]
    public void A_phone_is_read_in_the_given_region() =>
        Assert.Equal("+351912345678", Value(AnswerType.Phone, "912 345 678", Context with { Region = "PT" }));

    [Theory]
    [InlineData("350", "350")]
    [InlineData("R$ 350", "350")]
    [InlineData("R$350,00", "350")]
    [InlineData("350 reais", "350")]
    [InlineData("uns 350 reais por mês", "350")]
    [InlineData("1.234,56", "1234.56")]
    [InlineData("1,234.56", "1234.56")]
    [InlineData("1.500", "1500")]
    [InlineData("2 mil", "2000")]
    [InlineData("1,5 mil", "1500")]
    [InlineData("2k", "2000")]
    [InlineData("mil reais", "1000")]
    [InlineData("1 milhão", "1000000")]
    [InlineData("-5", "-5")]
    [InlineData("350 350", "350")]
    public void A_number_is_read_from_brazilian_and_english_writing(string reply, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Check(AnswerType.Number, reply).Value!.GetValue<decimal>());

    [Theory]
    [InlineData("não sei", "invalid_number")]
    [InlineData("muito", "invalid_number")]
    [InlineData("entre 300 e 400", "ambiguous_number")]
    [InlineData("1.50.0", "invalid_number")]
    public void Text_without_one_clear_number_is_refused(string reply, string reason) =>
        Assert.Equal(reason, Check(AnswerType.Number, reply).Reason);

    [Fact]
    public void A_number_outside_the_range_is_refused()
    {
        var range = Context with { Min = 0, Max = 100_000 };
        Assert.Equal("out_of_range", Check(AnswerType.Number, "-5", range).Reason);
        Assert.Equal("out_of_range", Check(AnswerType.Number, "200 mil", range).Reason);
        Assert.True(Check(AnswerType.Number, "100 mil", range).IsValid);
    }

    [Theory]
    [InlineData("03/12/2026", "2026-12-03")]
    [InlineData("3/12/26", "2026-12-03")]
    [InlineData("25/12", "2026-12-25")]
    [InlineData("10/01", "2027-01-10")] // already passed this year: next year
    [InlineData("3-12", "2026-12-03")]
    [InlineData("2027-02-28", "2027-02-28")]
    [InlineData("hoje", "2026-12-03")]
    [InlineData("Amanhã", "2026-12-04")]
    [InlineData("pode ser amanha de manhã", "2026-12-04")]
    [InlineData("depois de amanhã", "2026-12-05")]
    [InlineData("ontem", "2026-12-02")]
    [InlineData("dia 20 de dezembro", "2026-12-20")]
    [InlineData("15 de março de 2027", "2027-03-15")]
    [InlineData("5 jan", "2027-01-05")]
    [InlineData("daqui a 3 dias", "2026-12-06")]
    [InlineData("em 10 dias", "2026-12-13")]
    [InlineData("sexta", "2026-12-04")]
    [InlineData("segunda-feira", "2026-12-07")]
    [InlineData("quinta", "2026-12-10")] // said on a Thursday: next week's
    [InlineData("Sábado de manhã", "2026-12-05")]
    [InlineData("sexta, 11/12", "2026-12-11")]
    public void A_date_is_read_from_brazilian_writing(string reply, string expected) =>
        Assert.Equal(expected, Value(AnswerType.Date, reply));

    [Fact]
    public void A_past_date_without_a_year_stays_this_year_when_the_past_is_wanted() =>
        Assert.Equal("2026-01-10", Value(AnswerType.Date, "10/01", Context with { PreferFuture = false }));

    [Fact]
    public void Today_is_the_workspace_day_not_the_utc_day()
    {
        var lateEvening = Context with { NowUtc = new DateTime(2026, 12, 4, 1, 30, 0, DateTimeKind.Utc) }; // 22:30 on the 3rd in São Paulo
        Assert.Equal("2026-12-03", Value(AnswerType.Date, "hoje", lateEvening));
    }

    [Theory]
    [InlineData("31/02/2026")]
    [InlineData("32/12")]
    [InlineData("12/13/2026")]
    [InlineData("não sei")]
    [InlineData("semana que vem")]
    [InlineData("3 mais ou menos")]
    [InlineData("11 98888-7777")]
    public void An_impossible_or_unreadable_date_is_refused(string reply) =>
        Assert.Equal("invalid_date", Check(AnswerType.Date, reply).Reason);

    private static readonly AnswerContext Timing = Context with
    {
        Options = [new("now", "Imediatamente 🚀"), new("30d", "Até 30 dias"), new("90d", "Em até 3 meses"), new("later", "Só pesquisando")],
    };

    [Theory]
    [InlineData("1", "now")]
    [InlineData("2", "30d")]
    [InlineData("2.", "30d")]
    [InlineData("opção 3", "90d")]
    [InlineData("#4", "later")]
    [InlineData("imediatamente", "now")]
    [InlineData("ATÉ 30 DIAS", "30d")]
    [InlineData("ate 30 dias!", "30d")]
    [InlineData("acho que em até 3 meses", "90d")]
    [InlineData("so pesquisando", "later")]
    [InlineData("só", "later")]
    [InlineData("30d", "30d")]
    public void An_option_is_chosen_by_number_text_or_id(string reply, string expected) =>
        Assert.Equal(expected, Value(AnswerType.Option, reply, Timing));

    [Fact]
    public void A_tapped_button_is_chosen_by_its_id_whatever_the_text()
    {
        var result = Check(AnswerType.Option, "Até 30 dias", Timing, buttonId: "90d");
        Assert.Equal("90d", result.Value!.GetValue<string>());
        Assert.Equal("Em até 3 meses", result.Text);
    }

    [Theory]
    [InlineData("5", "no_matching_option")]
    [InlineData("0", "no_matching_option")]
    [InlineData("talvez", "no_matching_option")]
    [InlineData("😀", "no_matching_option")]
    [InlineData("até 30 dias ou em até 3 meses", "ambiguous_option")]
    public void A_reply_matching_no_option_or_several_is_refused(string reply, string reason) =>
        Assert.Equal(reason, Check(AnswerType.Option, reply, Timing).Reason);

    [Fact]
    public void Text_answers_are_kept_as_typed_but_trimmed() =>
        Assert.Equal("Telhado de cerâmica", Value(AnswerType.Text, "  Telhado de cerâmica "));

    [Theory]
    [InlineData(AnswerType.Name)]
    [InlineData(AnswerType.Email)]
    [InlineData(AnswerType.Phone)]
    [InlineData(AnswerType.Number)]
    [InlineData(AnswerType.Date)]
    [InlineData(AnswerType.Option)]
    [InlineData(AnswerType.Text)]
    public void Empty_and_huge_replies_are_refused_for_every_type(AnswerType type)
    {
        Assert.Equal("empty", Check(type, null, Timing).Reason);
        Assert.Equal("empty", Check(type, " \n ", Timing).Reason);
        Assert.Equal("too_long", Check(type, new string('9', 5000), Timing).Reason);
    }

    [Theory]
    [InlineData(AnswerType.Name)]
    [InlineData(AnswerType.Email)]
    [InlineData(AnswerType.Phone)]
    [InlineData(AnswerType.Number)]
    [InlineData(AnswerType.Date)]
    [InlineData(AnswerType.Option)]
    public void Hostile_replies_never_throw(AnswerType type)
    {
        string[] hostile =
        [
            "{{constructor}}", "${7*7}", "\0\0\0", "\uD800", "1/1/1/1/1/1/1/1/1/1", new string('1', 999), string.Concat(Enumerable.Repeat("1.", 499)),
            "@@@@@@@@", "'; DROP TABLE leads; --", "29/02", "00/00/0000", "9999-99-99", "+++++++++", "١٢٣٤", "R$ -", "k", "mil mil mil",
        ];
        foreach (var reply in hostile) _ = Check(type, reply, Timing);
    }

    [Theory]
    [InlineData("email", AnswerType.Email)]
    [InlineData("Phone", AnswerType.Phone)]
    [InlineData(" option ", AnswerType.Option)]
    [InlineData("bogus", null)]
    [InlineData("3", null)]
    [InlineData(null, null)]
    public void Answer_types_are_read_from_settings(string? name, AnswerType? expected) =>
        Assert.Equal(expected, AnswerValidator.ParseType(name));

    [Theory]
    [InlineData("1", "one")]
    [InlineData("4+", "many")]
    [InlineData("2", "one")] // no title is "2": the second option
    [InlineData("3", "many")]
    [InlineData("4", "many")] // no fourth option: the title
    public void Numeric_titles_typed_exactly_win_over_positions(string reply, string expected)
    {
        var people = Context with { Options = [new("few", "2-3"), new("one", "1"), new("many", "4+")] };
        Assert.Equal(expected, Value(AnswerType.Option, reply, people));
    }
}
