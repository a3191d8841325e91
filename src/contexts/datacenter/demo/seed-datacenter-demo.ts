import { and, asc, eq } from 'drizzle-orm';
import type { Static } from 'typebox';
import type { Actor, Ctx } from '../../../platform/auth/actor.js';
import type { Role } from '../../../platform/auth/roles.js';
import { roleAssignments, users } from '../../identity/index.js';
import { hostingRequests } from '../db/tables.js';
import type { HostingTransitionBody } from '../http/hosting-requests.schemas.js';
import { addDays, localToday } from '../local-date.js';
import { createAccessAuthority } from '../use-cases/create-access-authority.js';
import { createActivityRecord } from '../use-cases/create-activity-record.js';
import { createBackupPolicy } from '../use-cases/create-backup-policy.js';
import { createDevice } from '../use-cases/create-device.js';
import { createHostingRequest } from '../use-cases/create-hosting-request.js';
import { recordBackupReport } from '../use-cases/record-backup-report.js';
import { recordHostingTest } from '../use-cases/record-hosting-test.js';
import { recordRestoreTest } from '../use-cases/record-restore-test.js';
import { takeHostingRequestTransition } from '../use-cases/take-hosting-request-transition.js';
import { updateHostingRequest } from '../use-cases/update-hosting-request.js';
import type { AccessAuthority, DeviceKind, DeviceStatus } from '../vocabulary.js';

export interface DatacenterDemoOptions {
  /** The demo agencies' ids by code (`DISKOMINFO`, `DINKES`, …); missing codes are skipped. */
  agencyIdsByCode: ReadonlyMap<string, string> | Readonly<Record<string, string>>;
}

/**
 * A context acting as the first active demo user holding `role` in `agencyId` (so the timeline
 * shows a person), or Simpul itself when there is none.
 */
async function actingAs(ctx: Ctx, role: Role, agencyId: string): Promise<Ctx> {
  const [user] = await ctx.db
    .select({ id: users.id, email: users.email, name: users.name, agencyId: users.agencyId })
    .from(users)
    .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
    .where(
      and(
        eq(roleAssignments.role, role),
        eq(roleAssignments.agencyId, agencyId),
        eq(users.status, 'active'),
      ),
    )
    .orderBy(asc(users.email))
    .limit(1);
  if (!user) return ctx;
  const grants = await ctx.db
    .select({ role: roleAssignments.role, agencyId: roleAssignments.agencyId })
    .from(roleAssignments)
    .where(eq(roleAssignments.userId, user.id));
  const actor: Actor = {
    type: 'user',
    ...user,
    roles: grants.map((g) => ({ role: g.role as Role, agencyId: g.agencyId })),
    via: 'session',
    mustChangePassword: false,
  };
  return { ...ctx, actor };
}

type Step = Static<typeof HostingTransitionBody>;

const checklist = (failed: string[] = []) =>
  [
    'Pemindaian kerentanan tanpa temuan kritis/tinggi yang terbuka',
    'Pengujian OWASP Top 10 (injeksi, autentikasi, kontrol akses)',
    'HTTPS dengan sertifikat yang sah',
    'Sistem operasi dan komponen diperbarui (patch keamanan)',
    'Rencana pencadangan sesuai klasifikasi data',
    'Rencana pemulihan bencana dan uji pemulihan terakhir',
    'Kebutuhan sumber daya wajar dan tersedia',
  ].map((item) => ({
    item,
    result: failed.includes(item) ? ('fail' as const) : ('pass' as const),
    notes: failed.includes(item) ? 'Lihat temuan.' : null,
  }));

/**
 * The Pusat Data of the demo regency: hosting requests in every state of the workflow (one of
 * them returned, fixed and resubmitted), the device catalogue, the user and authority catalogue,
 * a week of activity records, and backup policies with reports and restore tests — some of them
 * overdue, so the supervision view and the reminder have something to show. Acts through the use
 * cases as the demo people (audited, notified). Does nothing when a hosting request exists.
 */
