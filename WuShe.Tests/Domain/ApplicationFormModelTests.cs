using WuShe.Tests.Support;
using WuShe.App.Sites;
using WuShe.Domain.Sites;

namespace WuShe.Tests.Domain;

public class ApplicationFormModelTests
{
    [Fact]
    public void The_form_round_trips_the_details_and_offers_the_two_rows_it_asks_for()
    {
        var details = SiteLifecycleTests.Valid();
        var back = ApplicationFormModel.From(details, Seeded.Rules).ToDetails();
        Assert.Equal(details.Communities, back.Communities);
        Assert.Equal(details.SocialWorkers, back.SocialWorkers);
        Assert.Equal(details with { Communities = back.Communities, SocialWorkers = back.SocialWorkers }, back);

        var empty = ApplicationFormModel.From(ApplicationDetails.Empty, Seeded.Rules);
        Assert.Equal(2, empty.Communities.Count);
        Assert.Equal(2, empty.SocialWorkers.Count);
    }

    [Fact]
    public void Service_areas_toggle_one_at_a_time()
    {
        var form = ApplicationFormModel.New(Seeded.Rules);
        form.Toggle(ServiceArea.ElderlyCare, true);
        form.Toggle(ServiceArea.DisabilityAssistance, true);
        form.Toggle(ServiceArea.ElderlyCare, false);
        Assert.Equal(ServiceArea.DisabilityAssistance, form.ServiceAreas);
        Assert.Equal("残疾人保障", form.ServiceAreas.Label());
    }
}
