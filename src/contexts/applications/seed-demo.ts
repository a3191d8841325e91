import type { Static } from 'typebox';
import type { Ctx } from '../../platform/auth/actor.js';
import type { FileStore } from '../../platform/files/file-store.js';
import { uploadFile } from '../../platform/files/files.js';
import { findApplicationViews } from './db/queries.js';
import { nationalApplications } from './db/tables.js';
import type { CreateApplicationBody } from './http/applications.schemas.js';
import type { DocumentKind, Stage } from './model.js';
import { attachApplicationDocument } from './use-cases/attach-application-document.js';
import { createApplication } from './use-cases/create-application.js';
import { takeApplicationTransition } from './use-cases/take-application-transition.js';
import { updateApplication } from './use-cases/update-application.js';

export interface SeedApplicationsDemoOptions {
  /** Demo agency ids by code (`DINKES`, `BPKAD`, …): the map `seedDemo` builds. */
  agencyIdsByCode: ReadonlyMap<string, string> | Readonly<Record<string, string>>;
  /**
   * Where the demo documents go, e.g. `createFileStore(join(config.dataDir, 'files'))`. Without
   * it no document is attached, and the applications that would pass or fail a feasibility test
   * (which needs a test report) are registered in their stage instead of walked there.
   */
  fileStore?: FileStore;
}

type Step = { transition: string; comment?: string; report?: boolean };

interface DemoApplication {
  agency: string;
  fields: Omit<Static<typeof CreateApplicationBody>, 'agencyId' | 'nationalApplicationId'>;
  national?: string;
  /** Walked through the lifecycle step by step (needs the file store for test reports). */
  path?: Step[];
  documents?: DocumentKind[];
  /** Kinds uploaded a second time: a superseded version in the history. */
  revised?: DocumentKind[];
  retire?: boolean;
}

const consult = (comment: string): Step => ({ transition: 'record_consultation', comment });
const ALL: DocumentKind[] = ['requirements', 'design', 'user_manual', 'source_code'];

