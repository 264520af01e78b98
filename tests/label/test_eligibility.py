"""The criteria over every combination of stages, location, employees and start-up status."""

import itertools
from types import SimpleNamespace

import pytest
from django.utils import translation

from label.eligibility import MET, NEEDS_REVIEW, NOT_MET, evaluate

STAGES = list(itertools.product([False, True], repeat=3))
LOCATIONS = [  # seat, shop, location criterion met?
    ("Bochum", "", True),
    ("", "bochum", True),
    ("Herne", "Bochum", True),
    ("Herne", "Dortmund", False),
    ("", "", False),
]
EMPLOYEES = [None, 0, 1, 5]
STARTUP = [False, True]


@pytest.mark.parametrize(
    "stages,location,employees,startup", list(itertools.product(STAGES, LOCATIONS, EMPLOYEES, STARTUP))
)
def test_every_combination(stages, location, employees, startup):
    seat, shop, location_met = location
    facts = SimpleNamespace(
        design_in_bochum=stages[0],
        manufacture_in_bochum=stages[1],
        finishing_in_bochum=stages[2],
        seat_municipality=seat,
        shop_municipality=shop,
        full_time_employees=employees,
        is_startup=startup,
    )
    result = evaluate(facts, eligible_municipalities=["Bochum"])
    by_criterion = {check.criterion: check for check in result.checks}

    stages_met = sum(stages) >= 2
    size_met = bool(employees) or startup
    assert by_criterion["stages"].result == (MET if stages_met else NOT_MET)
    assert by_criterion["location"].result == (MET if location_met else NOT_MET)
    assert by_criterion["size"].result == (MET if size_met else NOT_MET)
    assert by_criterion["quality"].result == NEEDS_REVIEW
    assert by_criterion["participation"].result == NEEDS_REVIEW
    assert result.can_submit == (stages_met and location_met and size_met)
    assert result.provisional == (startup and not employees)
    assert all(check.reason for check in result.checks)


def test_municipalities_are_a_setting(settings):
    settings.LABEL_ELIGIBLE_MUNICIPALITIES = ["Bochum", "Herne"]
    facts = SimpleNamespace(
        design_in_bochum=True, manufacture_in_bochum=True, finishing_in_bochum=True,
        seat_municipality="Herne", shop_municipality="", full_time_employees=1, is_startup=False,
    )  # fmt: skip
    assert evaluate(facts).can_submit


def test_reasons_come_in_the_visitors_language():
    facts = SimpleNamespace(
        design_in_bochum=False, manufacture_in_bochum=False, finishing_in_bochum=True,
        seat_municipality="", shop_municipality="", full_time_employees=0, is_startup=False,
    )  # fmt: skip
    with translation.override("en"):
        english = [check.reason for check in evaluate(facts).failed]
    assert "Only 1 of 3 stages (design, manufacture, finishing) happen in Bochum; at least 2 are needed." in english
    assert len(english) == 3
