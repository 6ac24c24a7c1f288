using System.Text.Json;
using System.Text.Json.Nodes;
using SalesCrm.Core.Inbox;

namespace SalesCrm.Core.Tests.Inbox;

/// <summary>Which bodies the receivers take, and how a stored form reads as the flat JSON the mappers know.</summary>
public class InboundBodyTests
{
    [Theory]
    [InlineData(null, InboundBodyFormat.Json)]
    [InlineData("application/json", InboundBodyFormat.Json)]
    [InlineData("application/json; charset=utf-8", InboundBodyFormat.Json)]
    [InlineData("Application/JSON; charset=\"UTF8\"", InboundBodyFormat.Json)]
    [InlineData("application/vnd.zapier+json", InboundBodyFormat.Json)]
    [InlineData("text/json; charset=us-ascii", InboundBodyFormat.Json)]
    [InlineData("application/x-www-form-urlencoded", InboundBodyFormat.Form)]
    [InlineData("application/x-www-form-urlencoded; charset=UTF-8", InboundBodyFormat.Form)]
    [InlineData("text/xml", null)]
    [InlineData("text/plain", null)]
    [InlineData("multipart/form-data; boundary=x", null)]
    [InlineData("application/json; charset=utf-16", null)]
    [InlineData("application/json; charset=bogus", null)]
    [InlineData("not a media type", null)]
    public void Json_and_utf8_forms_are_read_and_anything_else_is_refused(string? contentType, InboundBodyFormat? format) =>
        Assert.Equal(format, InboundBody.FormatOf(contentType, formAllowed: true));

    [Fact]
    public void A_receiver_that_takes_only_json_refuses_a_form() =>
        Assert.Null(InboundBody.FormatOf("application/x-www-form-urlencoded", formAllowed: false));

    [Fact]
    public void A_form_reads_as_flat_fields_with_repeated_keys_as_lists()
    {
        var json = FormBody.ToJson("name=Zap+Form+Default&phone=%2855%29+11987653099&tags=a&tags=b&tags=c&empty=&flag&bad=%ZZ&nul=a%00b&&Name=Other");
        Assert.Equal("""{"name":"Zap Form Default","phone":"(55) 11987653099","tags":["a","b","c"],"empty":"","flag":"","bad":"%ZZ","nul":"ab","Name":"Other"}""",
            json.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    [Fact]
    public void A_stored_item_is_read_by_the_content_type_it_was_received_with()
    {
        var form = new InboxItem { Body = "name=A+B", Headers = """{"Content-Type":"application/x-www-form-urlencoded"}""" };
        Assert.Equal("A B", (string?)InboundBody.Parse(form)!["name"]);
        var json = new InboxItem { Body = """{"name":"A"}""", Headers = """{"Content-Type":"application/json"}""" };
        Assert.Equal("A", (string?)InboundBody.Parse(json)!["name"]);
        var broken = new InboxItem { Body = "{", Headers = "{}" };
        Assert.StartsWith("$: is not JSON", Assert.Throws<MalformedItemException>(() => InboundBody.Parse(broken)).Message);
    }
}
