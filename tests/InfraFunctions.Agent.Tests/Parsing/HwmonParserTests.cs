using System.Text;
using InfraFunctions.Agent.Parsing;

namespace InfraFunctions.Agent.Tests.Parsing;

public sealed class HwmonParserTests
{
    [Theory]
    [InlineData("45000\n", 45.0)]
    [InlineData("38850", 38.85)]
    [InlineData("-5500\n", -5.5)]
    [InlineData("0\n", 0.0)]
    public void MillidegreesAreReadAsDegreesCelsius(string text, double celsius)
    {
        Assert.True(HwmonParser.TryParseMillidegrees(Encoding.ASCII.GetBytes(text), out var value));
        Assert.Equal(celsius, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n")]
    [InlineData("N/A\n")]
    [InlineData("45.5\n")]
    public void AFileWithoutWholeMillidegreesGivesNoReading(string text) =>
        Assert.False(HwmonParser.TryParseMillidegrees(Encoding.ASCII.GetBytes(text), out _));

    [Theory]
    [InlineData("temp1_input", 1)]
    [InlineData("temp12_input", 12)]
    [InlineData("temp1_label", -1)]
    [InlineData("temp_input", -1)]
    [InlineData("fan1_input", -1)]
    public void OnlyTemperatureInputsAreNumbered(string file, int index) => Assert.Equal(index, HwmonParser.InputIndex(file));

    [Theory]
    [InlineData("critical\n", true)]
    [InlineData("passive\n", false)]
    [InlineData("hot\n", false)]
    public void OnlyCriticalTripPointsGiveTheCriticalLevel(string type, bool critical) =>
        Assert.Equal(critical, ThermalZoneParser.IsCritical(Encoding.ASCII.GetBytes(type)));
}
