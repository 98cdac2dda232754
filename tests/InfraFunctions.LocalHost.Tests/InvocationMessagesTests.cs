using System.Text.Json;
using InfraFunctions.LocalHost.Rpc;
using InfraFunctions.LocalHost.Worker;

namespace InfraFunctions.LocalHost.Tests;

public sealed class InvocationMessagesTests
{
    private static readonly FunctionInfo Revoke = new("fn-1", "RevokeAgent", "httpTrigger", "request", "v1/admin/agents/{agentId}", ["DELETE"], "Admin", null);
    private static readonly FunctionInfo Retention = new("fn-2", "RetentionCleanup", "timerTrigger", "timer", null, [], "Function", "%RETENTION_SCHEDULE%");

    [Fact]
    public void AnHttpInvocationCarriesAnEmptyRpcHttpUnderTheTriggersNameAndRouteValuesAsStrings()
    {
        var request = InvocationMessages.Http(Revoke, "inv-1", [new("agentId", "a1b2"), new("number", 7), new("missing", null)], activity: null);

        Assert.Equal("inv-1", request.InvocationId);
        Assert.Equal("fn-1", request.FunctionId);
        var input = Assert.Single(request.InputData);
        Assert.Equal("request", input.Name);
        Assert.Equal(TypedData.DataOneofCase.Http, input.Data.DataCase);
        Assert.Equal("a1b2", request.TriggerMetadata["agentId"].String);
        Assert.Equal("7", request.TriggerMetadata["number"].String);
        Assert.False(request.TriggerMetadata.ContainsKey("missing"));
    }

    [Fact]
    public void EveryInvocationCarriesAW3cTraceContextBecauseTheWorkerThrowsWithoutOne()
    {
        var request = InvocationMessages.Http(Revoke, "inv-2", [], activity: null);
        using var activity = new System.Diagnostics.Activity("test").SetIdFormat(System.Diagnostics.ActivityIdFormat.W3C).Start();
        var traced = InvocationMessages.Http(Revoke, "inv-3", [], activity);

        Assert.Matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$", request.TraceContext.TraceParent);
        Assert.Equal(activity.Id, traced.TraceContext.TraceParent);
    }

    [Fact]
    public void ATimerInvocationCarriesTheTimerInfoJsonTheHostSends()
    {
        var last = new DateTimeOffset(2026, 12, 1, 2, 30, 0, TimeSpan.Zero);
        var request = InvocationMessages.Timer(Retention, "inv-4", new TimerStatus(last, last.AddDays(1), last.AddSeconds(1), IsPastDue: true), activity: null);

        var input = Assert.Single(request.InputData);
        Assert.Equal("timer", input.Name);
        Assert.Equal(TypedData.DataOneofCase.Json, input.Data.DataCase);
        var json = JsonDocument.Parse(input.Data.Json).RootElement;
        Assert.True(json.GetProperty("Schedule").GetProperty("AdjustForDST").GetBoolean());
        Assert.Equal(last, json.GetProperty("ScheduleStatus").GetProperty("Last").GetDateTimeOffset());
        Assert.Equal(last.AddDays(1), json.GetProperty("ScheduleStatus").GetProperty("Next").GetDateTimeOffset());
        Assert.Equal(last.AddSeconds(1), json.GetProperty("ScheduleStatus").GetProperty("LastUpdated").GetDateTimeOffset());
        Assert.True(json.GetProperty("IsPastDue").GetBoolean());
    }

    [Fact]
    public void AReturnValueIsReadBackAsTextWhateverItsTypedDataKind()
    {
        Assert.Equal("{\"a\":1}", InvocationMessages.Text(new TypedData { Json = "{\"a\":1}" }));
        Assert.Equal("plain", InvocationMessages.Text(new TypedData { String = "plain" }));
        Assert.Equal("42", InvocationMessages.Text(new TypedData { Int = 42 }));
        Assert.Equal("bytes", InvocationMessages.Text(new TypedData { Bytes = Google.Protobuf.ByteString.CopyFromUtf8("bytes") }));
        Assert.Null(InvocationMessages.Text(null));
    }

    [Fact]
    public void TheWorkersRawBindingsGiveTheTriggerRouteMethodsAndAuthLevel()
    {
        var metadata = new RpcFunctionMetadata { Name = "RevokeAgent", FunctionId = "fn-9" };
        metadata.RawBindings.Add("{\"name\":\"request\",\"direction\":\"In\",\"type\":\"httpTrigger\",\"authLevel\":\"Admin\",\"methods\":[\"delete\"],\"route\":\"v1/admin/agents/{agentId}\",\"properties\":{}}");
        metadata.RawBindings.Add("{\"name\":\"$return\",\"type\":\"http\",\"direction\":\"Out\"}");

        var function = FunctionIndex.Describe(metadata);

        Assert.Equal(new FunctionInfo("fn-9", "RevokeAgent", "httpTrigger", "request", "v1/admin/agents/{agentId}", function.Methods, "Admin", null), function);
        Assert.Equal(["DELETE"], function.Methods);
    }

    [Fact]
    public void AStreamingMessageRoundTripsThroughTheWireFormatWithTheHostsFieldNumbers()
    {
        var message = new StreamingMessage { RequestId = "r", InvocationRequest = InvocationMessages.Http(Revoke, "inv-5", [new("agentId", "x")], activity: null) };
        var bytes = Google.Protobuf.MessageExtensions.ToByteArray(message);

        // request_id is field 1 (tag 0x0A) and invocation_request field 4 (tag 0x22) of StreamingMessage in the published proto.
        Assert.Equal(new byte[] { 0x0A, 0x01, (byte)'r', 0x22 }, bytes[..4]);
        Assert.Equal(message, StreamingMessage.Parser.ParseFrom(bytes));
    }
}
