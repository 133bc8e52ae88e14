// Copies text for the admin; the Clipboard API needs a secure context (https or localhost), else it rejects.
export function copy(text) {
  return navigator.clipboard.writeText(text);
}
