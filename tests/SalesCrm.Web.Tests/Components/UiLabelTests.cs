using System.Globalization;
using System.Resources;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using SalesCrm.Core.Data;
using SalesCrm.Core.Leads;
using SalesCrm.Core.Messaging;
using SalesCrm.Core.Webhooks;
using SalesCrm.Core.Inbox;
using SalesCrm.Web.Components.Shared;
using SalesCrm.Web.Features.Messaging;
using SalesCrm.Web.Infrastructure;

namespace SalesCrm.Web.Tests.Components;

/// <summary>Labels the pages look up (fixed keys, and enum values they show: message kinds and ticks, delivery states, inbox and lead sources) have text in both languages; MudBlazor's own texts follow the reader.</summary>
public class UiLabelTests
{
    private static readonly ResourceManager Strings = new("SalesCrm.Web.Resources.SharedResource", typeof(SharedResource).Assembly);

    /// <summary>The shared strings in one culture, as pages get them.</summary>
    private sealed class ResourceLocalizer(CultureInfo culture) : IStringLocalizer
    {
        public LocalizedString this[string name] => Strings.GetString(name, culture) is { } value ? new(name, value) : new(name, name, resourceNotFound: true);
        public LocalizedString this[string name, params object[] arguments] => this[name];
        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }

    private static void AssertLabelled(IEnumerable<string> keys)
    {
        foreach (var key in keys)
        {
            Assert.False(string.IsNullOrWhiteSpace(Strings.GetString(key, CultureInfo.GetCultureInfo("pt-BR"))), $"{key} has no pt-BR text");
            Assert.False(string.IsNullOrWhiteSpace(Strings.GetString(key, CultureInfo.GetCultureInfo("en"))), $"{key} has no English text");
        }
    }

    [Fact]
    public void Every_message_kind_shown_above_a_bubble_has_a_portuguese_and_an_english_label()
    {
        var kinds = Enum.GetValues<MessageType>().Where(LeadConversation.ShowsKind).ToList();
        Assert.Contains(MessageType.Location, kinds);
        Assert.DoesNotContain(MessageType.Text, kinds);
        AssertLabelled(kinds.Select(LeadConversation.KindKey));
        Assert.Equal("Localização", Strings.GetString(LeadConversation.KindKey(MessageType.Location), CultureInfo.GetCultureInfo("pt-BR")));
        Assert.Equal("Location", Strings.GetString(LeadConversation.KindKey(MessageType.Location), CultureInfo.GetCultureInfo("en")));
    }

    [Fact]
    public void Message_ticks_delivery_states_and_inbox_sources_have_labels_in_both_languages()
    {
        AssertLabelled(Enum.GetValues<MessageStatus>().Select(s => $"Msg_{SnakeEnum.ToText(s)}")); // messages carry their status as API text
        AssertLabelled(Enum.GetValues<DeliveryStatus>().Select(s => $"Delivery_{s}"));
        AssertLabelled(Enum.GetValues<InboxProvider>().Select(p => $"Provider_{p}"));
        AssertLabelled(Enum.GetValues<LeadSource>().Select(s => $"Source_{SnakeEnum.ToText(s)}"));
        Assert.Equal("Indicação", Labels.Source(new ResourceLocalizer(CultureInfo.GetCultureInfo("pt-BR")), LeadSource.Referral));
        Assert.Equal("legacy_crm", Labels.Source(new ResourceLocalizer(CultureInfo.GetCultureInfo("pt-BR")), "legacy_crm"));
        Assert.Equal("Entregue", Strings.GetString("Delivery_Succeeded", CultureInfo.GetCultureInfo("pt-BR")));
    }

    [Fact]
    public void Every_fixed_label_key_a_page_uses_has_text_in_both_languages()
    {
        var keys = Directory.EnumerateFiles(Path.Combine(Infrastructure.RepoPaths.Root, "src", "SalesCrm.Web"), "*.razor", SearchOption.AllDirectories)
            .SelectMany(f => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(f), @"\bL\[""([A-Za-z0-9_]+)""\]").Select(m => m.Groups[1].Value))
            .Distinct().ToList();
        Assert.Contains("WaPhoneNumberId", keys);
        AssertLabelled(keys);
    }

    [Fact]
    public void MudBlazors_own_texts_are_portuguese_for_portuguese_readers_and_its_english_otherwise()
    {
        var factory = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        var localizer = new CrmMudLocalizer(new StringLocalizer<MudTranslations>(factory));
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("pt-BR");
            Assert.Equal("Linhas por página:", localizer["MudDataGridPager_RowsPerPage"].Value);
            Assert.Equal("Valor do filtro", localizer["MudDataGrid_FilterValue"].Value);
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            Assert.True(localizer["MudDataGridPager_RowsPerPage"].ResourceNotFound); // MudBlazor keeps its English
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
