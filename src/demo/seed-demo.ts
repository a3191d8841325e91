import { seedApplicationsDemo } from '../contexts/applications/index.js';
import { seedComplianceDemo } from '../contexts/compliance/index.js';
import { seedDataDemo } from '../contexts/data/index.js';
import { seedDatacenterDemo } from '../contexts/datacenter/index.js';
import { seedEvaluationDemo } from '../contexts/evaluation/index.js';
import { createUser, hashPassword } from '../contexts/identity/index.js';
import { seedInteropDemo } from '../contexts/interop/index.js';
import {
  type AgencyKind,
  agencies,
  createAgency,
  updateGovernment,
} from '../contexts/organization/index.js';
import type { Ctx } from '../platform/auth/actor.js';
import type { Role } from '../platform/auth/roles.js';
import type { FileStore } from '../platform/files/file-store.js';

/** Every demo account signs in with this password (shown by `simpul seed --demo` and the README). */
export const DEMO_PASSWORD = 'Simpul-Demo-2026';

type AgencySeed = [
  code: string,
  name: string,
  kind: AgencyKind,
  shortName?: string,
  parent?: string,
];

// The Perangkat Daerah of a regency as Perbup Tabanan 44/2022 finds it: secretariats, dinas,
// badan, the ten kecamatan of Tabanan and kelurahan of the capital district.
const AGENCIES: AgencySeed[] = [
  ['SETDA', 'Sekretariat Daerah', 'sekretariat_daerah', 'Setda'],
  ['SETWAN', 'Sekretariat Dewan Perwakilan Rakyat Daerah', 'sekretariat_dprd', 'Setwan'],
  ['INSPEKTORAT', 'Inspektorat Daerah', 'inspektorat', 'Inspektorat'],
  ['DISKOMINFO', 'Dinas Komunikasi dan Informatika', 'dinas', 'Diskominfo'],
  ['DISDIKPORA', 'Dinas Pendidikan, Kepemudaan dan Olahraga', 'dinas', 'Disdikpora'],
  ['DINKES', 'Dinas Kesehatan', 'dinas', 'Dinkes'],
  [
    'DPUPRPKP',
    'Dinas Pekerjaan Umum, Penataan Ruang, Perumahan dan Kawasan Permukiman',
    'dinas',
    'DPUPRPKP',
  ],
  ['DISDUKCAPIL', 'Dinas Kependudukan dan Pencatatan Sipil', 'dinas', 'Disdukcapil'],
  ['DINSOS', 'Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak', 'dinas', 'Dinsos P3A'],
  ['DPMPTSP', 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu', 'dinas', 'DPMPTSP'],
  ['DISPERINDAG', 'Dinas Perindustrian dan Perdagangan', 'dinas', 'Disperindag'],
  ['DISTAN', 'Dinas Pertanian', 'dinas', 'Distan'],
  ['DISPAR', 'Dinas Pariwisata', 'dinas', 'Dispar'],
  ['DLH', 'Dinas Lingkungan Hidup', 'dinas', 'DLH'],
  ['DISHUB', 'Dinas Perhubungan', 'dinas', 'Dishub'],
  ['DISNAKER', 'Dinas Tenaga Kerja', 'dinas', 'Disnaker'],
  ['DPMD', 'Dinas Pemberdayaan Masyarakat dan Desa', 'dinas', 'DPMD'],
  ['DISKOPUKM', 'Dinas Koperasi, Usaha Kecil dan Menengah', 'dinas', 'Diskop UKM'],
  ['DISARPUS', 'Dinas Kearsipan dan Perpustakaan', 'dinas', 'Disarpus'],
  ['BAPPEDA', 'Badan Perencanaan Pembangunan Daerah', 'badan', 'Bappeda'],
  ['BPKAD', 'Badan Pengelolaan Keuangan dan Aset Daerah', 'badan', 'BPKAD'],
  ['BAPENDA', 'Badan Pendapatan Daerah', 'badan', 'Bapenda'],
  ['BKPSDM', 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia', 'badan', 'BKPSDM'],
  ['BPBD', 'Badan Penanggulangan Bencana Daerah', 'badan', 'BPBD'],
  ['KESBANGPOL', 'Badan Kesatuan Bangsa dan Politik', 'badan', 'Kesbangpol'],
  ['SATPOLPP', 'Satuan Polisi Pamong Praja', 'satuan_polisi_pamong_praja', 'Satpol PP'],
  ['RSUD', 'Rumah Sakit Umum Daerah Tabanan', 'rsud', 'RSUD Tabanan'],
  ['KEC-TABANAN', 'Kecamatan Tabanan', 'kecamatan'],
  ['KEC-KEDIRI', 'Kecamatan Kediri', 'kecamatan'],
  ['KEC-KERAMBITAN', 'Kecamatan Kerambitan', 'kecamatan'],
  ['KEC-SELEMADEG', 'Kecamatan Selemadeg', 'kecamatan'],
  ['KEC-SELEMADEG-BARAT', 'Kecamatan Selemadeg Barat', 'kecamatan'],
  ['KEC-SELEMADEG-TIMUR', 'Kecamatan Selemadeg Timur', 'kecamatan'],
  ['KEC-PENEBEL', 'Kecamatan Penebel', 'kecamatan'],
  ['KEC-MARGA', 'Kecamatan Marga', 'kecamatan'],
  ['KEC-BATURITI', 'Kecamatan Baturiti', 'kecamatan'],
  ['KEC-PUPUAN', 'Kecamatan Pupuan', 'kecamatan'],
  ['KEL-DAUH-PEKEN', 'Kelurahan Dauh Peken', 'kelurahan', undefined, 'KEC-TABANAN'],
  ['KEL-DAJAN-PEKEN', 'Kelurahan Dajan Peken', 'kelurahan', undefined, 'KEC-TABANAN'],
  ['KEL-DELOD-PEKEN', 'Kelurahan Delod Peken', 'kelurahan', undefined, 'KEC-TABANAN'],
];

const HEADS: Record<string, string> = {
  SETDA: 'I Gede Susila',
  INSPEKTORAT: 'I Made Sugiarta',
  DISKOMINFO: 'I Putu Dian Setiawan',
  DINKES: 'dr. Ida Bagus Surya Wira Andi',
  DISDUKCAPIL: 'Ni Made Dwi Astuti',
  BAPPEDA: 'I Gusti Ngurah Agung Rai Dwipayana',
  DPMPTSP: 'I Wayan Sudarma',
};

type PersonSeed = [email: string, name: string, agency: string, roles: Role[], position: string];

const PEOPLE: PersonSeed[] = [
  ['admin', 'I Made Suarjana', 'DISKOMINFO', ['kominfo_admin'], 'Pranata Komputer Ahli Muda'],
  ['kadis.kominfo', 'I Putu Dian Setiawan', 'DISKOMINFO', ['agency_head'], 'Kepala Dinas'],
  ['helpdesk', 'Ni Kadek Sri Wahyuni', 'DISKOMINFO', ['tier2_desk'], 'Pengelola Layanan TIK'],
  ['walidata', 'I Gede Wirawan', 'DISKOMINFO', ['data_custodian'], 'Statistisi Ahli Muda'],
  ['sekda', 'I Gede Susila', 'SETDA', ['coordination_team'], 'Sekretaris Daerah'],
  ['asesor', 'Ni Luh Putu Ayu Lestari', 'SETDA', ['internal_assessor'], 'Analis Kelembagaan'],
  ['auditor', 'I Ketut Arsana', 'INSPEKTORAT', ['auditor'], 'Auditor Ahli Madya'],
  ['kepala.dinkes', 'dr. Ida Bagus Surya Wira Andi', 'DINKES', ['agency_head'], 'Kepala Dinas'],
  [
    'operator.dinkes',
    'Ni Komang Ariani',
    'DINKES',
    ['agency_operator', 'data_producer'],
    'Pranata Komputer',
  ],
  ['helpdesk.dinkes', 'I Nyoman Budiarta', 'DINKES', ['tier1_desk'], 'Pengelola Data'],
  ['kepala.disdukcapil', 'Ni Made Dwi Astuti', 'DISDUKCAPIL', ['agency_head'], 'Kepala Dinas'],
  [
    'operator.disdukcapil',
    'I Putu Agus Mahendra',
    'DISDUKCAPIL',
    ['agency_operator', 'tier1_desk'],
    'Pranata Komputer',
  ],
  [
    'kepala.bappeda',
    'I Gusti Ngurah Agung Rai Dwipayana',
    'BAPPEDA',
    ['agency_head', 'coordination_team'],
    'Kepala Badan',
  ],
  [
    'operator.bappeda',
    'Desak Made Sukerti',
    'BAPPEDA',
    ['agency_operator', 'data_producer'],
    'Perencana Ahli Pertama',
  ],
  ['kepala.dpmptsp', 'I Wayan Sudarma', 'DPMPTSP', ['agency_head'], 'Kepala Dinas'],
  [
    'operator.dpmptsp',
    'Anak Agung Ayu Mas Pratiwi',
    'DPMPTSP',
    ['agency_operator'],
    'Pranata Komputer',
  ],
  [
    'operator.disdikpora',
    'I Kadek Dwi Saputra',
    'DISDIKPORA',
    ['agency_operator', 'data_producer'],
    'Pranata Komputer',
  ],
  [
    'operator.kec-tabanan',
    'Ni Wayan Sri Utami',
    'KEC-TABANAN',
    ['agency_operator'],
    'Pengadministrasi Umum',
  ],
];

const DOMAIN = 'tabanankab.go.id';

/**
 * Loads a believable regency — Kabupaten Tabanan with its Perangkat Daerah and people in every
 * role — through the same use cases a person would, so the audit trail records it all. Does
 * nothing when the registry already has agencies. Returns what it created, or null.
 */
export async function seedDemo(ctx: Ctx, options: { fileStore?: FileStore } = {}) {
  const [existing] = await ctx.db.select({ id: agencies.id }).from(agencies).limit(1);
  if (existing) return null;
  await updateGovernment(ctx, {
    name: 'Kabupaten Tabanan',
    type: 'kabupaten',
    province: 'Bali',
    portalDomain: DOMAIN,
    regulationProfile: 'tabanan-44-2022',
  });
  const ids = new Map<string, string>();
  for (const [code, name, kind, shortName, parent] of AGENCIES) {
    const slug = code.toLowerCase().replace(/^(kec|kel)-/, '');
    const agency = await createAgency(ctx, {
      code,
      name,
      kind,
      shortName: shortName ?? null,
      parentId: parent ? ids.get(parent) : undefined,
      isKominfo: code === 'DISKOMINFO',
      headName: HEADS[code] ?? null,
      email: `${slug}@${DOMAIN}`,
      phone: `(0361) 811 0${String(ids.size + 10).padStart(2, '0')}`,
      address: `Jl. Pahlawan No. ${ids.size + 1}, Tabanan, Bali 82111`,
      website: kind === 'kelurahan' ? null : `https://${slug}.${DOMAIN}`,
    });
    ids.set(code, agency.id);
  }
  // One argon2id hash for the one demo password, instead of one per account.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const [local, name, agencyCode, roles, position] of PEOPLE) {
    const agencyId = ids.get(agencyCode) as string;
    const kominfoId = ids.get('DISKOMINFO') as string;
    await createUser(
      ctx,
      {
        email: `${local}@${DOMAIN}`,
        name,
        position,
        agencyId,
        password: DEMO_PASSWORD,
        roles: roles.map((role) => ({
          role,
          agencyId: role === 'kominfo_admin' || role === 'tier2_desk' ? kominfoId : agencyId,
        })),
      },
      { mustChangePassword: false, passwordHash },
    );
  }
  const apps = await seedApplicationsDemo(ctx, {
    agencyIdsByCode: ids,
    fileStore: options.fileStore,
  });
  const datacenter = await seedDatacenterDemo(ctx, { agencyIdsByCode: ids });
  const interop = await seedInteropDemo(ctx, { agencyIdsByCode: ids });
  await seedEvaluationDemo(ctx, { domain: DOMAIN, fileStore: options.fileStore });
  // Last: its first snapshot reads what the other modules seeded.
  await seedComplianceDemo(ctx, { agencyIdsByCode: ids });
  const data = await seedDataDemo(ctx, { agencyIdsByCode: ids, fileStore: options.fileStore });
  return {
    agencies: AGENCIES.length,
    users: PEOPLE.length,
    applications: apps?.applications ?? 0,
    hostingRequests: datacenter?.hostingRequests ?? 0,
    datasets: data?.datasets ?? 0,
    apis: interop?.apis ?? 0,
    password: DEMO_PASSWORD,
  };
}
