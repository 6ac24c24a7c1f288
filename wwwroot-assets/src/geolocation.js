// The lead page's check-in button: where the phone is, from the browser's Geolocation API.

/**
 * Resolves { ok: true, lat, long, accuracy } with the current position, or { ok: false, error } where error is
 * "denied" (the user or browser refused permission), "unavailable" (no fix), "timeout" or "unsupported".
 */
export function currentPosition(timeoutMs) {
  return new Promise((resolve) => {
    if (!navigator.geolocation) {
      resolve({ ok: false, error: "unsupported" });
      return;
    }
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ ok: true, lat: p.coords.latitude, long: p.coords.longitude, accuracy: p.coords.accuracy }),
      (e) => resolve({ ok: false, error: e.code === 1 ? "denied" : e.code === 3 ? "timeout" : "unavailable" }),
      { enableHighAccuracy: true, timeout: timeoutMs || 15000, maximumAge: 0 },
    );
  });
}
