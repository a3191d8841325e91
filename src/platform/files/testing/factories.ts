import type { Ctx } from '../../auth/actor.js';
import { createFileStore } from '../file-store.js';
import { uploadFile } from '../files.js';

/** The smallest thing the sniffer takes for a PDF. */
export const SAMPLE_PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** The multipart form of an upload, as a browser sends it. */
export function uploadForm(agencyId: string | undefined, name: string, bytes: Buffer): FormData {
  const form = new FormData();
  if (agencyId) form.append('agencyId', agencyId);
  form.append('file', new File([bytes], name));
  return form;
}

/** A stored file of `agencyId`, through the use case (audited), in the store under `rootDir`. */
export function buildFile(
  ctx: Ctx,
  rootDir: string,
  agencyId: string,
  { name = 'dokumen.pdf', bytes = SAMPLE_PDF }: { name?: string; bytes?: Buffer } = {},
) {
  return uploadFile(ctx, createFileStore(rootDir), { agencyId, fileName: name, bytes });
}
