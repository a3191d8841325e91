/**
 * What a file is, read from its bytes — never from its name or the browser's claim. Only these
 * types are accepted; everything else (an executable renamed .pdf, an image format we do not
 * list, a binary blob) is refused. `file-type` would do this, but its current major needs Node 22.
 */
export const ALLOWED_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'application/zip',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text',
  'text/plain',
  'text/markdown',
] as const;

export type AllowedType = (typeof ALLOWED_TYPES)[number];

/** For messages: what a user may upload. */
export const ALLOWED_DESCRIPTION = 'PDF, PNG, JPEG, DOCX, XLSX, ODT, ZIP, TXT, Markdown';

const startsWith = (bytes: Buffer, magic: number[]) =>
  bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];
const ODT_MIMETYPE = 'application/vnd.oasis.opendocument.text';

/** The media type of `bytes`, or null when it is not an allowed type. `name` only tells text from Markdown. */
export function sniffMediaType(bytes: Buffer, name: string): AllowedType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, ZIP_LOCAL_HEADER)) return zipFlavour(bytes);
  if (isText(bytes)) return /\.(md|markdown)$/i.test(name) ? 'text/markdown' : 'text/plain';
  return null;
}

/**
 * Office documents are ZIP containers. ODF stores an uncompressed `mimetype` entry first (ODF 1.2
 * part 3, 3.3); OOXML names its parts in the clear in the local headers (`word/`, `xl/`).
 */
function zipFlavour(bytes: Buffer): AllowedType | null {
  if (bytes.length < 30) return null; // shorter than one local file header: not a ZIP
  const nameLength = bytes.readUInt16LE(26);
  const extraLength = bytes.readUInt16LE(28);
  if (bytes.toString('latin1', 30, 30 + nameLength) === 'mimetype') {
    const start = 30 + nameLength + extraLength;
    if (bytes.toString('latin1', start, start + ODT_MIMETYPE.length) === ODT_MIMETYPE) {
      return ODT_MIMETYPE;
    }
  }
  if (bytes.includes('[Content_Types].xml')) {
    if (bytes.includes('word/document.xml')) {
      return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    }
    if (bytes.includes('xl/workbook.xml')) {
      return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    }
  }
  return 'application/zip';
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Valid UTF-8 without NUL bytes: what every text or Markdown file is and no binary is. */
function isText(bytes: Buffer): boolean {
  if (bytes.includes(0)) return false;
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}
