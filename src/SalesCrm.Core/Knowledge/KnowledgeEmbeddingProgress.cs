namespace SalesCrm.Core.Knowledge;

/// <summary>
/// The workspace's embeddings: <see cref="Total"/> searchable chunks (published document, enabled), <see cref="Embedded"/>
/// of them with a current vector of <see cref="Model"/>, <see cref="Pending"/> the rest. <see cref="Running"/> while the
/// background job has work here; <see cref="LastError"/> and <see cref="RetryAt"/> (UTC) when the provider failed and
/// the job waits to try again. <see cref="Model"/> is null and <see cref="Provider"/> <c>none</c> when no provider is configured.
/// </summary>
public sealed record KnowledgeEmbeddingProgress(
    string? Model,
    int? Dimensions,
    int Total,
    int Embedded,
    int Pending,
    bool Running,
    string Provider,
    string? LastError = null,
    DateTime? RetryAt = null);
