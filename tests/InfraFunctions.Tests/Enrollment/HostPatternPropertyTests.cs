using System.Text.RegularExpressions;
using CsCheck;
using InfraFunctions.Core.Auth;

namespace InfraFunctions.Tests.Enrollment;

/// <summary>The enrollment host pattern against the glob it documents: '*' any run, '?' one character, the whole id, case-sensitive.</summary>
public sealed class HostPatternPropertyTests
{
    private static readonly Gen<char> Letters = Gen.OneOf('a', 'b', 'A', '-', '.', '*', '?');

    [Fact]
    public void APatternMatchesExactlyTheIdsItsGlobRegexMatches()
    {
        Gen.Select(Gen.String[Letters, 0, 8], Gen.String[Letters, 0, 10]).Sample((pattern, hostId) =>
        {
            var regex = "^" + string.Concat(pattern.Select(c => c switch { '*' => ".*", '?' => ".", _ => Regex.Escape(c.ToString()) })) + "$";
            Assert.Equal(Regex.IsMatch(hostId, regex, RegexOptions.Singleline | RegexOptions.CultureInvariant), EnrollmentRules.Matches(pattern, hostId));
        }, iter: 20_000);
    }

    [Theory]
    [InlineData("web-*", "web-1", true)]
    [InlineData("web-*", "web-", true)]
    [InlineData("web-*", "WEB-1", false)]
    [InlineData("web-*", "xweb-1", false)]
    [InlineData("*.prod", "db-1.prod", true)]
    [InlineData("db-??", "db-1", false)]
    [InlineData("db-??", "db-12", true)]
    public void DocumentedExamplesMatchAsDocumented(string pattern, string hostId, bool matches) =>
        Assert.Equal(matches, EnrollmentRules.Matches(pattern, hostId));
}
