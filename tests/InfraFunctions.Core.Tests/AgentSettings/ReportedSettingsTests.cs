using InfraFunctions.Contracts;
using InfraFunctions.Core.AgentSettings;

namespace InfraFunctions.Core.Tests.AgentSettings;

public sealed class ReportedSettingsTests
{
    [Fact]
    public void AListWhoseEscapedJsonWouldNotFitTheHostRowIsDroppedWithItsSize()
    {
        // Within the text bound, but '+' is escaped to six bytes in stored JSON.
        var escaped = Enumerable.Range(0, 5).Select(i => new SettingInForce($"s{i}", new string('+', 3000), "file")).ToArray();
        var report = ReportedSettings.From(escaped);

        Assert.NotNull(report);
        Assert.Null(report.InForce);
        Assert.Contains("as stored JSON; the limit is 49152", report.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void AListWithinBoundsIsKeptAsReportedAndNoListIsNoReport()
    {
        SettingInForce[] settings = [new("top", "5", "server", "host")];
        Assert.Equal(settings, ReportedSettings.From(settings)?.InForce);
        Assert.Null(ReportedSettings.From(settings)?.Problem);
        Assert.Null(ReportedSettings.From(null));
    }
}
