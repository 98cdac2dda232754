using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using InfraFunctions.Infra.Tests.Support;

namespace InfraFunctions.Infra.Tests;

[Collection(BicepCollection.Name)]
public sealed partial class RoleAssignmentTests(CompiledTemplate compiled)
{
    private const string App = "app";
    private const string User = "user";

    // Built-in role definition ids, from the Azure RBAC built-in roles reference.
    public static TheoryData<string, string, string, string> ExpectedAssignments => new()
    {
        { "Storage Blob Data Owner", "b7e6dc6d-f1e8-4753-8033-0f276bb0955b", "Microsoft.Storage/storageAccounts", App },
        { "Storage Table Data Contributor", "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", "Microsoft.Storage/storageAccounts", App },
        { "SignalR Service Owner", "7e4f1700-ea5a-4f59-8f37-079cfe29dce3", "Microsoft.SignalRService/signalR", App },
        { "Monitoring Metrics Publisher", "3913510d-42f4-4e42-8a64-420c390055eb", "Microsoft.Insights/components", App },
        { "Log Analytics Reader", "73c42c96-874c-492b-b04d-ab87d138a893", "Microsoft.OperationalInsights/workspaces", App },
        { "Monitoring Reader", "43d0d8ad-25c7-4714-9337-8ba259a9fe05", "Microsoft.Web/sites", App },
        { "Storage Table Data Contributor", "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", "Microsoft.Storage/storageAccounts", User },
    };

    [Theory]
    [MemberData(nameof(ExpectedAssignments))]
    public void RoleIsAssignedToTheRightPrincipalAtTheRightScope(string role, string roleId, string scopeType, string principal)
    {
        var matching = Assignments()
            .Where(a => a.RoleId == roleId && a.Scope.Contains($"'{scopeType}'", StringComparison.Ordinal) && a.Principal == principal)
            .ToList();

        Assert.True(matching.Count == 1, $"Expected one '{role}' assignment to the {principal} on {scopeType}, found {matching.Count}.");
    }

    [Fact]
    public void NoOtherRoleIsAssigned()
    {
        Assert.Equal(ExpectedAssignments.Count, Assignments().Count());
    }

    [Fact]
    public void RoleIdsAreNamedVariablesInTheirOwnModule()
    {
        var assignments = compiled.Main.ResourcesOfType("Microsoft.Authorization/roleAssignments").ToList();

        Assert.All(assignments, a => Assert.Equal("rbac", a.Where.Name));
        Assert.All(assignments, a => Assert.Matches(RoleDefinitionFromVariable(), Deployment.Text(a.Resource["properties"], "roleDefinitionId")));
    }

    [Fact]
    public void AppPrincipalIsTheFunctionAppsUserAssignedIdentity()
    {
        var rbac = compiled.Main.Module("rbac");
        var (where, principal) = rbac.Resolve("[parameters('appPrincipalId')]");

        Assert.Equal("identity", where.Name);
        Assert.Equal("[reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', parameters('name')), '2024-11-30').principalId]", principal);
    }

    [Fact]
    public void DeployingUserIsThePrincipalIdParameterAndIsOptional()
    {
        var rbac = compiled.Main.Module("rbac");
        var user = rbac.OwnResources().Single(r => Deployment.Text(r["properties"], "principalId") == "[parameters('userPrincipalId')]");

        Assert.Equal("principalId", rbac.MainParameterName("[parameters('userPrincipalId')]"));
        Assert.Equal("[not(empty(parameters('userPrincipalId')))]", Deployment.Text(user, "condition"));
        Assert.Equal(string.Empty, Deployment.Text(compiled.Main.Template["parameters"]!["principalId"], "defaultValue"));
    }

    private IEnumerable<(string RoleId, string Scope, string Principal)> Assignments()
    {
        foreach (var (where, assignment) in compiled.Main.ResourcesOfType("Microsoft.Authorization/roleAssignments"))
        {
            var properties = assignment["properties"]!;
            var variable = RoleDefinitionFromVariable().Match(Deployment.Text(properties, "roleDefinitionId"));
            var roleId = variable.Success
                ? Deployment.Text(where.Template["variables"], variable.Groups["name"].Value)
                : Deployment.Text(properties, "roleDefinitionId");
            var principal = Deployment.Text(properties, "principalId") switch
            {
                "[parameters('appPrincipalId')]" when Deployment.Text(properties, "principalType") == "ServicePrincipal" => App,
                "[parameters('userPrincipalId')]" => User,
                var other => other,
            };
            yield return (roleId, Deployment.Text(assignment, "scope"), principal);
        }
    }

    [GeneratedRegex(@"^\[subscriptionResourceId\('Microsoft\.Authorization/roleDefinitions', variables\('(?<name>\w+RoleId)'\)\)\]$")]
    private static partial Regex RoleDefinitionFromVariable();
}
