"""Demo cooperation agreements among the demo organisations of Kalimantan Selatan (all synthetic, marked "Demo").

Twelve agreements: between the boards, Dinas Sosial, a CSR company, a university, a majelis taklim, an NGO and LKS;
two end within 90 days (one within 30), one has expired, one was terminated early, one is still a draft. Dates are
relative to the day of loading, so "expiring soon" means something on any day. Written through the services, so every
agreement has its audit trail; nothing is notified (the reminders command does that).
"""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from sinergi.accounts.models import Membership, Role, User
from sinergi.organisations.choices import OrganisationKind, OrganisationStatus
from sinergi.organisations.models import Organisation
from sinergi.partnerships import services
from sinergi.partnerships.choices import AgreementKind, PartyRole
from sinergi.partnerships.models import Agreement
from sinergi.partnerships.services import PartyInput
from sinergi.vocabularies.models import Term, Vocabulary

NUMBER_MARK = "/DEMO/"


def demo_partnerships_loaded() -> bool:
    return Agreement.objects.filter(number__contains=NUMBER_MARK).exists()


def demo_pdf(lines: list[str]) -> bytes:
    """A small, valid one-page PDF with these lines of (ASCII) text — a stand-in for a scanned agreement."""
    text = "BT /F1 12 Tf 56 780 Td 16 TL " + " ".join(
        "(" + line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ") '" for line in lines
    )
    stream = text.encode("latin-1", "replace") + b" ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def _terms(vocabulary: str, codes: list[str]) -> list[Term]:
    return list(Term.objects.filter(vocabulary=vocabulary, code__in=codes))


