using System.Globalization;
using System.Text;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.Components;

/// <summary>
/// Icons come from the Material set: a pictograph or symbol typed into the source renders as an empty box on a machine
/// without an emoji font (⏱ and 📎 did). What customers write (message text, reactions) is data and is not checked here.
/// </summary>
public class IconGlyphTests
{
    /// <summary>Blocks whose characters are icons in text: ⌚⏱ (Misc Technical), ⚠✓✔ (Misc Symbols, Dingbats), ⬆⭐ (Misc Symbols and Arrows), emoji.</summary>
    private static bool IsIconGlyph(Rune r) =>
        r.Value is >= 0x2300 and <= 0x23FF or >= 0x2600 and <= 0x27BF or >= 0x2B00 and <= 0x2BFF or >= 0x1F000 or 0xFE0F;

    /// <summary>Timeline text written by the services (Core) must render in any text font: no emoji there either.</summary>
    private static bool NeedsEmojiFont(Rune r) => r.Value is >= 0x2300 and <= 0x23FF or >= 0x2B00 and <= 0x2BFF or >= 0x1F000 or 0xFE0F;

    [Fact]
    public void Pages_resources_and_styles_use_no_emoji_or_symbol_characters_as_icons()
    {
        var web = Path.Combine(RepoPaths.Root, "src", "SalesCrm.Web");
        var offenders = Scan(web, ["*.razor", "*.resx", "*.css", "*.cs", "*.js"], IsIconGlyph).ToList();
        Assert.True(offenders.Count == 0, "Use a MudIcon from Icons.Material instead of:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void Texts_the_services_write_on_timelines_need_no_emoji_font()
    {
        var core = Path.Combine(RepoPaths.Root, "src", "SalesCrm.Core");
        var offenders = Scan(core, ["*.cs"], NeedsEmojiFont).ToList();
        Assert.True(offenders.Count == 0, "These characters show as empty boxes without an emoji font:\n" + string.Join("\n", offenders));
    }

    private static IEnumerable<string> Scan(string root, string[] patterns, Func<Rune, bool> forbidden)
    {
        var files = patterns.SelectMany(p => Directory.EnumerateFiles(root, p, SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")
                        && !f.Contains($"{Path.DirectorySeparatorChar}lib{Path.DirectorySeparatorChar}"));
        foreach (var file in files)
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                foreach (var rune in lines[i].EnumerateRunes().Where(forbidden).Distinct())
                    yield return $"{Path.GetRelativePath(root, file)}:{i + 1}: U+{rune.Value.ToString("X4", CultureInfo.InvariantCulture)} {rune}";
            }
        }
    }
}
