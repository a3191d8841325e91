import type { Ctx } from '../../../platform/auth/actor.js';
import { addDaysTo } from '../../../platform/compliance/check-provider.js';
import { localToday } from '../local-date.js';
import { addMonths } from '../own-checks.js';
import { recordEvidence } from '../use-cases/record-evidence.js';
import { takeSnapshot } from '../use-cases/snapshots.js';

/**
 * Compliance evidence of the demo regency under its profile (Perbup Tabanan 44/2022): yearly LAN
 * diagrams (Pasal 11 ayat (1)) on time, due soon and late; the Keputusan Bupati on the Tim
 * Koordinasi (Pasal 29 ayat (5)) and the Kepala Dinas's decree on the development lifecycle
 * (Pasal 7 ayat (2)) recorded as in force; an attestation; and a first snapshot for the history.
 * Other profiles start without evidence (the OKU Timur LAN duty has an id of its own).
 */
export async function seedComplianceDemo(
  ctx: Ctx,
  { agencyIdsByCode }: { agencyIdsByCode: Map<string, string> },
) {
  const today = localToday();
  const id = (code: string) => agencyIdsByCode.get(code);
  const lan = (code: string, recordedOn: string) => {
    const agencyId = id(code);
    if (!agencyId) return Promise.resolve(null);
    return recordEvidence(ctx, {
      kind: 'submission',
      obligationId: 'tabanan-44-2022.p11.a1',
      partyKey: agencyId,
      recordedOn,
      url: `https://${code.toLowerCase()}.tabanankab.go.id/dokumen/diagram-lan-${recordedOn.slice(0, 4)}.pdf`,
      statement: 'Diagram LAN disampaikan kepada Kepala Dinas.',
    });
  };
  const seeded = [
    await lan('DINKES', addDaysTo(today, -40)),
    await lan('BAPPEDA', addDaysTo(addMonths(today, -12), 20)),
    await lan('DISDUKCAPIL', addDaysTo(addMonths(today, -12), -15)),
    await recordEvidence(ctx, {
      kind: 'submission',
      obligationId: 'tabanan-44-2022.p29.a5',
      partyKey: 'bupati',
      recordedOn: addDaysTo(today, -300),
      url: 'https://jdih.tabanankab.go.id/keputusan-bupati/tim-koordinasi-spbe.pdf',
      statement: 'Keputusan Bupati tentang Tim Koordinasi SPBE Kabupaten Tabanan.',
    }),
    await recordEvidence(ctx, {
      kind: 'submission',
      obligationId: 'tabanan-44-2022.p7.a2',
      partyKey: 'kominfo',
      recordedOn: addDaysTo(today, -200),
      url: 'https://jdih.tabanankab.go.id/keputusan-kadis/siklus-pengembangan-aplikasi.pdf',
      statement: 'Keputusan Kepala Dinas tentang siklus pengembangan aplikasi.',
    }),
  ];
  const kominfo = id('DISKOMINFO');
  if (kominfo) {
    seeded.push(
      await recordEvidence(ctx, {
        kind: 'attestation',
        obligationId: 'tabanan-44-2022.p22.a4',
        partyKey: kominfo,
        recordedOn: addDaysTo(today, -10),
        validUntil: addMonths(today, 6),
        url: 'https://diskominfo.tabanankab.go.id/satu-data/berita-acara-forum-2026.pdf',
        statement: 'Forum Satu Data diselenggarakan; berita acara terlampir.',
      }),
    );
  }
  await takeSnapshot(ctx, today);
  return { evidence: seeded.filter(Boolean).length };
}
