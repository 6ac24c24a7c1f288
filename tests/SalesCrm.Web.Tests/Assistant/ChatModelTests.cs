using System.Text.Json.Nodes;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.Assistant;

/// <summary>The app with a chat model at the local <see cref="ToolCallStub"/> (8-second timeout: the first call JIT-compiles the client on a loaded machine).</summary>
public class ChatModelAppBase(TestProvider provider) : CrmAppFactory(provider), IAsyncLifetime
{
    public ToolCallStub Stub { get; private set; } = default!;

    public async Task InitializeAsync() => Stub = await ToolCallStub.StartAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await Stub.DisposeAsync();
        await base.DisposeAsync();
    }

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() =>
    [
        new("Copilot:Chat:Provider", "openai"), new("Copilot:Chat:BaseUrl", Stub.BaseUrl), new("Copilot:Chat:Model", "stub-model"),
        new("Copilot:Chat:ApiKey", "test-key"), new("Copilot:Chat:TimeoutSeconds", "8"),
    ];
}

public sealed class ChatModelSqliteApp() : ChatModelAppBase(TestProvider.Sqlite);

public sealed class ChatModelPostgresApp() : ChatModelAppBase(TestProvider.Postgres);

/// <summary>Tool calling through the stub: the model's sentence, the function's figures; the offline reader when the model fails, stalls or calls nothing.</summary>
public abstract class ChatModelTests(ChatModelAppBase app)
{
    [Fact]
    public async Task The_model_calls_the_analytics_function_and_the_answer_carries_its_figures()
    {
        app.Stub.Mode = ToolCallStub.Behaviour.CallThenAnswer;
        var w = await ChatWorld.CreateAsync(app);
        var before = app.Stub.Requests.Count;
        var a = await w.Owner.AskAsync(ChatWorld.InstagramOctober);
        Assert.Equal(("model", "Dois negócios do Instagram foram ganhos em outubro."), ((string)a["origin"]!, (string)a["answer"]!));
        Assert.Equal((2m, 12000m), (a.Figure(0), a.Figure(1)));
        Assert.Equal("closings", (string)a["query"]!["function"]!);
        var requests = app.Stub.Requests.Skip(before).ToList();
        Assert.Equal(2, requests.Count);
        Assert.Equal("query_crm", (string)requests[0]["tools"]![0]!["function"]!["name"]!);
        // The function's result went back to the model: the figures it may state.
        var result = (string)requests[1]["messages"]!.AsArray().Single(m => (string?)m!["role"] == "tool")!["content"]!;
        Assert.Contains("12000", result);
    }

    [Fact]
    public async Task A_rep_asking_through_the_model_still_gets_only_their_own_numbers()
    {
        app.Stub.Mode = ToolCallStub.Behaviour.CallThenAnswer;
        var w = await ChatWorld.CreateAsync(app);
        var a = await w.Rep.AskAsync(ChatWorld.InstagramOctober);
        Assert.Equal(("model", 1m, 7000m), ((string)a["origin"]!, a.Figure(0), a.Figure(1)));
    }

    [Theory]
    [InlineData(ToolCallStub.Behaviour.Fail)]
    [InlineData(ToolCallStub.Behaviour.Sleep)]
    [InlineData(ToolCallStub.Behaviour.AnswerWithoutCalling)]
    public async Task When_the_model_fails_stalls_or_calls_no_function_the_offline_reader_answers(ToolCallStub.Behaviour mode)
    {
        app.Stub.Mode = mode;
        try
        {
            var w = await ChatWorld.CreateAsync(app);
            var a = await w.Owner.AskAsync(ChatWorld.InstagramOctober);
            Assert.Equal(("offline", 2m, 12000m), ((string)a["origin"]!, a.Figure(0), a.Figure(1)));
            Assert.DoesNotContain(((JsonNode)a["answer"]!).ToString(), "Dois negócios");
        }
        finally
        {
            app.Stub.Mode = ToolCallStub.Behaviour.CallThenAnswer;
        }
    }
}

public sealed class ChatModelTestsOnSqlite(ChatModelSqliteApp app) : ChatModelTests(app), IClassFixture<ChatModelSqliteApp>;

public sealed class ChatModelTestsOnPostgres(ChatModelPostgresApp app) : ChatModelTests(app), IClassFixture<ChatModelPostgresApp>;
