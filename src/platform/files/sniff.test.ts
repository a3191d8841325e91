import { describe, expect, it } from 'vitest';
import { attachmentDisposition, sanitizeFileName } from './file-name.js';
import { sniffMediaType } from './sniff.js';

/** A ZIP local file header for `name`, followed by `content` stored uncompressed. */
function zipEntry(name: string, content = ''): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(Buffer.byteLength(name), 26);
  header.writeUInt16LE(0, 28);
  return Buffer.concat([header, Buffer.from(name), Buffer.from(content)]);
}

describe('sniffMediaType', () => {
  it('recognises the allowed types by their bytes', () => {
    expect(sniffMediaType(Buffer.from('%PDF-1.7\n…'), 'x')).toBe('application/pdf');
    expect(sniffMediaType(Buffer.from('89504e470d0a1a0a0000', 'hex'), 'x')).toBe('image/png');
    expect(sniffMediaType(Buffer.from('ffd8ffe000104a464946', 'hex'), 'x')).toBe('image/jpeg');
    expect(sniffMediaType(zipEntry('data.csv', 'a,b'), 'x')).toBe('application/zip');
  });

  it('tells office documents inside a ZIP container apart', () => {
    const docx = Buffer.concat([zipEntry('[Content_Types].xml'), zipEntry('word/document.xml')]);
    const xlsx = Buffer.concat([zipEntry('[Content_Types].xml'), zipEntry('xl/workbook.xml')]);
    const odt = zipEntry('mimetype', 'application/vnd.oasis.opendocument.text');
    expect(sniffMediaType(docx, 'x')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(sniffMediaType(xlsx, 'x')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(sniffMediaType(odt, 'x')).toBe('application/vnd.oasis.opendocument.text');
  });

  it('takes valid UTF-8 without NULs as text, Markdown by its extension', () => {
    expect(sniffMediaType(Buffer.from('Laporan pencadangan — selesai ✓\n'), 'a.txt')).toBe(
      'text/plain',
    );
    expect(sniffMediaType(Buffer.from('# Judul\n'), 'README.md')).toBe('text/markdown');
  });

  it('refuses everything else, whatever the name says', () => {
    const elf = Buffer.from('7f454c460201010000000000', 'hex');
    const exe = Buffer.from('4d5a90000300000004000000ffff0000', 'hex');
    const gif = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00', 'latin1');
    expect(sniffMediaType(elf, 'laporan.pdf')).toBeNull();
    expect(sniffMediaType(exe, 'laporan.pdf')).toBeNull();
    expect(sniffMediaType(gif, 'foto.png')).toBeNull();
    expect(sniffMediaType(Buffer.from([0xc3, 0x28]), 'a.txt')).toBeNull(); // invalid UTF-8
    expect(sniffMediaType(Buffer.from('PK\x03\x04', 'latin1'), 'a.zip')).toBeNull(); // truncated
  });
});

describe('sanitizeFileName', () => {
  it('keeps ordinary names, normalised', () => {
    expect(sanitizeFileName(' Dokumen Kebutuhan v1.2.pdf ')).toBe('Dokumen Kebutuhan v1.2.pdf');
    expect(sanitizeFileName('Panduan Pengguna – édisi.docx')).toBe('Panduan Pengguna – édisi.docx');
  });

  it('refuses paths, parent references, control and bidi characters', () => {
    for (const name of [
      '',
      '   ',
      '.',
      '../../etc/passwd',
      'a/b.pdf',
      'C:\\Windows\\x.pdf',
      'a..b',
      'tab\there.pdf',
      'nul\u0000.pdf',
      'laporan\u202Efdp.exe',
      'x'.repeat(256),
    ]) {
      expect(sanitizeFileName(name), JSON.stringify(name)).toBeNull();
    }
  });
});

describe('attachmentDisposition', () => {
  it('gives an ASCII fallback and the exact UTF-8 name', () => {
    expect(attachmentDisposition('Laporan "akhir" (1).pdf')).toBe(
      `attachment; filename="Laporan _akhir_ (1).pdf"; filename*=UTF-8''Laporan%20%22akhir%22%20%281%29.pdf`,
    );
    expect(attachmentDisposition('é.txt')).toBe(
      `attachment; filename="_.txt"; filename*=UTF-8''%C3%A9.txt`,
    );
  });
});
