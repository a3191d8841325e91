import { inflateSync } from 'node:zlib';

/**
 * The text a PDF written by pdfkit shows, for assertions: inflates each content stream and decodes
 * the hex strings of its text operators (pdfkit's standard fonts use WinAnsi, one byte a glyph).
 */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const out: string[] = [];
  const re = /stream\r?\n/g;
  let m: RegExpExecArray | null = re.exec(raw);
  while (m) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    const bytes = Buffer.from(raw.slice(start, end), 'latin1');
    let content: string;
    try {
      content = inflateSync(bytes).toString('latin1');
    } catch {
      content = bytes.toString('latin1');
    }
    for (const tj of content.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      const parts = [...(tj[1] ?? '').matchAll(/<([0-9a-fA-F]*)>/g)].map((h) =>
        Buffer.from(h[1] ?? '', 'hex').toString('latin1'),
      );
      out.push(parts.join(''));
    }
    m = re.exec(raw);
  }
  return out.join('\n');
}
