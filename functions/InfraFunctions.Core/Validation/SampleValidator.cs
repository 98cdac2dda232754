using System.Runtime.InteropServices;
using System.Text;

namespace InfraFunctions.Core.Validation;

/// <summary>
/// Parses and checks one sample on its own, so a malformed sample is rejected with its reasons
/// while the rest of its batch is stored.
/// </summary>
public sealed class SampleValidator(TimeProvider time, IOptions<IngestOptions> ingest, IOptions<RetentionOptions> retention)
{
    public SampleValidation Validate(JsonElement element)
    {
        Sample? sample;
        try
        {
            // Parse the element's own UTF-8 bytes: no copy of the element is written out first.
            sample = JsonSerializer.Deserialize(JsonMarshal.GetRawUtf8Value(element), ContractsJsonContext.Default.Sample);
        }
        catch (JsonException ex)
        {
            var where = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "sample" : ex.Path.TrimStart('$', '.');
            return SampleValidation.Invalid($"{where}: {JsonErrorText.Of(ex)}");
        }

        if (sample is null)
        {
            return SampleValidation.Invalid("sample: must be an object, not null.");
        }

        var errors = new SampleErrors();
        CheckTimestamp(sample.Timestamp, errors);
        SampleRules.Check(sample, errors);
        if (errors.Count > 0)
        {
            return SampleValidation.Invalid(errors.ToArray());
        }

        // What is stored is bounded, not what is posted: a sample is cut to fit one binary property as compressed JSON
        // (StoredSampleFit says in which order), and refused only when even the cut sample does not fit.
        var stored = StoredSampleFit.Fit(sample, Encoding.UTF8.GetString(JsonMarshal.GetRawUtf8Value(element)));
        return stored.Fits
            ? SampleValidation.Valid(stored.Sample, stored.Json)
            : SampleValidation.Invalid(
                $"sample: is still more than {SampleEntityMapper.MaxStoredBytes / 1024} KiB as stored (compressed JSON, one Table Storage binary property) without its processes and containers "
                + $"and with {stored.Sample.CustomMetrics?.Count ?? 0} custom series. Send fewer disks or per-core values, or shorter names.");
    }

    private void CheckTimestamp(DateTimeOffset timestamp, SampleErrors errors)
    {
        var now = time.GetUtcNow();
        var latest = now.AddMinutes(ingest.Value.MaxFutureSkewMinutes);
        var earliest = now.AddDays(-retention.Value.RawDays);
        if (timestamp > latest)
        {
            errors.Add($"timestamp: {Format(timestamp)} is more than {ingest.Value.MaxFutureSkewMinutes} minutes ahead of the server clock ({Format(now)}); check the host's clock (NTP).");
        }
        else if (timestamp < earliest)
        {
            errors.Add($"timestamp: {Format(timestamp)} is older than the raw retention of {retention.Value.RawDays} days.");
        }
    }

    private static string Format(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
