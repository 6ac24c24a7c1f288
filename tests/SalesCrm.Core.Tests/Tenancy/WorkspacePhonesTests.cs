using SalesCrm.Core.Common;
using SalesCrm.Core.Tenancy;

namespace SalesCrm.Core.Tests.Tenancy;

public class WorkspacePhonesTests
{
    // Outside a workspace the region is the product's default (BR).
    private static readonly WorkspacePhones Phones = new(new WorkspaceTimeZones(null!, TimeProvider.System), FixedCurrentUser.System);

    [Theory]
    [InlineData("+5585999887766", "(85) 99988-7766")] // a WhatsApp sender without a profile name
    [InlineData("+14155552671", "+1 415-555-2671")]
    [InlineData("Maria +5585", "Maria +5585")]
    [InlineData("João da Silva", "João da Silva")]
    [InlineData("+55 85 99988-7766", "+55 85 99988-7766")] // typed by a person: left as they wrote it
    public void A_name_that_is_an_e164_phone_is_shown_as_the_workspace_shows_phones(string name, string shown) =>
        Assert.Equal(shown, Phones.Name(name));
}
