using System.Text.Json.Nodes;
using SalesCrm.Core.Inbox;

namespace SalesCrm.Core.Tests.Inbox;

public class InboxSplitTests
{
    [Fact]
    public void A_meta_request_becomes_one_item_per_leadgen_change_each_holding_only_its_own_page()
    {
        var root = JsonNode.Parse("""
            {"object":"page","entry":[
              {"id":"111","time":1,"changes":[{"field":"leadgen","value":{"leadgen_id":"L1","page_id":"111"}},{"field":"feed","value":{}},{"field":"leadgen","value":{"leadgen_id":"L2","page_id":"111"}}]},
              {"id":"222","time":2,"changes":[{"field":"leadgen","value":{"leadgen_id":"L3","page_id":"222"}}]}]}
            """)!.AsObject();
        var items = InboxSplit.Items(InboxProvider.MetaLeads, root);
        Assert.Equal(["L1", "L2", "L3"], items.Select(i => (string?)i["entry"]![0]!["changes"]![0]!["value"]!["leadgen_id"]));
        Assert.All(items, i => Assert.Equal("page", (string?)i["object"]));
        Assert.Equal(["111", "111", "222"], items.Select(i => (string?)i["entry"]![0]!["id"]));
        Assert.DoesNotContain("222", items[0].ToJsonString());
    }

    [Fact]
    public void A_whatsapp_request_becomes_one_item_per_message_and_status_with_its_metadata_and_contacts()
    {
        var root = JsonNode.Parse("""
            {"object":"whatsapp_business_account","entry":[{"id":"W","changes":[
              {"field":"messages","value":{"messaging_product":"whatsapp","metadata":{"phone_number_id":"P1"},"contacts":[{"wa_id":"5511","profile":{"name":"A"}}],
                "messages":[{"id":"m1","from":"5511"},{"id":"m2","from":"5511"}],"statuses":[{"id":"s1","status":"read"}]}},
              {"field":"messages","value":{"metadata":{"phone_number_id":"P2"},"errors":[{"code":1}]}}]}]}
            """)!.AsObject();
        var items = InboxSplit.Items(InboxProvider.WhatsApp, root);
        Assert.Equal(4, items.Count);
        JsonNode Value(JsonObject item) => item["entry"]![0]!["changes"]![0]!["value"]!;
        Assert.Equal(["m1", "m2"], items.Take(2).Select(i => (string?)Value(i)["messages"]!.AsArray().Single()!["id"]));
        Assert.All(items.Take(2), i => Assert.Null(Value(i)["statuses"]));
        Assert.Equal("s1", (string?)Value(items[2])["statuses"]!.AsArray().Single()!["id"]);
        Assert.All(items.Take(3), i => Assert.Equal("P1", (string?)Value(i)["metadata"]!["phone_number_id"]));
        Assert.Equal("A", (string?)Value(items[0])["contacts"]![0]!["profile"]!["name"]);
        Assert.Equal("P2", (string?)Value(items[3])["metadata"]!["phone_number_id"]); // a change with no message stays whole
    }

    [Fact]
    public void A_request_with_one_item_is_left_whole_and_three_messages_without_statuses_are_three_items()
    {
        const string one = """{"object":"whatsapp_business_account","entry":[{"changes":[{"field":"messages","value":{"messages":[{"id":"m1"}]}}]}]}""";
        Assert.Empty(InboxSplit.Items(InboxProvider.WhatsApp, JsonNode.Parse(one)!.AsObject()));
        const string three = """{"object":"whatsapp_business_account","entry":[{"changes":[{"field":"messages","value":{"messages":[{"id":"a"},{"id":"b"},{"id":"c"}]}}]}]}""";
        Assert.Equal(3, InboxSplit.Items(InboxProvider.WhatsApp, JsonNode.Parse(three)!.AsObject()).Count);
        const string meta = """{"object":"page","entry":[{"id":"1","changes":[{"field":"leadgen","value":{"leadgen_id":"L1"}}]}]}""";
        Assert.Empty(InboxSplit.Items(InboxProvider.MetaLeads, JsonNode.Parse(meta)!.AsObject()));
    }

    [Fact]
    public void A_zapier_batch_becomes_one_item_per_element_whatever_it_is_and_a_one_record_batch_is_not_split()
    {
        var items = InboxSplit.Items(InboxProvider.Zapier, JsonNode.Parse("""[{"name":"a"},{"name":"b"},7,null]"""));
        Assert.Equal(["""{"name":"a"}""", """{"name":"b"}""", "7", "null"], items.Select(i => i?.ToJsonString() ?? "null"));
        Assert.Empty(InboxSplit.Items(InboxProvider.Zapier, JsonNode.Parse("""[{"name":"a"}]""")));
        Assert.Empty(InboxSplit.Items(InboxProvider.MetaLeads, JsonNode.Parse("""[{"object":"page"},{"object":"page"}]""")));
    }

    [Fact]
    public void Zapier_and_unexpected_objects_are_not_split()
    {
        Assert.Empty(InboxSplit.Items(InboxProvider.Zapier, JsonNode.Parse("""{"name":"x"}""")!.AsObject()));
        Assert.Empty(InboxSplit.Items(InboxProvider.MetaLeads, JsonNode.Parse("""{"object":"user","entry":[]}""")!.AsObject()));
    }

    [Theory]
    [InlineData("page", """{"object":"page","entry":[null,{"id":"1","changes":[{"field":"leadgen","value":{"leadgen_id":"L1"}}]}]}""", "null")]
    [InlineData("page", """{"object":"page","entry":[{"id":"1","changes":"x"},{"id":"1","changes":[{"field":"leadgen","value":{"leadgen_id":"L1"}}]}]}""", "\"x\"")]
    [InlineData("page", """{"object":"page","entry":[{"id":"1","changes":[7,{"field":"leadgen","value":{"leadgen_id":"L1"}}]}]}""", "7")]
    [InlineData("page", """{"object":"page","entry":[{"id":"1","changes":[{"field":"leadgen","value":null},{"field":"leadgen","value":{"leadgen_id":"L1"}}]}]}""", "{\"field\":\"leadgen\",\"value\":null}")]
    [InlineData("whatsapp_business_account", """{"object":"whatsapp_business_account","entry":[null,{"changes":[{"field":"messages","value":{"messages":[{"id":"m1"}]}}]}]}""", "null")]
    [InlineData("whatsapp_business_account", """{"object":"whatsapp_business_account","entry":[{"changes":[{"field":"messages","value":{"messages":"x"}},{"field":"messages","value":{"messages":[{"id":"m1"}]}}]}]}""", "\"x\"")]
    public void A_malformed_unit_beside_a_good_one_becomes_an_item_of_its_own_instead_of_vanishing_or_holding_the_request(string kind, string body, string fragment)
    {
        var provider = kind == "page" ? InboxProvider.MetaLeads : InboxProvider.WhatsApp;
        var items = InboxSplit.Items(provider, JsonNode.Parse(body)!.AsObject());
        Assert.Equal(2, items.Count);
        Assert.Contains(fragment, items[0].ToJsonString());
        Assert.Matches("\"(L1|m1)\"", items[1].ToJsonString()); // the good unit is untouched
    }
}
