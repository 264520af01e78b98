"""The label criteria as one pure function: which are met, which are not, which a reviewer must judge, and why.

Takes plain values (an Application or anything with the same attributes), touches no database, and gives
its reasons in the active language.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext as _

MET = "met"
NOT_MET = "not_met"
NEEDS_REVIEW = "needs_review"

STAGES = ("design", "manufacture", "finishing")


@dataclass(frozen=True)
class Check:
    criterion: str
    title: str
    result: str
    reason: str
    # A hard criterion that is not met blocks submission; soft ones are for the reviewer.
    hard: bool = True

    @property
    def result_label(self):
        return {MET: _("met"), NOT_MET: _("not met"), NEEDS_REVIEW: _("needs review")}[self.result]

    def as_dict(self):
        return {
            "criterion": self.criterion,
            "title": self.title,
            "result": self.result,
            "result_label": self.result_label,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class Eligibility:
    checks: list = field(default_factory=list)
    provisional: bool = False

    @property
    def failed(self):
        return [check for check in self.checks if check.hard and check.result == NOT_MET]

    @property
    def can_submit(self):
        return not self.failed

    def as_dict(self):
        return {
            "can_submit": self.can_submit,
            "provisional": self.provisional,
            "checks": [check.as_dict() for check in self.checks],
        }


def _in(municipality, eligible):
    return bool(municipality) and municipality.strip().casefold() in {name.casefold() for name in eligible}


def evaluate(facts, eligible_municipalities=None):
    """Check facts (attributes: design_in_bochum, manufacture_in_bochum, finishing_in_bochum,
    seat_municipality, shop_municipality, full_time_employees, is_startup) against the criteria."""
    eligible = list(eligible_municipalities or settings.LABEL_ELIGIBLE_MUNICIPALITIES)
    places = ", ".join(eligible)
    checks = []

    stages_here = sum(bool(getattr(facts, f"{stage}_in_bochum")) for stage in STAGES)
    if stages_here >= 2:
        reason = _("%(count)d of 3 stages (design, manufacture, finishing) happen in Bochum.") % {"count": stages_here}
        checks.append(Check("stages", _("Value creation in Bochum"), MET, reason))
    else:
        reason = _(
            "Only %(count)d of 3 stages (design, manufacture, finishing) happen in Bochum; at least 2 are needed."
        ) % {"count": stages_here}
        checks.append(Check("stages", _("Value creation in Bochum"), NOT_MET, reason))

    seat_ok = _in(facts.seat_municipality, eligible)
    shop_ok = _in(facts.shop_municipality, eligible)
    if seat_ok or shop_ok:
        reason = (_("The seat is in %(places)s.") if seat_ok else _("The shop is in %(places)s.")) % {"places": places}
        checks.append(Check("location", _("Seat or shop"), MET, reason))
    else:
        reason = _("Neither the seat nor the shop is in %(places)s.") % {"places": places}
        checks.append(Check("location", _("Seat or shop"), NOT_MET, reason))

    provisional = False
    employees = facts.full_time_employees or 0
    if employees >= 1:
        checks.append(Check("size", _("Employees or start-up"), MET, _("At least one full-time employee.")))
    elif facts.is_startup:
        provisional = True
        reason = _("A start-up without full-time staff: the label is granted provisionally, for %(months)d months.") % {
            "months": settings.LABEL_PROVISIONAL_VALIDITY_MONTHS
        }
        checks.append(Check("size", _("Employees or start-up"), MET, reason))
    else:
        reason = _("No full-time employee, and the business is not a start-up.")
        checks.append(Check("size", _("Employees or start-up"), NOT_MET, reason))

    checks.append(
        Check(
            "quality",
            _("High quality"),
            NEEDS_REVIEW,
            _("The reviewers judge the quality from your statement and evidence."),
            hard=False,
        )
    )
    checks.append(
        Check(
            "participation",
            _("Active participation"),
            NEEDS_REVIEW,
            _("The reviewers confirm your active part in the association."),
            hard=False,
        )
    )
    return Eligibility(checks=checks, provisional=provisional)
