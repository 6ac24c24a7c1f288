namespace SalesCrm.E2E;

public class BrowserAvailabilityTests
{
    [Fact]
    public void Debian_chromium_is_installed()
    {
        Assert.True(File.Exists("/usr/bin/chromium"), "/usr/bin/chromium is missing: the test script installs it with apt.");
    }
}