// A believable registry for Kabupaten Tabanan: national aplikasi umum the agencies use, local
// applications in every stage of Perbup 44/2022 Pasal 7 ayat (1), some without their documents
// (Pasal 7 ayat (4)) and some whose audit is overdue (OKU Timur Pasal 19 ayat (6): last audit
// more than two years ago).
const DEMO: DemoApplication[] = [
  {
    agency: 'DINKES',
    fields: {
      name: 'SIMPUS Puskesmas',
      kind: 'khusus',
      description:
        'Sistem informasi manajemen puskesmas: pendaftaran, rekam medis elektronik, farmasi dan pelaporan ke SATUSEHAT.',
      url: 'https://simpus.tabanankab.go.id',
      subdomain: 'simpus.tabanankab.go.id',
      hostingLocation: 'pusat_data_daerah',
      dataClassification: 'rahasia',
      technologyStack: 'PHP 8.2, Laravel 10, PostgreSQL 15',
      sourceRepositoryUrl: 'https://git.tabanankab.go.id/dinkes/simpus',
      vendorName: 'CV Medika Data Nusantara',
      handoverDate: '2024-08-30',
      handoverStatus: 'complete',
      lastAuditDate: '2024-02-14',
    },
    documents: ALL,
    path: [
      { transition: 'to_planning' },
      { transition: 'to_design' },
      consult(
        'Konsultasi dengan Kepala Dinas Kominfo: integrasi dengan SATUSEHAT melalui layanan penghubung, hosting di Pusat Data Daerah, data pasien diklasifikasikan rahasia.',
      ),
      { transition: 'to_implementation' },
      { transition: 'submit_for_testing', comment: 'Versi 2.0 siap diuji.' },
      {
        transition: 'pass_feasibility_test',
        comment:
          'Uji fungsi dan uji keamanan dasar (OWASP Top 10) lulus. Catatan minor sudah diperbaiki.',
        report: true,
      },
    ],
  },
  {
    agency: 'BPKAD',
    national: 'sipd',
    fields: {
      name: 'SIPD Penatausahaan Keuangan',
      kind: 'umum',
      complexity: 'besar',
      nationalRelation: 'is',
      description: 'SIPD Kemendagri untuk penatausahaan dan akuntansi keuangan daerah.',
      url: 'https://sipd.kemendagri.go.id',
      hostingLocation: 'lainnya',
      dataClassification: 'terbatas',
      stage: 'pemeliharaan',
    },
  },
  {
    agency: 'BAPPEDA',
    national: 'sipd',
    fields: {
      name: 'SIPD Perencanaan',
      kind: 'umum',
      complexity: 'besar',
      nationalRelation: 'is',
      description: 'Modul perencanaan SIPD untuk RKPD dan Renja Perangkat Daerah.',
      url: 'https://sipd.kemendagri.go.id',
      hostingLocation: 'lainnya',
      dataClassification: 'terbatas',
      stage: 'evaluasi',
    },
  },
  {
    agency: 'DISDUKCAPIL',
    national: 'siak',
    fields: {
      name: 'Sistem Informasi Administrasi Kependudukan (SIAK)',
      kind: 'umum',
      complexity: 'besar',
      nationalRelation: 'is',
      description: 'SIAK Terpusat Ditjen Dukcapil: pendaftaran penduduk dan pencatatan sipil.',
      hostingLocation: 'lainnya',
      dataClassification: 'rahasia',
      lastAuditDate: '2025-09-03',
      stage: 'pemeliharaan',
    },
  },
  {
    agency: 'DPMPTSP',
    fields: {
      name: 'SiCantik Perizinan',
      kind: 'umum',
      complexity: 'kecil',
      description:
        'Sistem Informasi Cerdas Layanan Perizinan Terintegrasi untuk perizinan daerah non-OSS.',
      url: 'https://sicantik.tabanankab.go.id',
      subdomain: 'sicantik.tabanankab.go.id',
      hostingLocation: 'cloud',
      dataClassification: 'terbatas',
      technologyStack: 'Java 17, Spring Boot, MySQL 8',
    },
    documents: ['requirements', 'design', 'user_manual'],
    path: [
      { transition: 'to_planning' },
      { transition: 'to_design' },
      consult('Konsultasi: perizinan yang sudah ada di OSS RBA tidak dibangun ulang.'),
      { transition: 'to_implementation' },
      { transition: 'submit_for_testing' },
      {
        transition: 'fail_feasibility_test',
        comment:
          'Ditemukan XSS tersimpan pada formulir permohonan dan pustaka usang. Perbaiki lalu ajukan ulang.',
        report: true,
      },
      {
        transition: 'submit_for_testing',
        comment: 'Validasi masukan diperbaiki, pustaka diperbarui.',
      },
    ],
  },
  {
    agency: 'DISKOMINFO',
    fields: {
      name: 'Website resmi Pemerintah Kabupaten Tabanan',
      kind: 'khusus',
      description: 'Portal berita dan informasi publik Pemerintah Kabupaten Tabanan.',
      url: 'https://tabanankab.go.id',
      subdomain: 'tabanankab.go.id',
      hostingLocation: 'pusat_data_daerah',
      dataClassification: 'publik',
      technologyStack: 'WordPress 6, MariaDB 10.11',
      lastAuditDate: '2025-02-10',
      stage: 'pemeliharaan',
    },
    documents: ['requirements', 'user_manual'],
  },
  {
    agency: 'DISKOMINFO',
    national: 'sp4n-lapor',
    fields: {
      name: 'SP4N-LAPOR!',
      kind: 'umum',
      complexity: 'kecil',
      nationalRelation: 'is',
      description: 'Pengelolaan pengaduan pelayanan publik nasional; admin daerah di Diskominfo.',
      url: 'https://www.lapor.go.id',
      hostingLocation: 'lainnya',
      dataClassification: 'terbatas',
      stage: 'pemeliharaan',
    },
  },
  {
    agency: 'BKPSDM',
    national: 'e-kinerja',
    fields: {
      name: 'e-Kinerja BKN',
      kind: 'umum',
      complexity: 'kecil',
      nationalRelation: 'is',
      description: 'Penilaian kinerja (SKP) ASN Pemerintah Kabupaten Tabanan.',
      url: 'https://kinerja.bkn.go.id',
      hostingLocation: 'lainnya',
      dataClassification: 'terbatas',
      stage: 'pemeliharaan',
    },
  },
  {
    agency: 'BKPSDM',
    national: 'siasn',
    fields: {
      name: 'SIMPEG Tabanan (lama)',
      kind: 'khusus',
      nationalRelation: 'replaces',
      description: 'Sistem kepegawaian lokal; datanya telah dimigrasikan ke SIASN BKN.',
      hostingLocation: 'pusat_data_daerah',
      dataClassification: 'rahasia',
      technologyStack: 'PHP 5.6, MySQL 5.5',
      lastAuditDate: '2021-10-05',
      stage: 'evaluasi',
    },
    retire: true,
  },
  {
    agency: 'SETDA',
    national: 'srikandi',
    fields: {
      name: 'SRIKANDI',
      kind: 'umum',
      complexity: 'besar',
      nationalRelation: 'is',
      description: 'Naskah dinas elektronik; penerapan bertahap di seluruh Perangkat Daerah.',
      url: 'https://srikandi.arsip.go.id',
      hostingLocation: 'lainnya',
      dataClassification: 'terbatas',
      stage: 'implementasi',
    },
  },
  {
    agency: 'SETDA',
    national: 'srikandi',
    fields: {
      name: 'e-Office Tabanan',
      kind: 'khusus',
      nationalRelation: 'replaces',
      description: 'Surat-menyurat elektronik buatan daerah; dievaluasi untuk digantikan SRIKANDI.',
      url: 'https://eoffice.tabanankab.go.id',
      subdomain: 'eoffice.tabanankab.go.id',
      hostingLocation: 'pusat_data_daerah',
      dataClassification: 'terbatas',
      technologyStack: 'PHP 7.4, CodeIgniter 3, MySQL 5.7',
      sourceRepositoryUrl: 'https://git.tabanankab.go.id/setda/eoffice',
      lastAuditDate: '2022-11-21',
      stage: 'evaluasi',
    },
    documents: ALL,
    revised: ['user_manual'],
  },
  {
    agency: 'RSUD',
    fields: {
      name: 'Sistem Informasi Manajemen Rumah Sakit (SIMRS)',
      kind: 'khusus',
      description: 'Pendaftaran, rekam medis, billing dan bridging BPJS Kesehatan.',
      url: 'https://simrs.rsudtabanan.tabanankab.go.id',
      subdomain: 'simrs.rsudtabanan.tabanankab.go.id',
      hostingLocation: 'pihak_ketiga',
      dataClassification: 'rahasia',
      technologyStack: '.NET 6, SQL Server 2019',
      vendorName: 'PT Sarana Informatika Medika',
      handoverStatus: 'partial',
      lastAuditDate: '2024-01-20',
      stage: 'pemeliharaan',
    },
    documents: ['requirements', 'user_manual'],
  },
  {
    agency: 'BAPENDA',
    fields: {
      name: 'e-BPHTB',
      kind: 'khusus',
      description:
        'Pelaporan dan pembayaran Bea Perolehan Hak atas Tanah dan Bangunan secara daring.',
      url: 'https://ebphtb.tabanankab.go.id',
      subdomain: 'ebphtb.tabanankab.go.id',
      hostingLocation: 'pusat_data_daerah',
      dataClassification: 'terbatas',
      vendorName: 'CV Pajak Digital Bali',
      handoverStatus: 'pending',
      lastAuditDate: '2023-08-01',
      stage: 'pemeliharaan',
    },
  },
  {
    agency: 'BPBD',
    fields: {
      name: 'SIAGA Bencana Tabanan',
      kind: 'khusus',
      description: 'Pelaporan kejadian bencana oleh masyarakat dan relawan, dengan peta sebaran.',
      subdomain: 'siaga.tabanankab.go.id',
      hostingLocation: 'pusat_data_daerah',
      dataClassification: 'publik',
      technologyStack: 'Node.js 20, PostgreSQL 16 + PostGIS',
    },
    documents: ['requirements', 'design'],
    path: [
      { transition: 'to_planning' },
      { transition: 'to_design' },
      consult('Konsultasi: peta memakai layanan InaGeoportal; data kejadian dibagi ke BNPB.'),
      { transition: 'to_implementation' },
    ],
  },
  {
    agency: 'DISPERINDAG',
    fields: {
      name: 'e-Retribusi Pasar',
      kind: 'khusus',
      description: 'Penagihan retribusi pasar daerah nontunai dengan QRIS.',
      hostingLocation: 'pusat_data_daerah',
      dataClassification: 'terbatas',
    },
    documents: ['requirements'],
    path: [{ transition: 'to_planning' }, { transition: 'to_design' }],
  },
  {
    agency: 'DISTAN',
    fields: {
      name: 'Sistem Informasi Pertanian (SIPERTA)',
      kind: 'khusus',
      description: 'Data subak, luas tanam dan kebutuhan pupuk per kelompok tani.',
      hostingLocation: 'pusat_data_daerah',
      dataClassification: 'publik',
    },
    documents: ['requirements'],
    path: [{ transition: 'to_planning' }],
  },
  {
    agency: 'DISDIKPORA',
    fields: {
      name: 'Sistem Penerimaan Murid Baru (SPMB) Daring',
      kind: 'khusus',
      description: 'Kajian kebutuhan penerimaan murid baru SD dan SMP negeri secara daring.',
      hostingLocation: 'pusat_data_daerah',
      dataClassification: 'terbatas',
    },
  },
];

