using System.Collections;
using System.Resources;
using WuShe.App.Hosting;

namespace WuShe.Tests.Domain;

/// <summary>The Chinese strings must name keys Radzen really looks up, or the interface silently stays English.</summary>
public class RadzenChineseTests
{
    private static readonly Dictionary<string, string> English = ReadRadzenStrings();

    [Fact]
    public void Every_translated_key_is_a_Radzen_key_and_keeps_its_placeholders()
    {
        Assert.All(RadzenChineseLocalizer.Strings, pair =>
        {
            Assert.True(English.ContainsKey(pair.Key), $"Radzen 没有键 {pair.Key}");
            foreach (var placeholder in new[] { "{0}", "{1}", "{2}" }.Where(p => English[pair.Key].Contains(p)))
                Assert.Contains(placeholder, pair.Value);
        });
    }

    [Theory]
    [InlineData("DataGrid_")]
    [InlineData("Pager_")]
    [InlineData("DatePicker_")]
    [InlineData("Dialog_")]
    public void Every_key_of_the_components_we_use_is_translated(string prefix)
    {
        var missing = English.Keys.Where(k => k.StartsWith(prefix) && k != "DatePicker_CalendarWeekTitle")
            .Except(RadzenChineseLocalizer.Strings.Keys).ToList();
        Assert.Empty(missing);
    }

    private static Dictionary<string, string> ReadRadzenStrings()
    {
        var assembly = typeof(Radzen.ILocalizer).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("RadzenStrings.resources"));
        using var reader = new ResourceReader(assembly.GetManifestResourceStream(name)!);
        return reader.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
    }
}
