namespace InfraFunctions.Core.Rules;

/// <summary>One series hosts report now, for the metric picker: its text, its family's name, title and unit, and how many hosts carry it.</summary>
public sealed record CatalogSeries(string Metric, string Family, string Title, string Unit, int Hosts);
