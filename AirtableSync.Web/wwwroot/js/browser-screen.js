// The size the login browser's picture is shown at, so a pointer on it maps back to page coordinates.
export function shownSize(element) {
  const box = element.getBoundingClientRect();
  return { width: box.width, height: box.height };
}
