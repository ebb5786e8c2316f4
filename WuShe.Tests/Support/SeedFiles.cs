using System.Text.Json.Nodes;
using WuShe.App.Data.Seeding;

namespace WuShe.Tests.Support;

/// <summary>Tianjin's seed folder copied to a temporary folder, edited, and read the way start-up reads it.</summary>
public static class SeedFiles
{
    public static CampaignSeed ReadEdited(Action<JsonObject> edit, Func<string, string>? editDistricts = null)
    {
        using var folder = new TempFolder();
        var source = Path.Combine(AppContext.BaseDirectory, "seed-data", "tianjin-2023");
        var target = Directory.CreateDirectory(folder.File("tianjin-2023")).FullName;
        foreach (var file in Directory.GetFiles(source)) File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(target, "campaign.json")))!.AsObject();
        edit(json);
        File.WriteAllText(Path.Combine(target, "campaign.json"), json.ToJsonString());
        if (editDistricts is not null)
        {
            var districts = Path.Combine(target, "districts.csv");
            File.WriteAllText(districts, editDistricts(File.ReadAllText(districts)));
        }
        return CampaignSeedReader.Read(target);
    }
}