export async function seedDatacenterDemo(ctx: Ctx, { agencyIdsByCode }: DatacenterDemoOptions) {
  const [existing] = await ctx.db.select({ id: hostingRequests.id }).from(hostingRequests).limit(1);
  if (existing) return null;
  const idOf = (code: string) =>
    agencyIdsByCode instanceof Map
      ? agencyIdsByCode.get(code)
      : (agencyIdsByCode as Readonly<Record<string, string>>)[code];
  const kominfoId = idOf('DISKOMINFO');
  const today = localToday();
  const daysAgo = (n: number) => addDays(today, -n);
  const counts = {
    hostingRequests: 0,
    devices: 0,
    authorities: 0,
    activities: 0,
    backupPolicies: 0,
  };

  // Devices first: an allocation names the host it landed on.
  const deviceIds = new Map<string, string>();
  const DEVICES: [
    name: string,
    kind: DeviceKind,
    brand: string,
    model: string,
    serial: string,
    rack: string,
    owner: string,
    status: DeviceStatus,
    acquiredOn: string,
  ][] = [
    [
      'rak-r01',
      'rack',
      'APC',
      'NetShelter SX 42U',
      'AR3100-R01',
      'R01',
      'DISKOMINFO',
      'active',
      '2021-02-15',
    ],
    [
      'rak-r02',
      'rack',
      'APC',
      'NetShelter SX 42U',
      'AR3100-R02',
      'R02',
      'DISKOMINFO',
      'active',
      '2021-02-15',
    ],
    [
      'srv-hv-01',
      'server',
      'Dell',
      'PowerEdge R750',
      'DL750-7H2K9Q3',
      'R01 U10-U11',
      'DISKOMINFO',
      'active',
      '2023-04-12',
    ],
    [
      'srv-hv-02',
      'server',
      'Dell',
      'PowerEdge R750',
      'DL750-7H2K9Q4',
      'R01 U12-U13',
      'DISKOMINFO',
      'active',
      '2023-04-12',
    ],
    [
      'srv-hv-03',
      'server',
      'Dell',
      'PowerEdge R760',
      'DL760-9J1M2A8',
      'R01 U14-U15',
      'DISKOMINFO',
      'maintenance',
      '2025-03-20',
    ],
    [
      'stg-san-01',
      'storage',
      'HPE',
      'MSA 2060',
      'MSA-SGH312X0Q7',
      'R01 U20-U21',
      'DISKOMINFO',
      'active',
      '2023-04-12',
    ],
    [
      'nas-backup-01',
      'storage',
      'Synology',
      'RS3621xs+',
      'SYN-21B0QPN334',
      'R02 U05-U06',
      'DISKOMINFO',
      'active',
      '2024-01-08',
    ],
    [
      'fw-core-01',
      'network',
      'Fortinet',
      'FortiGate 200F',
      'FG200FT923901',
      'R02 U40',
      'DISKOMINFO',
      'active',
      '2022-09-30',
    ],
    [
      'sw-core-01',
      'network',
      'Cisco',
      'Catalyst 9300-48P',
      'FCW2345L0AB',
      'R02 U38',
      'DISKOMINFO',
      'active',
      '2022-09-30',
    ],
    [
      'ups-01',
      'other',
      'APC',
      'Smart-UPS SRT 10kVA',
      'AS2019-88231',
      'R02 U01-U04',
      'DISKOMINFO',
      'active',
      '2021-02-15',
    ],
    [
      'srv-simrs-dinkes',
      'server',
      'HPE',
      'ProLiant DL380 Gen10',
      'CZJ0341ABC',
      'R02 U20-U21',
      'DINKES',
      'active',
      '2022-06-01',
    ],
    [
      'srv-lama-01',
      'server',
      'IBM',
      'System x3650 M4',
      'KQ7P0N1',
      'Gudang',
      'DISKOMINFO',
      'retired',
      '2014-11-03',
    ],
  ];
  for (const [name, kind, brand, model, serial, rack, owner, status, acquiredOn] of DEVICES) {
    const agencyId = idOf(owner);
    if (!agencyId) continue;
    const device = await createDevice(ctx, {
      name,
      kind,
      brand,
      model,
      serialNumber: serial,
      location: rack === 'Gudang' ? 'Gudang Diskominfo' : 'Ruang Server Pusat Data, Lt. 2',
      rack: rack === 'Gudang' ? null : rack,
      agencyId,
      status,
      acquiredOn,
      notes: status === 'retired' ? 'Dihapus dari layanan; menunggu penghapusan BMD.' : null,
    });
    deviceIds.set(name, device.id);
    counts.devices++;
  }

  // Hosting requests in every state. Each runs as the agency's operator and the Dinas admin.
  interface RequestSeed {
    code: string;
    fields: Omit<Parameters<typeof createHostingRequest>[1], 'agencyId'>;
    steps: Step[];
    /** Fixes after a return, then resubmit. */
    fix?: Parameters<typeof updateHostingRequest>[2];
  }
  const backupPlan = (what: string) =>
    `Pencadangan ${what} ke server backup Pusat Data (nas-backup-01), retensi 30 hari.`;
  const REQUESTS: RequestSeed[] = [
    {
      code: 'DINKES',
      fields: {
        serviceType: 'vps',
        applicationName: 'SIMPUS — Sistem Informasi Manajemen Puskesmas',
        description: 'Rekam medis elektronik dan pelaporan 20 puskesmas.',
        vcpu: 8,
        ramGb: 16,
        storageGb: 500,
        bandwidthMbps: 50,
        operatingSystem: 'Ubuntu Server 24.04 LTS',
        domain: 'simpus.tabanankab.go.id',
        dataClassification: 'rahasia',
        backupPlan: backupPlan('basis data harian pukul 23.00'),
        disasterRecoveryPlan:
          'Salinan mingguan terenkripsi ke DRC Pemprov Bali; RTO 8 jam, RPO 24 jam.',
        lastRestoreTestOn: daysAgo(60),
      },
      steps: [
        { transition: 'submit' },
        { transition: 'start_test' },
        {
          transition: 'complete_test',
          test: {
            checklist: checklist(),
            findings: 'Seluruh butir lulus. Tidak ada temuan kritis.',
          },
        },
        {
          transition: 'accept',
          comment: 'Lulus uji keamanan dan kelayakan. VM disiapkan pada klaster hypervisor.',
          allocation: {
            hostName: 'vm-simpus-01',
            ipAddress: '10.20.1.21',
            vcpu: 8,
            ramGb: 16,
            storageGb: 500,
            bandwidthMbps: 50,
            allocatedOn: daysAgo(3),
            notes: 'Ditempatkan pada srv-hv-01; snapshot harian aktif.',
          },
        },
      ],
    },
    {
      code: 'DISDUKCAPIL',
      fields: {
        serviceType: 'hosting',
        applicationName: 'Antrean Daring Layanan Adminduk',
        storageGb: 20,
        bandwidthMbps: 10,
        domain: 'antrean-dukcapil.tabanankab.go.id',
        dataClassification: 'terbatas',
        backupPlan: backupPlan('berkas dan basis data harian'),
        disasterRecoveryPlan:
          'Pemulihan dari cadangan harian ke server cadangan Pusat Data; RTO 4 jam.',
        lastRestoreTestOn: daysAgo(40),
      },
      steps: [{ transition: 'submit' }, { transition: 'start_test' }],
    },
    {
      code: 'BAPPEDA',
      fields: {
        serviceType: 'hosting',
        applicationName: 'e-Musrenbang Kabupaten Tabanan',
        storageGb: 30,
        domain: 'musrenbang.tabanankab.go.id',
        dataClassification: 'publik',
        backupPlan: backupPlan('mingguan'),
        disasterRecoveryPlan: 'Salinan bulanan ke penyimpanan awan nasional.',
      },
      steps: [{ transition: 'submit' }],
    },
    {
      code: 'DPMPTSP',
      fields: {
        serviceType: 'vps',
        applicationName: 'SIPANDU — Sistem Perizinan Terpadu',
        vcpu: 4,
        ramGb: 8,
        storageGb: 200,
        bandwidthMbps: 30,
        operatingSystem: 'Rocky Linux 9',
        domain: 'sipandu.tabanankab.go.id',
        dataClassification: 'terbatas',
        backupPlan: backupPlan('basis data dua kali sehari'),
        disasterRecoveryPlan: 'Replikasi basis data ke DRC Pemprov Bali.',
        lastRestoreTestOn: daysAgo(100),
      },
      steps: [
        { transition: 'submit' },
        { transition: 'start_test' },
        {
          transition: 'complete_test',
          test: {
            checklist: checklist(['HTTPS dengan sertifikat yang sah']),
            findings: 'Sertifikat TLS kedaluwarsa pada subdomain uji; selebihnya lulus.',
          },
        },
      ],
    },
    {
      code: 'DISDIKPORA',
      fields: {
        serviceType: 'vps',
        applicationName: 'PPDB Daring SMP Negeri',
        vcpu: 4,
        ramGb: 8,
        storageGb: 100,
        bandwidthMbps: 100,
        operatingSystem: 'Debian 12',
        domain: 'ppdb.tabanankab.go.id',
        dataClassification: 'terbatas',
        backupPlan: backupPlan('harian selama masa pendaftaran'),
        disasterRecoveryPlan: 'Belum ada uji pemulihan.',
      },
      steps: [
        { transition: 'submit' },
        { transition: 'start_test' },
        {
          transition: 'complete_test',
          test: {
            checklist: checklist([
              'Pengujian OWASP Top 10 (injeksi, autentikasi, kontrol akses)',
              'Rencana pemulihan bencana dan uji pemulihan terakhir',
            ]),
            findings: 'Celah SQL injection pada formulir pendaftaran; belum pernah uji pemulihan.',
          },
        },
        {
          transition: 'return',
          comment:
            'Perbaiki celah SQL injection pada formulir pendaftaran dan lakukan uji pemulihan cadangan sebelum mengajukan ulang.',
        },
      ],
    },
    {
      code: 'KEC-TABANAN',
      fields: {
        serviceType: 'hosting',
        applicationName: 'Situs Web Kecamatan Tabanan',
        domain: 'kec-tabanan.tabanankab.go.id',
        dataClassification: 'publik',
      },
      steps: [],
    },
    {
      code: 'DINKES',
      fields: {
        serviceType: 'colocation',
        applicationName: 'SIMRS Rujukan Terintegrasi (server milik Dinkes)',
        description: 'Server HPE DL380 milik Dinas Kesehatan dipindahkan ke Pusat Data.',
        bandwidthMbps: 50,
        dataClassification: 'rahasia',
        backupPlan: 'Pencadangan harian ke NAS internal server.',
        disasterRecoveryPlan: 'Belum ada.',
      },
      steps: [
        { transition: 'submit' },
        { transition: 'start_test' },
        {
          transition: 'complete_test',
          test: {
            checklist: checklist(['Rencana pemulihan bencana dan uji pemulihan terakhir']),
            findings: 'Cadangan hanya di dalam server yang sama; tidak ada salinan di luar lokasi.',
          },
        },
        {
          transition: 'return',
          comment:
            'Cadangan harus disimpan di luar server (server backup Pusat Data) dan disertai rencana pemulihan bencana.',
        },
      ],
      fix: {
        backupPlan: backupPlan('basis data harian; salinan mingguan ke DRC'),
        disasterRecoveryPlan: 'Salinan mingguan ke DRC Pemprov Bali; uji pemulihan dilakukan.',
        lastRestoreTestOn: daysAgo(2),
      },
    },
  ];
  for (const seed of REQUESTS) {
    const agencyId = idOf(seed.code);
    if (!agencyId) continue;
    const operator = await actingAs(ctx, 'agency_operator', agencyId);
    const admin = kominfoId ? await actingAs(ctx, 'kominfo_admin', kominfoId) : ctx;
    const request = await createHostingRequest(operator, { ...seed.fields, agencyId });
    for (const { test, ...step } of seed.steps) {
      const agencySide = step.transition === 'submit' || step.transition === 'resubmit';
      const actor = agencySide ? operator : admin;
      if (test) await recordHostingTest(actor, request.id, test);
      const allocation =
        step.allocation && deviceIds.get('srv-hv-01')
          ? { ...step.allocation, deviceId: deviceIds.get('srv-hv-01') }
          : step.allocation;
      await takeHostingRequestTransition(actor, request.id, { ...step, allocation });
    }
    if (seed.fix) {
      await updateHostingRequest(operator, request.id, seed.fix);
      await takeHostingRequestTransition(operator, request.id, {
        transition: 'resubmit',
        comment:
          'Cadangan dipindahkan ke server backup Pusat Data; rencana DRC dan uji pemulihan dilampirkan.',
      });
    }
    counts.hostingRequests++;
  }

  // The user and authority catalogue.
  const AUTHORITIES: [
    personName: string,
    code: string | null,
    affiliation: string | null,
    position: string,
    system: string,
    device: string | null,
    authority: AccessAuthority,
    grantedDaysAgo: number,
    reviewInDays: number | null,
    revokedDaysAgo: number | null,
  ][] = [
    [
      'I Made Suarjana',
      'DISKOMINFO',
      null,
      'Pranata Komputer Ahli Muda',
      'Klaster hypervisor',
      'srv-hv-01',
      'root',
      400,
      -30,
      null,
    ],
    [
      'Ni Kadek Sri Wahyuni',
      'DISKOMINFO',
      null,
      'Pengelola Layanan TIK',
      'Firewall inti',
      'fw-core-01',
      'read',
      300,
      65,
      null,
    ],
    [
      'I Gede Wirawan',
      'DISKOMINFO',
      null,
      'Statistisi Ahli Muda',
      'Server backup Pusat Data',
      'nas-backup-01',
      'operator',
      200,
      165,
      null,
    ],
    [
      'Ni Komang Ariani',
      'DINKES',
      null,
      'Pranata Komputer',
      'VM SIMPUS (vm-simpus-01)',
      null,
      'admin',
      3,
      180,
      null,
    ],
    [
      'I Putu Agus Mahendra',
      'DISDUKCAPIL',
      null,
      'Pranata Komputer',
      'Hosting Antrean Daring Adminduk',
      null,
      'operator',
      20,
      160,
      null,
    ],
    [
      'Komang Hendra Saputra',
      null,
      'PT Mitra Data Nusantara (vendor SAN)',
      'Teknisi',
      'Storage SAN',
      'stg-san-01',
      'admin',
      500,
      null,
      120,
    ],
  ];
  for (const [
    personName,
    code,
    affiliation,
    position,
    system,
    device,
    authority,
    grantedAgo,
    reviewIn,
    revokedAgo,
  ] of AUTHORITIES) {
    const agencyId = code ? idOf(code) : null;
    if (code && !agencyId) continue;
    await createAccessAuthority(ctx, {
      personName,
      agencyId: agencyId ?? null,
      affiliation,
      position,
      system,
      deviceId: device ? (deviceIds.get(device) ?? null) : null,
      authority,
      grantedBy: 'I Putu Dian Setiawan, Kepala Dinas Kominfo',
      grantedOn: daysAgo(grantedAgo),
      reviewOn: reviewIn === null ? null : addDays(today, reviewIn),
      revokedOn: revokedAgo === null ? null : daysAgo(revokedAgo),
      notes: revokedAgo === null ? null : 'Kontrak pemeliharaan berakhir.',
    });
    counts.authorities++;
  }

  // A week of the activity logbook (Bali keeps WITA, UTC+8).
  const at = (ago: number, hhmm: string) =>
    new Date(`${daysAgo(ago)}T${hhmm}:00+08:00`).toISOString();
  const ACTIVITIES: {
    ago: number;
    from: string;
    until: string | null;
    personName: string;
    code: string | null;
    affiliation?: string;
    purpose: string;
    devices: string[];
  }[] = [
    {
      ago: 7,
      from: '08:30',
      until: '10:15',
      personName: 'I Made Suarjana',
      code: 'DISKOMINFO',
      purpose: 'Pembaruan firmware hypervisor',
      devices: ['srv-hv-02'],
    },
    {
      ago: 6,
      from: '09:00',
      until: '11:30',
      personName: 'Komang Hendra Saputra',
      code: null,
      affiliation: 'PT Mitra Data Nusantara',
      purpose: 'Penggantian disk rusak pada storage SAN',
      devices: ['stg-san-01'],
    },
    {
      ago: 5,
      from: '13:00',
      until: '14:00',
      personName: 'Ni Komang Ariani',
      code: 'DINKES',
      purpose: 'Pemasangan server SIMRS milik Dinkes (colocation)',
      devices: ['srv-simrs-dinkes', 'rak-r02'],
    },
    {
      ago: 3,
      from: '10:00',
      until: '10:45',
      personName: 'I Gede Wirawan',
      code: 'DISKOMINFO',
      purpose: 'Uji pemulihan cadangan SIMPUS',
      devices: ['nas-backup-01'],
    },
    {
      ago: 1,
      from: '15:30',
      until: '16:10',
      personName: 'Ni Kadek Sri Wahyuni',
      code: 'DISKOMINFO',
      purpose: 'Pemeriksaan rutin suhu ruang dan UPS',
      devices: ['ups-01'],
    },
    {
      ago: 1,
      from: '08:15',
      until: null,
      personName: 'I Made Suarjana',
      code: 'DISKOMINFO',
      purpose: 'Perawatan srv-hv-03 (penggantian modul memori)',
      devices: ['srv-hv-03'],
    },
  ];
  for (const entry of ACTIVITIES) {
    await createActivityRecord(ctx, {
      startedAt: at(entry.ago, entry.from),
      endedAt: entry.until ? at(entry.ago, entry.until) : null,
      personName: entry.personName,
      agencyId: entry.code ? (idOf(entry.code) ?? null) : null,
      affiliation: entry.affiliation ?? null,
      purpose: entry.purpose,
      deviceIds: entry.devices.map((d) => deviceIds.get(d)).filter((d): d is string => Boolean(d)),
    });
    counts.activities++;
  }

  // Backup policies, reports and restore tests; some overdue on purpose.
  interface PolicySeed {
    code: string;
    systemName: string;
    frequency: 'daily' | 'weekly' | 'monthly';
    offsite: string | null;
    backups: [ago: number, result: 'success' | 'failed'][];
    restores: [ago: number, result: 'success' | 'partial' | 'failed', minutes: number][];
  }
  const POLICIES: PolicySeed[] = [
    {
      code: 'DINKES',
      systemName: 'SIMPUS',
      frequency: 'daily',
      offsite: 'DRC Pemprov Bali',
      backups: [
        [4, 'success'],
        [3, 'success'],
        [2, 'success'],
        [1, 'success'],
      ],
      restores: [[3, 'success', 45]],
    },
    {
      code: 'DINKES',
      systemName: 'SIMRS Rujukan Terintegrasi',
      frequency: 'weekly',
      offsite: null,
      backups: [
        [27, 'success'],
        [20, 'success'],
        [13, 'failed'],
      ],
      restores: [],
    },
    {
      code: 'DISDUKCAPIL',
      systemName: 'Antrean Daring Adminduk',
      frequency: 'daily',
      offsite: 'Penyimpanan awan nasional',
      backups: [
        [6, 'success'],
        [1, 'failed'],
      ],
      restores: [[40, 'success', 30]],
    },
    {
      code: 'BAPPEDA',
      systemName: 'e-Musrenbang',
      frequency: 'monthly',
      offsite: 'DRC Pemprov Bali',
      backups: [
        [40, 'success'],
        [10, 'success'],
      ],
      restores: [[270, 'success', 90]],
    },
    {
      code: 'DPMPTSP',
      systemName: 'SIPANDU',
      frequency: 'daily',
      offsite: null,
      backups: [
        [2, 'success'],
        [1, 'success'],
      ],
      restores: [[100, 'success', 60]],
    },
    {
      code: 'DISDIKPORA',
      systemName: 'PPDB Daring',
      frequency: 'weekly',
      offsite: 'Penyimpanan awan nasional',
      backups: [[5, 'success']],
      restores: [
        [210, 'success', 120],
        [30, 'partial', 150],
      ],
    },
    {
      code: 'DISKOMINFO',
      systemName: 'Portal Resmi Kabupaten',
      frequency: 'daily',
      offsite: 'DRC Pemprov Bali',
      backups: [
        [1, 'success'],
        [0, 'success'],
      ],
      restores: [[20, 'success', 25]],
    },
  ];
  for (const seed of POLICIES) {
    const agencyId = idOf(seed.code);
    if (!agencyId) continue;
    const operator = await actingAs(ctx, 'agency_operator', agencyId);
    const policy = await createBackupPolicy(operator, {
      agencyId,
      systemName: seed.systemName,
      frequency: seed.frequency,
      location: 'Server backup Pusat Data (nas-backup-01)',
      offsiteCopy: seed.offsite !== null,
      offsiteLocation: seed.offsite,
      retentionDays: seed.frequency === 'monthly' ? 365 : 30,
    });
    for (const [ago, result] of seed.backups) {
      await recordBackupReport(operator, policy.id, {
        backupOn: daysAgo(ago),
        result,
        sizeBytes: result === 'success' ? 2_147_483_648 + ago * 10_485_760 : null,
        notes: result === 'failed' ? 'Ruang penyimpanan tujuan penuh.' : null,
      });
    }
    for (const [ago, result, minutes] of seed.restores) {
      await recordRestoreTest(operator, policy.id, {
        testedOn: daysAgo(ago),
        result,
        durationMinutes: minutes,
        notes:
          result === 'partial'
            ? 'Basis data pulih; berkas unggahan sebagian hilang.'
            : 'Dipulihkan ke VM uji dan diperiksa fungsinya.',
      });
    }
    counts.backupPolicies++;
  }
  return counts;
}
