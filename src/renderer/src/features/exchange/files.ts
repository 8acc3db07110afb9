/** Bytes ↔ base64 and saving a file, in the browser and in Electron's renderer alike (no Node, no IPC). */

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

/** Saves through the browser's download (Electron shows its save dialog for the same download). */
export function downloadFile(fileName: string, mimeType: string, base64: string): void {
  const url = URL.createObjectURL(new Blob([base64ToBytes(base64)], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the download a moment to start before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** What the deck import's file picker accepts. */
export const DECK_ACCEPT = '.apkg,.csv,.tsv,.txt,.json';

/** The import limit (INTERFACES.md): checked here too, so a big file is refused before it is read. */
export const DECK_IMPORT_LIMIT_BYTES = 50 * 1024 * 1024;
