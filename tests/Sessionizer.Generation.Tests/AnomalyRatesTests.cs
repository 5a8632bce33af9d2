
namespace Sessionizer.Generation.Tests;

public sealed class AnomalyRatesTests
{
    [Fact]
    public void Rates_not_named_keep_their_default()
    {
        Assert.True(AnomalyRates.TryParse("incomplete=0.1, missing=0", out var rates, out _));

        Assert.Equal(new AnomalyRates(0.1, 0.02, 0.001, 0), rates);
    }

    [Fact]
    public void None_turns_every_anomaly_off()
    {
        Assert.True(AnomalyRates.TryParse("none", out var rates, out _));

        Assert.Equal(AnomalyRates.None, rates);
    }

    [Fact]
    public void The_text_form_parses_back_to_the_same_rates()
    {
        Assert.True(AnomalyRates.TryParse(AnomalyRates.Default.ToString(), out var rates, out _));

        Assert.Equal(AnomalyRates.Default, rates);
    }

    [Theory]
    [InlineData("")]
    [InlineData("incomplete")]
    [InlineData("incomplete=abc")]
    [InlineData("incomplete=-0.1")]
    [InlineData("typo=0.1")]
    [InlineData("incomplete=0.6,inconsistent=0.6")]
    public void A_bad_rate_is_refused_with_a_reason(string text)
    {
        Assert.False(AnomalyRates.TryParse(text, out _, out var error));

        Assert.NotEmpty(error);
    }
}
