namespace SalesCrm.Core.Knowledge;

/// <summary>
/// What this process's embedding job last ran into: the provider's error and when it tries again (null while it
/// works). The progress itself is derived from the data, so a restart loses nothing but this note.
/// </summary>
public sealed class KnowledgeEmbeddingState
{
    private volatile Failure? _failure;

    public sealed record Failure(string Message, DateTime RetryAt, int Attempts);

    public Failure? LastFailure => _failure;

    public void Succeeded() => _failure = null;

    public void Failed(string message, DateTime retryAt, int attempts) => _failure = new Failure(message, retryAt, attempts);
}
