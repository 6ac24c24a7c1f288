using System.Text;
using SalesCrm.Core.Inbox;

namespace SalesCrm.Core.Tests.Inbox;

public class InboxJsonCheckTests
{
    [Theory]
    [InlineData("{\"object\":\"page\",\"entry\":[{\"id\":\"1\",\"changes\":[]}]}")]
    [InlineData("[1, 2.5, true, null, \"ç\"]")]
    [InlineData("  {\"a\": {\"b\": {}}}  ")]
    public void Well_formed_json_passes(string body) => Assert.Null(InboxReceiver.JsonError(Encoding.UTF8.GetBytes(body)));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{\"a\": 1")]
    [InlineData("{\"a\": 1} trailing")]
    [InlineData("{'a': 1}")]
    [InlineData("not json")]
    public void Anything_else_is_reported_with_a_reason(string body) => Assert.False(string.IsNullOrWhiteSpace(InboxReceiver.JsonError(Encoding.UTF8.GetBytes(body))));
}
