using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using InfraFunctions.Core;

namespace InfraFunctions.Infra.Tests.Support;

/// <summary>An app setting the code reads, and its default in code when it has one.</summary>
public sealed record ReadSetting(string Name, string Source, object? CodeDefault);

/// <summary>
/// Every app setting the function app reads, collected from the code itself so that a new setting
/// without infrastructure fails the tests:
/// options sections (<c>{SectionName}__{Property}</c>), the names in <see cref="AppSettingNames"/>, and the
/// <c>%NAME%</c> timer schedules in the built <c>functions.metadata</c>.
/// </summary>
public static partial class SettingsTheCodeReads
{
    /// <summary>The identity-based children that stand for <see cref="AppSettingNames.Storage"/> in Azure.</summary>
    public static readonly string[] StorageChildren =
    [
        "AzureWebJobsStorage__tableServiceUri",
        "AzureWebJobsStorage__blobServiceUri",
        "AzureWebJobsStorage__credential",
        "AzureWebJobsStorage__clientId",
    ];

    public static IReadOnlyList<ReadSetting> All() =>
        [.. FromOptions(), .. FromAppSettingNames(), .. FromTimerSchedules()];

    public static IEnumerable<ReadSetting> FromOptions()
    {
        foreach (var type in OptionsSections())
        {
            var section = (string)type.GetField("SectionName")!.GetRawConstantValue()!;
            var instance = Activator.CreateInstance(type);
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.SetMethod is { IsPublic: true })
                {
                    yield return new ReadSetting($"{section}__{property.Name}", type.Name, property.GetValue(instance));
                }
            }
        }
    }

    /// <summary>Public classes of InfraFunctions.Core named *Options with a public const SectionName.</summary>
    public static IEnumerable<Type> OptionsSections() =>
        typeof(AppSettingNames).Assembly.GetExportedTypes()
            .Where(t => t.IsClass && !t.IsAbstract && t.Name.EndsWith("Options", StringComparison.Ordinal))
            .Where(t => t.GetField("SectionName", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field
                && field.FieldType == typeof(string))
            .OrderBy(t => t.Name, StringComparer.Ordinal);

    public static IEnumerable<ReadSetting> FromAppSettingNames()
    {
        var names = typeof(AppSettingNames)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!);
        foreach (var name in names)
        {
            if (name == AppSettingNames.Storage)
            {
                foreach (var child in StorageChildren)
                {
                    yield return new ReadSetting(child, nameof(AppSettingNames), null);
                }
            }
            else
            {
                yield return new ReadSetting(name, nameof(AppSettingNames), null);
            }
        }
    }

    public static IEnumerable<ReadSetting> FromTimerSchedules()
    {
        var path = RepositoryPaths.FunctionsMetadata;
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                "functions.metadata is missing: the function app's build (a project reference of these tests) writes it.", path);
        }

        var functions = JsonNode.Parse(File.ReadAllText(path))!.AsArray();
        foreach (var function in functions)
        {
            foreach (var binding in function!["bindings"]!.AsArray())
            {
                if (Deployment.Text(binding, "type") != "timerTrigger")
                {
                    continue;
                }

                var placeholder = SettingPlaceholder().Match(Deployment.Text(binding, "schedule"));
                if (placeholder.Success)
                {
                    yield return new ReadSetting(placeholder.Groups["name"].Value, $"{Deployment.Text(function, "name")} timer", null);
                }
            }
        }
    }

    /// <summary>How a value reads as an app setting, for comparing code defaults with Bicep defaults.</summary>
    public static string AsSettingText(object value) => value switch
    {
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    [GeneratedRegex("^%(?<name>[A-Za-z0-9_]+)%$")]
    private static partial Regex SettingPlaceholder();
}
