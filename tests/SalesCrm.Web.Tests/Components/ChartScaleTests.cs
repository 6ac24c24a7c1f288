using SalesCrm.Web.Components.Shared;

namespace SalesCrm.Web.Tests.Components;

public sealed class ChartScaleTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(3, 1)]
    [InlineData(7, 2)]
    [InlineData(12, 5)]
    [InlineData(20, 5)]
    [InlineData(137, 50)]
    [InlineData(1_000_000, 200_000)]
    public void The_y_ticks_are_a_round_step_giving_about_five_ticks(double max, int step) => Assert.Equal(step, ChartScale.TickStep(max));
}
