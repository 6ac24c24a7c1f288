using SalesCrm.Core.Claims;

namespace SalesCrm.Core.Tests.Common;

public class ClaimOptionsTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void A_blank_instance_name_falls_back_to_machine_and_process_so_two_instances_never_share_one(string? configured)
    {
        var options = new ClaimOptions { Instance = configured! };
        Assert.Equal($"{Environment.MachineName}:{Environment.ProcessId}", options.Instance);
    }

    [Fact]
    public void A_configured_instance_name_is_kept_trimmed()
    {
        Assert.Equal("app-2", new ClaimOptions { Instance = " app-2 " }.Instance);
    }
}
