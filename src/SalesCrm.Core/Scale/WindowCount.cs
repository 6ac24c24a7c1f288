namespace SalesCrm.Core.Scale;

/// <summary>A caller's requests in its current window (this one included) and the time until that window ends.</summary>
public readonly record struct WindowCount(long Count, TimeSpan ResetIn);
