namespace SalesCrm.Core.Copilot;

/// <summary>How a copilot request ended and what the rep did with it (the latest step is kept).</summary>
public enum CopilotOutcome
{
    /// <summary>Suggestions were generated and shown.</summary>
    Served,
    /// <summary>Served from the cache of an identical earlier request.</summary>
    Cached,
    /// <summary>The chat model did not answer within the timeout; the grounded composer or the static list answered.</summary>
    FallbackTimeout,
    /// <summary>The chat model failed; the grounded composer or the static list answered.</summary>
    FallbackError,
    /// <summary>A suggestion was copied.</summary>
    Copied,
    /// <summary>A suggestion was put into the WhatsApp composer.</summary>
    Inserted,
    /// <summary>A suggestion was logged on the lead's timeline.</summary>
    Logged,
}
