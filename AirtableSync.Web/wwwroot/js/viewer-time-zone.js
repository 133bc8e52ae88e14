// The browser's IANA time zone (e.g. "Europe/Paris"), so times are shown where the viewer is.
export function timeZone() {
  return Intl.DateTimeFormat().resolvedOptions().timeZone ?? null;
}

// The browser's formatting locale (e.g. "de-DE"), so dates read the way the viewer writes them.
export function locale() {
  return Intl.DateTimeFormat().resolvedOptions().locale ?? navigator.language ?? null;
}
