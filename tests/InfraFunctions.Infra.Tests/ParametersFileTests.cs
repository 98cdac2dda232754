using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using InfraFunctions.Infra.Tests.Support;

namespace InfraFunctions.Infra.Tests;

[Collection(BicepCollection.Name)]
public sealed partial class ParametersFileTests(CompiledTemplate compiled)
{
    private static JsonObject ParametersFile() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Infra, "main.parameters.json")))!["parameters"]!.AsObject();

    [Theory]
    [InlineData("environmentName", "AZURE_ENV_NAME")]
    [InlineData("location", "AZURE_LOCATION")]
    [InlineData("principalId", "AZURE_PRINCIPAL_ID")]
    public void ParametersFileMapsTheAzdEnvironment(string parameter, string variable)
    {
        Assert.Equal($"${{{variable}}}", Deployment.Text(ParametersFile()[parameter], "value"));
    }

    [Fact]
    public void EveryMappedParameterExistsAndEveryRequiredOneIsMapped()
    {
        var declared = compiled.Main.Template["parameters"]!.AsObject();
        var mapped = ParametersFile();

        Assert.All(mapped, p => Assert.True(declared.ContainsKey(p.Key), $"main.bicep has no parameter '{p.Key}'."));
        Assert.All(
            declared.Where(p => p.Value!["defaultValue"] is null),
            p => Assert.True(mapped.ContainsKey(p.Key), $"Required parameter '{p.Key}' is not in main.parameters.json."));
    }

    [Fact]
    public void EnvironmentVariableDefaultsMatchTheBicepDefaults()
    {
        var declared = compiled.Main.Template["parameters"]!.AsObject();
        foreach (var (name, value) in ParametersFile())
        {
            var withDefault = VariableWithDefault().Match(Deployment.Text(value, "value"));
            if (withDefault.Success)
            {
                Assert.Equal(declared[name]!["defaultValue"]!.ToString(), withDefault.Groups["default"].Value);
            }
        }
    }

    [GeneratedRegex(@"^\$\{\w+=(?<default>[^}]*)\}$")]
    private static partial Regex VariableWithDefault();
}
