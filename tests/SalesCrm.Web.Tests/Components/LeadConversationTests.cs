using System.Globalization;
using System.Resources;
using SalesCrm.Core.Messaging;
using SalesCrm.Web.Features.Messaging;

namespace SalesCrm.Web.Tests.Components;

public class LeadConversationTests
{
    private static readonly ResourceManager Strings = new("SalesCrm.Web.Resources.SharedResource", typeof(SharedResource).Assembly);

    [Fact]
    public void Every_message_kind_shown_above_a_bubble_has_a_portuguese_and_an_english_label()
    {
        var kinds = Enum.GetValues<MessageType>().Where(LeadConversation.ShowsKind).ToList();
        Assert.Contains(MessageType.Location, kinds);
        Assert.DoesNotContain(MessageType.Text, kinds);
        foreach (var kind in kinds)
        {
            var key = LeadConversation.KindKey(kind);
            var pt = Strings.GetString(key, CultureInfo.GetCultureInfo("pt-BR"));
            var en = Strings.GetString(key, CultureInfo.GetCultureInfo("en"));
            Assert.False(string.IsNullOrWhiteSpace(pt), $"{key} has no pt-BR text");
            Assert.False(string.IsNullOrWhiteSpace(en), $"{key} has no English text");
        }
        Assert.Equal("Localização", Strings.GetString(LeadConversation.KindKey(MessageType.Location), CultureInfo.GetCultureInfo("pt-BR")));
        Assert.Equal("Location", Strings.GetString(LeadConversation.KindKey(MessageType.Location), CultureInfo.GetCultureInfo("en")));
    }
}