@transaction.atomic
def load_demo_partnerships() -> int:
    """Loads the demo agreements (after `load_demo`'s organisations and users); returns how many were written.

    Does nothing (returns 0) when they are already loaded."""
    if demo_partnerships_loaded():
        return 0
    admin = User.objects.get(username="admin.provinsi")
    today = timezone.localdate()
    by_name = {o.name: o for o in Organisation.objects.filter(name__contains="Demo")}
    dinsos = by_name["Dinas Sosial Provinsi Kalimantan Selatan (Demo)"]
    taklim = by_name["Majelis Taklim Contoh Demo"]
    csr = by_name["PT Contoh Peduli Demo (CSR)"]
    university = by_name["Universitas Contoh Demo"]
    ngo = by_name["Yayasan Swadaya Contoh Demo"]
    boards = {(b.regency_code or b.province_code): b for b in Organisation.objects.filter(kind=OrganisationKind.LKKKS)}
    active_lks = Organisation.objects.filter(kind=OrganisationKind.LKS, status=OrganisationStatus.ACTIVE).order_by("pk")

    def lks(regency: str, kind: str, skip: int = 0) -> Organisation:
        return active_lks.filter(regency_code=regency, primary_service_kind__code=kind)[skip]

    operator_membership = Membership.objects.filter(user__username="operator.lks", role=Role.LKS_OPERATOR).first()
    operator_lks = operator_membership.organisation if operator_membership else lks("63.71", "anak")
    other_bjm = active_lks.filter(regency_code="63.71", primary_service_kind__code="anak").exclude(pk=operator_lks.pk)[
        0
    ]
    elderly = active_lks.filter(primary_service_kind__code="lanjut_usia")[0]
    napza = active_lks.filter(primary_service_kind__code="napza")[0]
    disability = active_lks.filter(primary_service_kind__code="disabilitas")[0]
    banjarbaru = lks("63.72", "anak")

    def days(n: int) -> datetime.date:
        return today + datetime.timedelta(days=n)

    # (kind, title, scope, [(organisation, role)], forms, pillars, starts, ends, signed, end state)
    plans = [
        (
            AgreementKind.MOU,
            "Sinergi pendataan dan pembinaan LKS se-Kalimantan Selatan",
            "Pertukaran data LKS dan PPKS, pembinaan dan akreditasi LKS, rapat koordinasi bersama.",
            [(boards["63"], PartyRole.FIRST), (dinsos, PartyRole.SECOND)],
            ["pemikiran", "keahlian", "kegiatan"],
            ["rehabilitasi_sosial", "pemberdayaan_sosial"],
            days(-400),
            days(1060),
            days(-405),
            "active",
        ),
        (
            AgreementKind.PKS,
            "Beasiswa pendidikan anak asuh",
            "PT Contoh Peduli menanggung biaya sekolah 20 anak asuh selama masa perjanjian.",
            [(csr, PartyRole.FIRST), (operator_lks, PartyRole.SECOND), (boards["63.71"], PartyRole.WITNESS)],
            ["dana", "barang"],
            ["rehabilitasi_sosial"],
            days(-670),
            days(60),
            days(-675),
            "active",
        ),
        (
            AgreementKind.PKS,
            "Bantuan paket gizi lanjut usia",
            "Paket gizi bulanan dan pemeriksaan kesehatan untuk penghuni panti.",
            [(csr, PartyRole.FIRST), (elderly, PartyRole.SECOND)],
            ["barang", "jasa"],
            ["perlindungan_sosial"],
            days(-345),
            days(20),
            days(-350),
            "active",
        ),
        (
            AgreementKind.MOU,
            "Praktik kerja lapangan mahasiswa kesejahteraan sosial",
            "Penempatan mahasiswa praktik di LKS anggota LKKKS dan penelitian bersama.",
            [(university, PartyRole.FIRST), (boards["63"], PartyRole.SECOND)],
            ["keahlian", "tenaga", "pemikiran"],
            ["pemberdayaan_sosial"],
            days(-200),
            days(895),
            days(-205),
            "active",
        ),
        (
            AgreementKind.PKS,
            "Pendampingan psikologis anak asuh",
            "Konseling bulanan oleh dosen dan mahasiswa psikologi.",
            [(university, PartyRole.FIRST), (banjarbaru, PartyRole.SECOND)],
            ["keahlian", "jasa"],
            ["rehabilitasi_sosial"],
            days(-120),
            days(610),
            days(-125),
            "active",
        ),
        (
            AgreementKind.PKS,
            "Pembinaan keagamaan anak asuh",
            "Pengajian mingguan dan pendampingan akhlak oleh majelis taklim.",
            [(taklim, PartyRole.FIRST), (other_bjm, PartyRole.SECOND), (boards["63.71"], PartyRole.WITNESS)],
            ["kegiatan", "tenaga"],
            ["rehabilitasi_sosial"],
            days(-90),
            days(640),
            days(-95),
            "active",
        ),
        (
            AgreementKind.MOU,
            "Pemberdayaan ekonomi keluarga rentan di Tabalong",
            "Pelatihan usaha dan pendampingan kelompok keluarga penerima manfaat.",
            [(ngo, PartyRole.FIRST), (boards["63.09"], PartyRole.SECOND)],
            ["prakarsa", "kegiatan", "dana"],
            ["pemberdayaan_sosial"],
            days(-300),
            days(430),
            days(-305),
            "active",
        ),
        (
            AgreementKind.PKS,
            "Rehabilitasi sosial korban penyalahgunaan NAPZA",
            "Rujukan klien dan pembiayaan layanan rehabilitasi sosial.",
            [(dinsos, PartyRole.FIRST), (napza, PartyRole.SECOND)],
            ["dana", "jasa"],
            ["rehabilitasi_sosial", "jaminan_sosial"],
            days(-500),
            days(230),
            days(-505),
            "active",
        ),
        (
            AgreementKind.PKS,
            "Renovasi asrama LKS Kabupaten Banjar",
            "Perbaikan atap dan kamar mandi tiga asrama LKS anggota.",
            [(csr, PartyRole.FIRST), (boards["63.03"], PartyRole.SECOND)],
            ["dana", "barang"],
            ["perlindungan_sosial"],
            days(-790),
            days(-60),
            days(-795),
            "expired",
        ),
        (
            AgreementKind.MOU,
            "Layanan terapi bagi penyandang disabilitas",
            "Rancangan kerja sama terapi okupasi dan fisioterapi (belum ditandatangani).",
            [(disability, PartyRole.FIRST), (university, PartyRole.SECOND)],
            ["keahlian", "fasilitas"],
            ["rehabilitasi_sosial"],
            days(30),
            days(760),
            None,
            "draft",
        ),
        (
            AgreementKind.PKS,
            "Kunjungan dan santunan lanjut usia",
            "Kunjungan bulanan dan santunan bagi penghuni panti.",
            [(taklim, PartyRole.FIRST), (elderly, PartyRole.SECOND)],
            ["kegiatan", "dana"],
            ["perlindungan_sosial"],
            days(-420),
            days(310),
            days(-425),
            "terminated",
        ),
        (
            AgreementKind.MOU,
            "Pendataan PPKS terpadu Kota Banjarmasin",
            "Pendataan bersama PPKS dan PSKS, dengan dukungan dosen dan mahasiswa sebagai enumerator.",
            [(boards["63.71"], PartyRole.FIRST), (dinsos, PartyRole.SECOND), (university, PartyRole.SECOND)],
            ["tenaga", "keahlian", "pemikiran"],
            ["perlindungan_sosial", "jaminan_sosial"],
            days(-60),
            days(670),
            days(-62),
            "active",
        ),
    ]
    for number, (kind, title, scope, parties, forms, pillars, starts, ends, signed, state) in enumerate(plans, 1):
        agreement = services.agreement_create(
            actor=admin,
            data={
                "kind": kind,
                "title": title,
                "number": f"{number:03d}/{'MoU' if kind == AgreementKind.MOU else 'PKS'}{NUMBER_MARK}{starts.year}",
                "scope": scope,
                "starts_on": starts,
                "ends_on": ends,
                "signed_on": signed,
            },
            parties=[PartyInput(organisation=o, role=r, signatory="Pimpinan (demo)") for o, r in parties],
            participation_forms=_terms(Vocabulary.PARTICIPATION_FORM, forms),
            welfare_pillars=_terms(Vocabulary.WELFARE_PILLAR, pillars),
        )
        if state == "draft":
            continue
        # Recorded as it happened: in force from its signing day.
        agreement = services.agreement_activate(agreement=agreement, actor=admin, today=signed)
        if number in (1, 2):
            pdf = demo_pdf([f"{agreement.get_kind_display()} {agreement.number}", title, "Dokumen contoh (demo)"])
            services.document_upload(
                agreement=agreement,
                actor=admin,
                upload=SimpleUploadedFile(f"perjanjian-{number:03d}.pdf", pdf, content_type="application/pdf"),
                title="Naskah perjanjian bertanda tangan",
            )
        if state == "expired":
            services.agreement_expire(agreement=agreement, today=today)
        elif state == "terminated":
            services.agreement_terminate(
                agreement=agreement,
                actor=admin,
                reason="Majelis taklim menghentikan program santunan (demo).",
                on=days(-30),
            )
    return len(plans)
