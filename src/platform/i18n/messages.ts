/**
 * Server-side messages in the two UI languages. Bahasa Indonesia is the default; English is the
 * second language. Problem details (RFC 9457) and validation messages are rendered from here so a
 * user always reads an error in the language they chose.
 */
export type Lang = 'id' | 'en';

export const LANGS: readonly Lang[] = ['id', 'en'];

type Catalog = Record<string, { id: string; en: string }>;

export const messages = {
  'error.VALIDATION_FAILED': {
    id: 'Data yang dikirim tidak valid.',
    en: 'The submitted data is invalid.',
  },
  'error.BAD_REQUEST': {
    id: 'Permintaan tidak dapat dibaca.',
    en: 'The request could not be read.',
  },
  'error.MALFORMED_JSON': {
    id: 'Isi permintaan bukan JSON yang valid.',
    en: 'The request body is not valid JSON.',
  },
  'error.PAYLOAD_TOO_LARGE': {
    id: 'Isi permintaan terlalu besar.',
    en: 'The request body is too large.',
  },
  'error.UNSUPPORTED_MEDIA_TYPE': {
    id: 'Jenis isi permintaan tidak didukung.',
    en: 'The request content type is not supported.',
  },
  'error.UNAUTHENTICATED': { id: 'Silakan masuk terlebih dahulu.', en: 'Please sign in first.' },
  'error.INVALID_CREDENTIALS': {
    id: 'Email atau kata sandi salah.',
    en: 'Incorrect email or password.',
  },
  'error.TOTP_REQUIRED': {
    id: 'Masukkan kode autentikasi dua langkah.',
    en: 'Enter your two-step verification code.',
  },
  'error.TOTP_INVALID': {
    id: 'Kode autentikasi dua langkah salah atau kedaluwarsa.',
    en: 'The two-step verification code is wrong or expired.',
  },
  'error.ACCOUNT_LOCKED': {
    id: 'Akun dikunci sementara karena terlalu banyak percobaan gagal. Coba lagi nanti atau hubungi admin Diskominfo.',
    en: 'The account is temporarily locked after too many failed attempts. Try again later or contact the Diskominfo admin.',
  },
  'error.ACCOUNT_DISABLED': { id: 'Akun ini dinonaktifkan.', en: 'This account is disabled.' },
  'error.CSRF_FAILED': {
    id: 'Token keamanan (CSRF) tidak ada atau tidak cocok. Muat ulang halaman.',
    en: 'The security (CSRF) token is missing or does not match. Reload the page.',
  },
  'error.FORBIDDEN': {
    id: 'Anda tidak berwenang melakukan tindakan ini.',
    en: 'You are not allowed to do this.',
  },
  'error.NOT_FOUND': { id: 'Data tidak ditemukan.', en: 'Not found.' },
  'error.ROUTE_NOT_FOUND': { id: 'Alamat tidak ditemukan.', en: 'No such address.' },
  'error.METHOD_NOT_ALLOWED': { id: 'Metode tidak diizinkan.', en: 'Method not allowed.' },
  'error.CONFLICT': {
    id: 'Data bertentangan dengan data yang sudah ada.',
    en: 'This conflicts with existing data.',
  },
  'error.RATE_LIMITED': {
    id: 'Terlalu banyak permintaan. Coba lagi beberapa saat lagi.',
    en: 'Too many requests. Try again shortly.',
  },
  'error.INTERNAL': {
    id: 'Terjadi kesalahan pada server. Kesalahan telah dicatat.',
    en: 'Something went wrong on the server. The error has been logged.',
  },
  'error.UNAVAILABLE': {
    id: 'Layanan belum siap.',
    en: 'The service is not ready.',
  },
  'error.OIDC_FAILED': {
    id: 'Masuk dengan SSO gagal.',
    en: 'Single sign-on failed.',
  },
  'error.OIDC_DISABLED': {
    id: 'Masuk dengan SSO tidak dikonfigurasi.',
    en: 'Single sign-on is not configured.',
  },
  // Domain-specific details.
  'agency.codeTaken': {
    id: 'Kode Perangkat Daerah sudah dipakai.',
    en: 'This agency code is already in use.',
  },
  'agency.kominfoTaken': {
    id: 'Sudah ada Perangkat Daerah yang ditandai sebagai Diskominfo.',
    en: 'Another agency is already flagged as Diskominfo.',
  },
  'agency.parentInvalid': {
    id: 'Induk Perangkat Daerah tidak valid.',
    en: 'The parent agency is not valid.',
  },
  'holiday.taken': {
    id: 'Hari libur dengan tanggal dan nama ini sudah ada.',
    en: 'A holiday with this date and name already exists.',
  },
  'user.emailTaken': { id: 'Email sudah terdaftar.', en: 'This e-mail is already registered.' },
  'user.agencyInvalid': {
    id: 'Perangkat Daerah tidak ditemukan.',
    en: 'The agency does not exist.',
  },
  'user.roleAgencyRequired': {
    id: 'Peran ini harus terkait dengan satu Perangkat Daerah.',
    en: 'This role must be tied to an agency.',
  },
  'user.roleKominfoOnly': {
    id: 'Peran ini hanya dapat diberikan di Dinas Kominfo.',
    en: 'This role can only be granted in the Dinas Kominfo.',
  },
  'user.cannotDisableSelf': {
    id: 'Anda tidak dapat menonaktifkan atau mencabut peran admin akun sendiri.',
    en: 'You cannot disable your own account or remove your own admin role.',
  },
  'user.lastAdmin': {
    id: 'Harus tetap ada minimal satu Admin Diskominfo yang aktif.',
    en: 'At least one active Diskominfo admin must remain.',
  },
  'oidc.unknownUser': {
    id: 'Akun SSO ini belum terdaftar di Simpul. Hubungi admin Diskominfo.',
    en: 'This SSO account is not registered in Simpul. Contact the Diskominfo admin.',
  },
  'oidc.emailMissing': {
    id: 'Akun SSO tidak memiliki email yang terverifikasi.',
    en: 'The SSO account has no verified e-mail address.',
  },
  'oidc.subjectMismatch': {
    id: 'Akun Simpul dengan email ini sudah terhubung ke akun SSO lain. Hubungi admin Diskominfo.',
    en: 'The Simpul account with this e-mail is linked to another SSO account. Contact the Diskominfo admin.',
  },
  'oidc.stateInvalid': {
    id: 'Sesi masuk SSO kedaluwarsa atau tidak valid. Silakan ulangi.',
    en: 'The SSO sign-in attempt expired or is invalid. Please try again.',
  },
  'oidc.providerError': {
    id: 'Penyedia SSO menolak atau tidak dapat dihubungi.',
    en: 'The SSO provider refused the sign-in or could not be reached.',
  },
  'password.mustChange': {
    id: 'Ganti kata sandi Anda terlebih dahulu.',
    en: 'Change your password first.',
  },
  'password.wrongCurrent': {
    id: 'Kata sandi saat ini salah.',
    en: 'The current password is wrong.',
  },
  'password.tooWeak': {
    id: 'Kata sandi minimal 10 karakter dan tidak boleh sama dengan email.',
    en: 'The password needs at least 10 characters and must differ from the e-mail.',
  },
  'totp.notSetUp': {
    id: 'Mulai penyiapan autentikasi dua langkah terlebih dahulu.',
    en: 'Start two-step verification setup first.',
  },
  'totp.requiredForAdmin': {
    id: 'Autentikasi dua langkah wajib untuk Admin Diskominfo dan tidak dapat dimatikan sendiri.',
    en: 'Two-step verification is required for Diskominfo admins and cannot be turned off by yourself.',
  },
  'totp.alreadyEnabled': {
    id: 'Autentikasi dua langkah sudah aktif.',
    en: 'Two-step verification is already on.',
  },
  'workflow.invalidTransition': {
    id: 'Tindakan "{transition}" tidak dapat dilakukan pada status "{state}".',
    en: 'The action "{transition}" is not possible in the state "{state}".',
  },
  'workflow.commentRequired': {
    id: 'Tindakan ini memerlukan catatan.',
    en: 'This action needs a comment.',
  },
  'workflow.attachmentRequired': {
    id: 'Tindakan ini memerlukan lampiran.',
    en: 'This action needs an attachment.',
  },
  'workflow.attachmentInvalid': {
    id: 'Lampiran tidak ditemukan.',
    en: 'The attachment does not exist.',
  },
  'file.empty': {
    id: 'Berkas kosong (0 byte) tidak dapat diunggah.',
    en: 'An empty (0-byte) file cannot be uploaded.',
  },
  'file.tooLarge': {
    id: 'Berkas terlalu besar. Ukuran maksimal {limit}.',
    en: 'The file is too large. The limit is {limit}.',
  },
  'file.typeNotAllowed': {
    id: 'Jenis berkas tidak diizinkan (dikenali dari isinya, bukan dari namanya). Jenis yang diizinkan: {allowed}.',
    en: 'This type of file is not allowed (recognised from its content, not its name). Allowed types: {allowed}.',
  },
  'file.badName': {
    id: 'Nama berkas tidak valid: wajib diisi, maksimal 255 karakter, tanpa "/", "\\", ".." atau karakter kontrol.',
    en: 'Invalid file name: required, at most 255 characters, without "/", "\\", ".." or control characters.',
  },
  'file.multipartRequired': {
    id: 'Kirim berkas sebagai multipart/form-data dengan kolom "file" dan "agencyId".',
    en: 'Send the file as multipart/form-data with the fields "file" and "agencyId".',
  },
  // Applications (Aplikasi SPBE).
  'application.nameTaken': {
    id: 'Perangkat Daerah ini sudah mendaftarkan aplikasi dengan nama yang sama.',
    en: 'This agency already registered an application with this name.',
  },
  'application.complexityUmumOnly': {
    id: 'Kompleksitas hanya untuk aplikasi umum (Perbup OKU Timur Pasal 18 ayat (2)).',
    en: 'Complexity applies to aplikasi umum only (OKU Timur Pasal 18(2)).',
  },
  'application.nationalPair': {
    id: 'Isi aplikasi umum nasional dan hubungannya (merupakan/menggantikan) bersama-sama.',
    en: 'Give the national application and its relation (is/replaces) together.',
  },
  'application.nationalUnknown': {
    id: 'Aplikasi umum nasional tidak ditemukan.',
    en: 'The national application does not exist.',
  },
  'application.handoverWithoutVendor': {
    id: 'Serah terima hanya untuk aplikasi yang dibangun atau dikelola pihak ketiga: isi nama pihak ketiga.',
    en: 'A hand-over applies to third-party systems only: give the vendor name.',
  },
  'application.auditDateInFuture': {
    id: 'Tanggal audit terakhir tidak boleh di masa depan.',
    en: 'The last audit date cannot be in the future.',
  },
  'application.documentFileInvalid': {
    id: 'Berkas tidak ditemukan atau tidak diunggah untuk Perangkat Daerah pemilik aplikasi ini.',
    en: "The file does not exist or was not uploaded for this application's agency.",
  },
  'application.consultationRequired': {
    id: 'Implementasi memerlukan konsultasi dengan Kepala Dinas yang sudah dicatat (Perbup Tabanan 44/2022 Pasal 7 ayat (3)).',
    en: 'Implementation needs a recorded consultation with the Kepala Dinas (Tabanan 44/2022 Pasal 7(3)).',
  },
  'application.documentsIncomplete': {
    id: 'Keempat dokumen wajib (kebutuhan, perancangan, manual, source code) harus lengkap sebelum lulus uji kelaikan.',
    en: 'All four required documents (requirements, design, manual, source code) must be attached before passing the feasibility test.',
  },
  'application.retired': {
    id: 'Aplikasi ini sudah tidak digunakan; siklusnya tidak dapat diubah.',
    en: 'This application is retired; its lifecycle cannot change.',
  },
  'application.registeredExisting': {
    id: 'Didaftarkan sebagai aplikasi yang sudah ada, pada tahap {stage}. Tahap sebelumnya tidak tercatat di Simpul.',
    en: 'Registered as an existing application, in the {stage} stage. Earlier stages were not recorded in Simpul.',
  },
  // Pusat Data (datacenter).
  'datacenter.hostingRequest.incomplete': {
    id: 'Lengkapi rencana pencadangan, rencana pemulihan bencana dan sumber daya yang diminta sebelum mengajukan.',
    en: 'Fill in the backup plan, the disaster-recovery plan and the resources asked before submitting.',
  },
  'datacenter.hostingRequest.testMissing': {
    id: 'Catat daftar periksa uji keamanan dan kelayakan terlebih dahulu.',
    en: 'Record the security and feasibility test checklist first.',
  },
  'datacenter.hostingRequest.notEditable': {
    id: 'Permohonan hanya dapat diubah saat berstatus draf atau dikembalikan.',
    en: 'A request can only be changed while it is a draft or returned.',
  },
  'datacenter.hostingRequest.notTesting': {
    id: 'Hasil uji hanya dapat dicatat saat permohonan sedang diuji.',
    en: 'Test results can only be recorded while the request is being tested.',
  },
  'datacenter.allocationRequired': {
    id: 'Catat sumber daya yang dialokasikan untuk menerima permohonan.',
    en: 'Record the allocated resources to accept the request.',
  },
  'datacenter.notForTransition': {
    id: 'Data ini tidak berlaku untuk tindakan tersebut.',
    en: 'This data does not belong to that action.',
  },
  'datacenter.deviceInvalid': {
    id: 'Perangkat tidak ditemukan di katalog perangkat.',
    en: 'The device is not in the device catalogue.',
  },
  'datacenter.dateBeforeStart': {
    id: 'Tanggal atau waktu ini tidak boleh sebelum tanggal atau waktu mulainya.',
    en: 'This date or time cannot be before the start.',
  },
  'datacenter.offsiteLocationRequired': {
    id: 'Sebutkan lokasi salinan di luar lokasi (off-site).',
    en: 'Name where the off-site copy is kept.',
  },
  'datacenter.dateInFuture': {
    id: 'Tanggal tidak boleh di masa depan.',
    en: 'The date cannot be in the future.',
  },
  'datacenter.backupReminder.title': {
    id: 'Pencadangan data terlambat',
    en: 'Backups overdue',
  },
  'datacenter.backupReminder.body': {
    id: '{count} sistem milik Perangkat Daerah Anda terlambat dicadangkan atau diuji pemulihannya. Laporkan pencadangan dan uji pemulihan terbaru di Simpul.',
    en: '{count} systems of your agency are overdue for a backup or a restore test. Report the latest backup and restore test in Simpul.',
  },
  'datacenter.backupReminder.backupLate': {
    id: 'pencadangan terlambat (terakhir berhasil: {since})',
    en: 'backup overdue (last successful: {since})',
  },
  'datacenter.backupReminder.restoreLate': {
    id: 'uji pemulihan terlambat (terakhir berhasil: {since})',
    en: 'restore test overdue (last successful: {since})',
  },
  // Pemantauan dan Evaluasi SPBE (evaluation).
  'evaluation.unknownFramework': {
    id: 'Kerangka penilaian "{id}" tidak dikenal.',
    en: 'Unknown evaluation framework "{id}".',
  },
  'evaluation.unknownIndicator': {
    id: 'Indikator ini tidak ada dalam kerangka penilaian.',
    en: 'The framework has no such indicator.',
  },
  'evaluation.levelOutOfScale': {
    id: 'Tingkat harus bilangan bulat {min}–{max}.',
    en: 'The level must be a whole number from {min} to {max}.',
  },
  'evaluation.levelMissing': {
    id: 'Tingkat indikator ini belum diisi.',
    en: 'This indicator has no level.',
  },
  'evaluation.yearTaken': {
    id: 'Evaluasi untuk tahun ini sudah ada.',
    en: 'An evaluation for this year already exists.',
  },
  'evaluation.notInStage': {
    id: 'Tindakan ini tidak tersedia pada tahap evaluasi saat ini.',
    en: "This action is not available at the evaluation's current stage.",
  },
  'evaluation.notMember': {
    id: 'Pengguna ini bukan anggota Tim Asesor Internal evaluasi ini.',
    en: "This user is not on this evaluation's internal assessor team.",
  },
  'evaluation.userUnknown': {
    id: 'Pengguna tidak ditemukan.',
    en: 'User not found.',
  },
  'evaluation.coordinatorRequired': {
    id: 'Tim harus memiliki tepat satu Koordinator SPBE.',
    en: 'The team needs exactly one Koordinator SPBE.',
  },
  'evaluation.duplicateMember': {
    id: 'Pengguna ini sudah tercantum di tim.',
    en: 'This user is already on the team.',
  },
  'evaluation.noteRequired': {
    id: 'Tuliskan catatan saat mengubah tingkat hasil penilaian mandiri.',
    en: 'Write a note when changing the self-assessed level.',
  },
  'evaluation.selfIncomplete': {
    id: 'Semua indikator harus memiliki tingkat penilaian mandiri.',
    en: 'Every indicator needs a self-assessed level.',
  },
  'evaluation.beritaAcaraMissing': {
    id: 'Unggah Berita Acara Penilaian Mandiri yang sudah ditandatangani sebelum menyampaikan.',
    en: 'Upload the signed Berita Acara Penilaian Mandiri before submitting.',
  },
  'evaluation.externalIncomplete': {
    id: 'Catat tingkat hasil asesor eksternal untuk semua indikator.',
    en: "Record the external assessors' level of every indicator.",
  },
  'evaluation.linkInvalid': {
    id: 'Rujukan ke data Simpul ini tidak ditemukan.',
    en: 'The linked Simpul record was not found.',
  },
  'evaluation.plannerUnavailable': {
    id: 'Perencana target tidak tersedia untuk bobot kerangka penilaian ini.',
    en: "The target planner is not available for this framework's weights.",
  },
  'evaluation.targetInvalid': {
    id: 'Sebutkan target berupa indeks (0–5) atau predikat yang dikenal.',
    en: 'Give the target as an index (0–5) or a known predikat.',
  },
  // Compliance (regulation profiles, evidence, reminders) and the profile choice it adds to organization.
  'organization.regulationProfileUnknown': {
    id: 'Pilih salah satu profil regulasi bawaan; profil milik daerah dipilih di menu Kepatuhan.',
    en: 'Choose a shipped regulation profile; the regency’s own profile is chosen under Compliance.',
  },
  'compliance.profileExists': {
    id: 'Profil regulasi dengan id ini sudah ada.',
    en: 'A regulation profile with this id already exists.',
  },
  'compliance.profileUnknown': {
    id: 'Profil regulasi tidak ditemukan.',
    en: 'Regulation profile not found.',
  },
  'compliance.profileShipped': {
    id: 'Profil bawaan tidak dapat diubah; salin dulu menjadi profil daerah.',
    en: 'A shipped profile cannot be edited; copy it into the regency’s own first.',
  },
  'compliance.duplicateObligationId': {
    id: 'Id kewajiban ganda: sama dengan {first}.',
    en: 'Duplicate obligation id: same as {first}.',
  },
  'compliance.obligationUnknown': {
    id: 'Kewajiban ini tidak ada dalam profil aktif.',
    en: 'This obligation is not in the active profile.',
  },
  'compliance.partyNotBound': {
    id: 'Pihak ini tidak terikat oleh kewajiban tersebut.',
    en: 'This party is not bound by the obligation.',
  },
  'compliance.evidenceKindNotAccepted': {
    id: 'Kewajiban ini diperiksa dengan "{check}"; jenis bukti ini tidak dipakai.',
    en: 'This obligation is checked by "{check}"; this kind of evidence is not used.',
  },
  'compliance.evidenceRequired': {
    id: 'Lampirkan berkas bukti atau tautan.',
    en: 'Attach an evidence file or a link.',
  },
  'compliance.validUntilRequired': {
    id: 'Atestasi dan dokumen berjangka memerlukan tanggal berlaku sampai.',
    en: 'An attestation or a document with a term needs a valid-until date.',
  },
  'compliance.validUntilPast': {
    id: 'Tanggal berlaku sampai tidak boleh sebelum tanggal pencatatan.',
    en: 'The valid-until date cannot be before the date recorded.',
  },
  'compliance.fileUnknown': {
    id: 'Berkas tidak ditemukan.',
    en: 'File not found.',
  },
  'compliance.reminder.title': {
    id: 'Kewajiban SPBE segera jatuh tempo',
    en: 'SPBE duties due soon',
  },
  'compliance.reminder.body': {
    id: '{count} kewajiban Perangkat Daerah Anda jatuh tempo dalam 30 hari atau sudah terlambat:',
    en: '{count} duties of your agency fall due within 30 days or are late:',
  },
  // Satu Data (data).
  'data.dataset.noResources': {
    id: 'Tambahkan minimal satu sumber data (tabel atau tautan).',
    en: 'Add at least one resource (a table or a link).',
  },
  'data.dataset.tableWithoutFile': {
    id: 'Setiap tabel harus memiliki berkas yang diunggah.',
    en: 'Every table needs an uploaded file.',
  },
  'data.dataset.invalidTable': {
    id: 'Ada tabel yang belum lolos validasi kamus data; perbaiki berkasnya dahulu.',
    en: 'A table has not passed its data dictionary yet; fix the file first.',
  },
  'data.dataset.standardIncomplete': {
    id: 'Standar Data (konsep, definisi, klasifikasi, ukuran, satuan) belum lengkap.',
    en: 'The data standard (concept, definition, classification, measure, unit) is incomplete.',
  },
  'data.dataset.notEditable': {
    id: 'Dataset hanya dapat diubah saat draf atau dikembalikan.',
    en: 'A dataset can be changed only as a draft or when returned.',
  },
  'data.dataset.nameTaken': {
    id: 'Nama (slug) dataset sudah dipakai.',
    en: 'The dataset name (slug) is already taken.',
  },
  'data.checklistRequired': {
    id: 'Semua butir daftar periksa kesesuaian harus dipenuhi sebelum terbit.',
    en: 'Every item of the conformity checklist must be met before publishing.',
  },
  'data.notForTransition': {
    id: 'Tidak berlaku untuk langkah ini.',
    en: 'Not applicable to this step.',
  },
  'data.resource.notTable': {
    id: 'Berkas ini bukan tabel CSV, XLSX, atau JSON.',
    en: 'This file is not a CSV, XLSX or JSON table.',
  },
  'data.resource.notATableResource': {
    id: 'Sumber data ini berupa tautan, bukan tabel.',
    en: 'This resource is a link, not a table.',
  },
  'data.resource.unreadable': {
    id: 'Berkas tidak dapat dibaca: {reason}',
    en: 'The file cannot be read: {reason}',
  },
  'data.resource.failed': {
    id: 'Berkas tidak lolos validasi: {count} kesalahan.',
    en: 'The file failed validation: {count} errors.',
  },
  'data.schema.invalid': {
    id: 'Kamus data tidak valid.',
    en: 'The data dictionary is invalid.',
  },
  'data.referenceList.exists': {
    id: 'Versi daftar kode ini sudah ada.',
    en: 'This version of the code list already exists.',
  },
  'data.request.rateLimited': {
    id: 'Terlalu banyak permintaan dari alamat Anda. Coba lagi nanti.',
    en: 'Too many requests from your address. Try again later.',
  },
  'data.read.binary': { id: 'berkas biner, bukan teks', en: 'a binary file, not text' },
  'data.read.encoding': {
    id: 'pengodean karakter tidak dikenali (gunakan UTF-8)',
    en: 'unrecognised character encoding (use UTF-8)',
  },
  'data.read.noHeader': { id: 'baris judul kolom tidak ada', en: 'no header row' },
  'data.read.tooManyColumns': { id: 'lebih dari {limit} kolom', en: 'more than {limit} columns' },
  'data.read.tooManyRows': { id: 'lebih dari {limit} baris', en: 'more than {limit} rows' },
  'data.read.duplicateHeader': {
    id: 'judul kolom "{column}" ganda',
    en: 'duplicate column header "{column}"',
  },
  'data.read.malformedCsv': {
    id: 'CSV rusak di baris {line} ({reason})',
    en: 'malformed CSV at line {line} ({reason})',
  },
  'data.read.malformedJson': { id: 'JSON tidak valid', en: 'invalid JSON' },
  'data.read.jsonNotTable': {
    id: 'JSON harus berupa larik objek',
    en: 'JSON must be an array of objects',
  },
  'data.read.jsonNested': {
    id: 'nilai bersarang di baris {line}, kolom "{column}"',
    en: 'nested value at line {line}, column "{column}"',
  },
  'data.read.malformedXlsx': { id: 'XLSX rusak', en: 'a damaged XLSX' },
  'data.issue.header.missing': {
    id: 'Kolom wajib tidak ada di berkas.',
    en: 'A column of the dictionary is missing from the file.',
  },
  'data.issue.header.extra': {
    id: 'Kolom tidak ada di kamus data.',
    en: 'The column is not in the data dictionary.',
  },
  'data.issue.constraint.required': { id: 'Wajib diisi.', en: 'Required.' },
  'data.issue.type.integer': { id: 'Harus bilangan bulat.', en: 'Must be a whole number.' },
  'data.issue.type.number': {
    id: 'Harus angka (pemisah desimal "{decimalChar}").',
    en: 'Must be a number (decimal separator "{decimalChar}").',
  },
  'data.issue.type.year': { id: 'Harus tahun empat angka.', en: 'Must be a four-digit year.' },
  'data.issue.type.boolean': { id: 'Harus ya/tidak.', en: 'Must be yes/no.' },
  'data.issue.type.date': {
    id: 'Harus tanggal ({format}).',
    en: 'Must be a date ({format}).',
  },
  'data.issue.type.unknown': { id: 'Jenis kolom tidak dikenal.', en: 'Unknown column type.' },
  'data.issue.constraint.enum': {
    id: 'Harus salah satu dari: {values}.',
    en: 'Must be one of: {values}.',
  },
  'data.issue.constraint.minimum': { id: 'Minimal {limit}.', en: 'At least {limit}.' },
  'data.issue.constraint.maximum': { id: 'Maksimal {limit}.', en: 'At most {limit}.' },
  'data.issue.constraint.minLength': {
    id: 'Minimal {limit} karakter.',
    en: 'At least {limit} characters.',
  },
  'data.issue.constraint.maxLength': {
    id: 'Maksimal {limit} karakter.',
    en: 'At most {limit} characters.',
  },
  'data.issue.constraint.pattern': { id: 'Format tidak sesuai.', en: 'Does not match the format.' },
  'data.issue.constraint.unique': {
    id: 'Nilai ganda (sudah ada di baris {first}).',
    en: 'Duplicate value (already on line {first}).',
  },
  'data.issue.primaryKey': {
    id: 'Kunci ganda (sudah ada di baris {first}).',
    en: 'Duplicate key (already on line {first}).',
  },
  'data.issue.foreignKey': {
    id: 'Kode tidak ada di daftar kode referensi {list}.',
    en: 'The code is not in the reference code list {list}.',
  },
  // Validation keywords (Ajv) → readable messages.
  'validation.required': { id: 'Wajib diisi.', en: 'Required.' },
  'validation.type': { id: 'Jenis data salah (harus {type}).', en: 'Wrong type (must be {type}).' },
  'validation.additionalProperties': {
    id: 'Kolom "{property}" tidak dikenal.',
    en: 'Unknown field "{property}".',
  },
  'validation.minLength': {
    id: 'Minimal {limit} karakter.',
    en: 'At least {limit} characters.',
  },
  'validation.maxLength': {
    id: 'Maksimal {limit} karakter.',
    en: 'At most {limit} characters.',
  },
  'validation.minimum': { id: 'Minimal {limit}.', en: 'At least {limit}.' },
  'validation.maximum': { id: 'Maksimal {limit}.', en: 'At most {limit}.' },
  'validation.format': { id: 'Format {format} tidak valid.', en: 'Invalid {format} format.' },
  'validation.enum': {
    id: 'Nilai harus salah satu dari: {values}.',
    en: 'Must be one of: {values}.',
  },
  'validation.pattern': { id: 'Format tidak valid.', en: 'Invalid format.' },
  'validation.minItems': { id: 'Minimal {limit} item.', en: 'At least {limit} items.' },
  'validation.maxItems': { id: 'Maksimal {limit} item.', en: 'At most {limit} items.' },
  'validation.other': { id: 'Nilai tidak valid.', en: 'Invalid value.' },
  // Sistem Penghubung Layanan (interop).
  'interop.openapi.invalid': {
    id: 'Dokumen OpenAPI tidak valid.',
    en: 'The OpenAPI document is invalid.',
  },
  'interop.openapi.unreadable': {
    id: 'Dokumen bukan JSON atau YAML yang dapat dibaca.',
    en: 'The document is not readable JSON or YAML.',
  },
  'interop.openapi.version': {
    id: 'Hanya OpenAPI 3.0 atau 3.1 yang diterima.',
    en: 'Only OpenAPI 3.0 or 3.1 is accepted.',
  },
  'interop.openapi.tooLarge': {
    id: 'Dokumen lebih dari 2 MB.',
    en: 'The document is larger than 2 MB.',
  },
  'interop.openapi.fetchFailed': {
    id: 'Dokumen tidak dapat diambil dari URL tersebut.',
    en: 'The document could not be fetched from that URL.',
  },
  'interop.api.routeTaken': {
    id: 'Perangkat Daerah ini sudah punya API dengan slug dan versi tersebut.',
    en: 'This agency already has an API with that slug and version.',
  },
  'interop.api.retired': {
    id: 'API ini sudah dipensiunkan dan tidak dapat diubah.',
    en: 'This API is retired and cannot be changed.',
  },
  'interop.api.invalidStatus': {
    id: 'Status API tidak dapat diubah ke status tersebut.',
    en: 'The API cannot move to that status.',
  },
  'interop.api.openapiMissing': {
    id: 'Impor dokumen OpenAPI dengan minimal satu operasi sebelum menerbitkan.',
    en: 'Import an OpenAPI document with at least one operation before publishing.',
  },
  'interop.api.unknownOperation': {
    id: 'Operasi ini tidak ada pada dokumen OpenAPI.',
    en: 'No such operation in the OpenAPI document.',
  },
  'interop.api.reservedHeader': {
    id: 'Header ini dikelola oleh gateway dan tidak dapat disisipkan.',
    en: 'This header is managed by the gateway and cannot be injected.',
  },
  'interop.subscription.applicationUnknown': {
    id: 'Aplikasi tidak ditemukan.',
    en: 'Application not found.',
  },
  'interop.subscription.apiUnknown': { id: 'API tidak ditemukan.', en: 'API not found.' },
  'interop.subscription.apiNotPublished': {
    id: 'Hanya API yang sudah diterbitkan yang dapat dilanggan.',
    en: 'Only published APIs can be subscribed to.',
  },
  'interop.subscription.duplicate': {
    id: 'Aplikasi ini sudah berlangganan atau sedang mengajukan langganan API ini.',
    en: 'This application already has or is requesting a subscription to this API.',
  },
  'interop.subscription.scopeUnknown': {
    id: 'Scope "{scope}" tidak dideklarasikan oleh operasi API ini.',
    en: 'The scope "{scope}" is not declared by any operation of this API.',
  },
  'interop.subscription.ended': {
    id: 'Langganan ini sudah berakhir.',
    en: 'This subscription has ended.',
  },
  'interop.credential.expiryPast': {
    id: 'Tanggal kedaluwarsa harus di masa depan.',
    en: 'The expiry must be in the future.',
  },
  'interop.credential.revoked': {
    id: 'Kredensial ini sudah dicabut.',
    en: 'This credential has been revoked.',
  },
  'interop.credential.graceRange': {
    id: 'Masa tenggang harus bilangan bulat jam antara 0 dan 168 (7 hari).',
    en: 'The grace period must be a whole number of hours between 0 and 168 (7 days).',
  },
  'interop.usage.range': {
    id: 'Rentang tanggal harus urut dan paling lama 366 hari.',
    en: 'The date range must be in order and at most 366 days.',
  },
} satisfies Catalog;

export type MessageKey = keyof typeof messages;

/** Renders a message in `lang`, replacing `{name}` placeholders with `params`. */
export function t(lang: Lang, key: MessageKey, params: Record<string, unknown> = {}): string {
  const template = messages[key][lang];
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

/** Picks the UI language from an Accept-Language header; Bahasa Indonesia unless English is preferred. */
export function pickLang(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'id';
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const base = tag.split('-')[0];
    if (base === 'id' || base === 'en') return base;
  }
  return 'id';
}
