"""Referrals follow their LKS when it moves to another province or kabupaten/kota."""

from ..models import Referral


def referrals_follow(*, organisation_id: int, province_code: str, regency_code: str, **_signal) -> int:
    """Gives each end of the LKS's referrals (sent and received) the LKS's new codes: the boards that see a referral
    and the reminders about it go by them. A referral to a service has the sender's codes at both ends (the sender
    records the service's answer and its board follows it up), so both move with the sender. Returns how many
    referral ends moved."""
    sent = (
        Referral.objects.filter(from_organisation_id=organisation_id)
        .exclude(from_province_code=province_code, from_regency_code=regency_code)
        .update(from_province_code=province_code, from_regency_code=regency_code)
    )
    to_service = (
        Referral.objects.filter(from_organisation_id=organisation_id, to_organisation__isnull=True)
        .exclude(to_province_code=province_code, to_regency_code=regency_code)
        .update(to_province_code=province_code, to_regency_code=regency_code)
    )
    received = (
        Referral.objects.filter(to_organisation_id=organisation_id)
        .exclude(to_province_code=province_code, to_regency_code=regency_code)
        .update(to_province_code=province_code, to_regency_code=regency_code)
    )
    return sent + to_service + received
