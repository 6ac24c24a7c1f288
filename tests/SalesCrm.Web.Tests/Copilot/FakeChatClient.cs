using Microsoft.Extensions.AI;

namespace SalesCrm.Web.Tests.Copilot;

/// <summary>An in-test chat model: answers with <see cref="Answer"/>, or fails, or never answers, as the test sets it.</summary>
public sealed class FakeChatClient : IChatClient
{
    public enum Behaviour { Answer, Fail, Hang }

    public Behaviour Mode { get; set; } = Behaviour.Answer;

    public string Answer { get; set; } = """{"sentiment":"negative","urgency":"high","intent":"scheduling"}""";

    public List<IReadOnlyList<ChatMessage>> Requests { get; } = [];

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        lock (Requests) Requests.Add(messages.ToList());
        switch (Mode)
        {
            case Behaviour.Fail:
                throw new HttpRequestException("model unavailable");
            case Behaviour.Hang:
                await Task.Delay(Timeout.Infinite, cancellationToken);
                break;
        }
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, Answer));
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose() { }
}
