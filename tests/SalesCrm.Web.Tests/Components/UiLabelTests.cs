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
    private static readonly ResourceManager Strings = ResourceLocalizer.Strings;

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
    public void Every_enum_value_the_ui_can_show_has_a_label_in_both_languages()
    {
        var enums = new[] { typeof(Lead).Assembly, typeof(SharedResource).Assembly }
            .SelectMany(a => a.GetTypes()).Where(t => t.IsEnum && t.IsPublic || t.IsEnum && t.IsNestedPublic).ToList();
        Assert.Contains(typeof(TemplateCategory), enums);
        var unaccounted = enums.Where(t => !Labels.LabelledEnums.Contains(t) && !Labels.NotShown.ContainsKey(t)).Select(t => t.FullName).ToList();
        Assert.True(unaccounted.Count == 0, $"Enums neither labelled nor listed as not shown (Labels.cs): {string.Join(", ", unaccounted)}");

        var missing = new List<string>();
        foreach (var value in Labels.LabelledEnums.SelectMany(t => Enum.GetValues(t).Cast<Enum>()))
        foreach (var culture in new[] { "pt-BR", "en" })
            if (string.IsNullOrWhiteSpace(Strings.GetString(Labels.Key(value), CultureInfo.GetCultureInfo(culture)))) missing.Add($"{Labels.Key(value)} ({culture})");
        Assert.True(missing.Count == 0, "Missing labels: " + string.Join(", ", missing));

        var pt = new ResourceLocalizer(CultureInfo.GetCultureInfo("pt-BR"));
        Assert.Equal("Utilidade", Labels.Of(pt, TemplateCategory.Utility));
        Assert.Equal("Utility", Labels.Of(new ResourceLocalizer(CultureInfo.GetCultureInfo("en")), TemplateCategory.Utility));
        Assert.Equal("Aprovado", Labels.Of(pt, TemplateStatus.Approved));
    }

    [Fact]
    public void No_page_lists_an_enum_value_by_its_code_name()
    {
        // <MudSelectItem T="TemplateCategory" Value="@c">@c</MudSelectItem> showed "Utility" to Portuguese readers.
        var names = Labels.LabelledEnums.Select(t => t.Name).ToHashSet();
        var raw = RazorFiles().SelectMany(f => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(f), @"<MudSelectItem T=""(\w+)\??""[^>]*>@\w+</MudSelectItem>")
                .Where(m => names.Contains(m.Groups[1].Value)).Select(m => $"{Path.GetFileName(f)}: {m.Value}")).ToList();
        Assert.True(raw.Count == 0, string.Join("\n", raw));
        var rawCells = RazorFiles().SelectMany(f => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(f), @"<MudTd>@context\.(Category|Status|Type|Kind|Priority|Source|Provider|Direction)</MudTd>")
                .Select(m => $"{Path.GetFileName(f)}: {m.Value}")).ToList();
        Assert.True(rawCells.Count == 0, string.Join("\n", rawCells));
    }

    private static IEnumerable<string> RazorFiles()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "SalesCrm.sln"))) root = root.Parent!;
        return Directory.EnumerateFiles(Path.Combine(root.FullName, "src", "SalesCrm.Web"), "*.razor", SearchOption.AllDirectories);
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

    [Fact]
    public void Knowledge_and_copilot_validation_errors_name_their_fields_in_the_readers_language()
    {
        // The snackbar reads "Corrija os campos destacados. Título: é obrigatório. Conteúdo: é obrigatório." — not "content:".
        var pt = new ResourceLocalizer(CultureInfo.GetCultureInfo("pt-BR"));
        var en = new ResourceLocalizer(CultureInfo.GetCultureInfo("en"));
        Assert.Equal("Conteúdo", FieldLabels.For(pt, "content"));
        Assert.Equal("Content", FieldLabels.For(en, "content"));
        foreach (var field in new[] { "content", "context", "intent", "query", "file", "comment", "rating" })
        {
            Assert.NotEqual(field, FieldLabels.For(pt, field));
            Assert.NotEqual(field, FieldLabels.For(en, field));
        }
    }
}
