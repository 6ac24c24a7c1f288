namespace SalesCrm.Web.Features.Gamification;

/// <summary>What the browser's Geolocation API answered (<c>currentPosition</c> in app.js): a position, or why not (<c>denied</c>, <c>unavailable</c>, <c>timeout</c>, <c>unsupported</c>).</summary>
public sealed record GeoFix(bool Ok, double Lat, double Long, double Accuracy, string? Error);
