using System.Buffers;

namespace InfraFunctions.Core.Realtime;

/// <summary>The REST send body: <c>{"target":"metrics.updated","arguments":[...]}</c>, with one argument already serialised.</summary>
public static class SignalRMessage
{
    public static byte[] Body(string target, ReadOnlyMemory<byte> argumentJson)
    {
        var buffer = new ArrayBufferWriter<byte>(argumentJson.Length + 64);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("target", target);
            writer.WriteStartArray("arguments");
            writer.WriteRawValue(argumentJson.Span, skipInputValidation: true);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
