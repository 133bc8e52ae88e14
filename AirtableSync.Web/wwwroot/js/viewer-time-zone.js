// The browser's IANA time zone (e.g. "Europe/Paris"), so times are shown where the viewer is.
export function timeZone() {
  return Intl.DateTimeFormat().resolvedOptions().timeZone ?? null;
}
