using SalesCrm.Core.Identity;

namespace SalesCrm.Core.Tests.Identity;

public class CapabilitiesTests
{
    [Fact]
    public void The_catalogue_has_thirteen_module_action_capabilities()
    {
        Assert.Equal(13, Capabilities.All.Count);
        Assert.All(Capabilities.All, c => Assert.Matches("^[a-z]+\\.[a-z]+$", c));
        Assert.Equal(Capabilities.All.Count, Capabilities.All.Distinct().Count());
    }
}