const idOf = (map: SeedApplicationsDemoOptions['agencyIdsByCode'], code: string) => {
  const id = map instanceof Map ? map.get(code) : (map as Record<string, string>)[code];
  if (!id) throw new Error(`Demo agency ${code} is missing`);
  return id;
};

/** A small, valid-looking PDF (the sniffer checks the signature) with a title of its own. */
const demoPdf = (title: string) =>
  Buffer.from(`%PDF-1.7\n% Simpul demo: ${title}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`);

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/**
 * Loads the demo registry (about 18 applications across the demo agencies, every lifecycle stage,
 * some missing documents, some audit-overdue) through the use cases, so it is audited. Does
 * nothing when applications exist. Returns what it created, or null.
 */
export async function seedApplicationsDemo(ctx: Ctx, options: SeedApplicationsDemoOptions) {
  const [existing] = await findApplicationViews(ctx.db, undefined, { limit: 1, offset: 0 });
  if (existing) return null;
  const national = new Map(
    (await ctx.db.select().from(nationalApplications)).map((n) => [n.code, n.id]),
  );
  const store = options.fileStore;
  let documents = 0;
  const upload = async (agencyId: string, name: string) => {
    if (!store) throw new Error('no file store');
    return uploadFile(ctx, store, { agencyId, fileName: name, bytes: demoPdf(name) });
  };
  for (const demo of DEMO) {
    const agencyId = idOf(options.agencyIdsByCode, demo.agency);
    const walk = demo.path && (store || !demo.path.some((s) => s.report));
    const target = demo.path ? stageAfter(demo.path) : undefined;
    const app = await createApplication(ctx, {
      ...demo.fields,
      agencyId,
      nationalApplicationId: demo.national ? national.get(demo.national) : undefined,
      ...(target && !walk ? { stage: target } : {}),
    });
    if (store) {
      for (const kind of [...(demo.documents ?? []), ...(demo.revised ?? [])]) {
        const file = await upload(agencyId, `${slug(demo.fields.name)}-${kind}.pdf`);
        await attachApplicationDocument(ctx, app.id, { kind, fileId: file.id });
        documents++;
      }
    }
    if (walk && demo.path) {
      for (const step of demo.path) {
        const report = step.report
          ? await upload(agencyId, `laporan-uji-kelaikan-${slug(demo.fields.name)}.pdf`)
          : undefined;
        await takeApplicationTransition(ctx, app.id, {
          transition: step.transition,
          comment: step.comment,
          attachmentIds: report ? [report.id] : undefined,
        });
      }
    }
    if (demo.retire) await updateApplication(ctx, app.id, { status: 'retired' });
  }
  return { applications: DEMO.length, documents };
}

/** Where a path of transitions ends, for registering the application there instead. */
function stageAfter(path: Step[]): Stage {
  const ends: Record<string, Stage> = {
    to_planning: 'perencanaan',
    to_design: 'rancang_bangun',
    record_consultation: 'rancang_bangun',
    to_implementation: 'implementasi',
    submit_for_testing: 'pengujian_kelaikan',
    pass_feasibility_test: 'pemeliharaan',
    fail_feasibility_test: 'implementasi',
  };
  return ends[path[path.length - 1]?.transition ?? ''] ?? 'kajian_kebutuhan';
}
