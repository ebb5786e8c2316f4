using Microsoft.AspNetCore.Components.Forms;
using WuShe.App.Components;
using WuShe.App.Sites;

namespace WuShe.Tests.Components;

/// <summary>A domain error's path ("Communities[1].Name") reaches the typed field of the form it names.</summary>
public class FieldPathsTests
{
    private static ApplicationFormModel Form() => new()
    {
        Communities = [new() { Name = "甲社区" }, new() { Name = "乙社区" }],
        SocialWorkers = [new() { Name = "张敏" }],
    };

    [Fact]
    public void A_row_field_resolves_to_that_rows_property()
    {
        var form = Form();
        Assert.Equal(FieldIdentifier.Create(() => form.Communities[1].Name), FieldPaths.Resolve(form, "Communities[1].Name"));
        Assert.Equal(FieldIdentifier.Create(() => form.SocialWorkers[0].Contract), FieldPaths.Resolve(form, "SocialWorkers[0].Contract"));
    }

    [Fact]
    public void A_top_level_field_and_a_list_resolve_to_the_model()
    {
        var form = Form();
        Assert.Equal(FieldIdentifier.Create(() => form.Street), FieldPaths.Resolve(form, "Street"));
        Assert.Equal(FieldIdentifier.Create(() => form.Communities), FieldPaths.Resolve(form, "Communities"));
    }

    [Theory]
    [InlineData("Communities[5].Name")]
    [InlineData("Nothing.Name")]
    [InlineData("Communities[x].Name")]
    [InlineData("Communities[x]")]
    public void A_path_that_leads_nowhere_stays_on_the_model_under_its_whole_name(string path)
    {
        var form = Form();
        Assert.Equal(new FieldIdentifier(form, path), FieldPaths.Resolve(form, path));
    }
}
