import { randomBytes } from 'node:crypto';
import type { Static } from 'typebox';
import type { Ctx } from '../../../platform/auth/actor.js';
import { buildFile } from '../../../platform/files/testing/factories.js';
import { buildAgency } from '../../organization/testing/factories.js';
import type { CreateApplicationBody } from '../http/applications.schemas.js';
import { DOCUMENT_KINDS, type DocumentKind } from '../model.js';
import { attachApplicationDocument } from '../use-cases/attach-application-document.js';
import { createApplication } from '../use-cases/create-application.js';

/** An application with a unique name, through the use case (audited, lifecycle started). */
export async function buildApplication(
  ctx: Ctx,
  overrides: Partial<Static<typeof CreateApplicationBody>> = {},
) {
  const agencyId = overrides.agencyId ?? (await buildAgency(ctx)).id;
  return createApplication(ctx, {
    name: `Aplikasi Uji ${randomBytes(4).toString('hex')}`,
    kind: 'khusus',
    hostingLocation: 'pusat_data_daerah',
    dataClassification: 'terbatas',
    ...overrides,
    agencyId,
  });
}

/**
 * Uploads a file for each kind (all four by default) into the store under `rootDir` and attaches
 * it to the application.
 */
export async function attachDocuments(
  ctx: Ctx,
  rootDir: string,
  app: { id: string; agencyId: string },
  kinds: readonly DocumentKind[] = DOCUMENT_KINDS,
) {
  let detail: Awaited<ReturnType<typeof attachApplicationDocument>> | undefined;
  for (const kind of kinds) {
    const file = await buildFile(ctx, rootDir, app.agencyId, { name: `${kind}.pdf` });
    detail = await attachApplicationDocument(ctx, app.id, { kind, fileId: file.id });
  }
  return detail;
}
