namespace SalesCrm.Core.Assistant;

/// <summary>What the <c>/assistant</c> page asks (<see cref="PipelineChat"/>); an interface so component tests can answer without a database.</summary>
public interface IPipelineChat
{
    /// <summary>See <see cref="PipelineChat.AskAsync"/>.</summary>
    Task<ChatAnswer> AskAsync(string? message, CancellationToken ct = default);
}
