using InfraFunctions.Infra.Tests.Support;

namespace InfraFunctions.Infra.Tests;

[Collection(BicepCollection.Name)]
public sealed class StorageTemplateTests(CompiledTemplate compiled)
{
    [Fact]
    public void StorageAccountIsStorageV2WithSharedKeysOff()
    {
        var (_, storage) = compiled.Main.SingleResourceOfType("Microsoft.Storage/storageAccounts");

        Assert.Equal("StorageV2", Deployment.Text(storage, "kind"));
        Assert.False(storage["properties"]!["allowSharedKeyAccess"]!.GetValue<bool>());
        Assert.True(storage["properties"]!["defaultToOAuthAuthentication"]!.GetValue<bool>());
    }

    [Fact]
    public void StorageAccountRequiresHttpsAndTls12AndHasNoPublicBlobs()
    {
        var (_, storage) = compiled.Main.SingleResourceOfType("Microsoft.Storage/storageAccounts");
        var properties = storage["properties"]!;

        Assert.Equal("TLS1_2", Deployment.Text(properties, "minimumTlsVersion"));
        Assert.True(properties["supportsHttpsTrafficOnly"]!.GetValue<bool>());
        Assert.False(properties["allowBlobPublicAccess"]!.GetValue<bool>());
    }

    [Fact]
    public void StorageHoldsAPrivateContainerForTheFlexDeploymentPackage()
    {
        var storageModule = compiled.Main.Module("storage");
        var (_, container) = compiled.Main.SingleResourceOfType("Microsoft.Storage/storageAccounts/blobServices/containers");
        Assert.Equal("None", Deployment.Text(container["properties"], "publicAccess"));

        var containers = storageModule.PassedParameters!["containers"]!["value"]!.AsArray();
        var packageContainer = Assert.Single(containers)!.GetValue<string>();
        Assert.Equal("[variables('deploymentContainerName')]", packageContainer);

        var (api, site) = compiled.Main.SingleResourceOfType("Microsoft.Web/sites");
        var deployment = Deployment.Text(site["properties"]!["functionAppConfig"]!["deployment"]!["storage"], "value");
        Assert.Equal("[format('{0}{1}', parameters('storageBlobEndpoint'), parameters('deploymentContainerName'))]", deployment);
        Assert.Equal(packageContainer, api.PassedParameters!["deploymentContainerName"]!["value"]!.GetValue<string>());
        Assert.Contains("primaryEndpoints.blob", api.Resolve("[parameters('storageBlobEndpoint')]").Expression, StringComparison.Ordinal);
    }
}
