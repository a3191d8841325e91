/**
 * Original file names are metadata: shown in lists and offered on download, never used as a path
 * (storage is by SHA-256). A name that tries to be a path or hides characters is refused rather
 * than silently changed, so the user knows what happened.
 */
export function sanitizeFileName(raw: string): string | null {
  const name = raw.normalize('NFC').trim();
  if (name === '' || name.length > 255) return null;
  if (name === '.' || name.includes('..')) return null;
  if (/[/\\]/.test(name)) return null;
  // C0 and C1 controls, DEL, and bidirectional overrides that disguise an extension.
  if (/[\p{Cc}\u202a-\u202e\u2066-\u2069]/u.test(name)) return null;
  return name;
}

/** `content-disposition: attachment` with an ASCII fallback and the UTF-8 name (RFC 6266). */
export function attachmentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["%;\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
