"""Time expressions of wire copy, resolved against a publication date: one table, one test.

Every sentence is written for this test in the style of wire copy (invented people and places).
Columns: sentence, base (the article's publication date), the expected first resolved
expression as an ISO value (ranges as ``start/end``), or None when nothing should be found.
2022-03-21 is a Monday; 2022-03-24 a Thursday; 2022-01-04 a Tuesday.
"""

from __future__ import annotations

import pytest

from onrecord.resolve.time import find_times, resolve_time

TABLE: list[tuple[str, str, str | None]] = [
    # explicit days
    ("The envoy arrived in Valdora on February 24.", "2022-03-28", "2022-02-24"),
    ("The first round took place in the Brask Region on February 28.", "2022-03-28", "2022-02-28"),
    ("Minister Olen Varga on March 2 signed the decree.", "2022-03-21", "2022-03-02"),
    ("21 Mar 2022 12:47", "2022-03-21", "2022-03-21"),
    ("The ruling was issued on 14 February 2021, the court said.", "2022-03-21", "2021-02-14"),
    ("The vote was held on Sept. 9, 2021.", "2022-03-21", "2021-09-09"),
    ("LUNDGRAD, March 28. /NORDWIRE/. The ministry said little.", "--03-28", "--03-28"),
    ("The pact was signed on February 24, officials said.", "--03-28", "--02-24"),
    ("The blockade began on December 28, the agency said.", "2022-01-04", "2021-12-28"),
    ("The summit will open on January 10, organisers said.", "2021-12-20", "2022-01-10"),
    ("The deadline passed on Monday, March 14.", "2022-03-21", "2022-03-14"),
    ("The filing, dated 2022-03-18, was published on Friday.", "2022-03-21", "2022-03-18"),
    ("The talks resumed on the 3rd of March in Ostavia.", "2022-03-21", "2022-03-03"),
    # ranges stay ranges
    (
        "The delegations agreed to meet on March 29-30 in Kelborg.",
        "2022-03-28",
        "2022-03-29/2022-03-30",
    ),
    ("Talks are planned between March 29 and 30.", "2022-03-28", "2022-03-29/2022-03-30"),
    (
        "The exercise ran February 28 - March 2 near the border.",
        "2022-03-21",
        "2022-02-28/2022-03-02",
    ),
    ("The fair runs from 5 to 7 April in Marrow.", "2022-03-21", "2022-04-05/2022-04-07"),
    ("Inspectors visited from December 30 to January 2.", "2022-01-10", "2021-12-30/2022-01-02"),
    ("The forum takes place 12-14 May 2022.", "2022-03-21", "2022-05-12/2022-05-14"),
    ("The delegations will meet on March 29-30.", "--03-28", "--03-29/--03-30"),
    # months and years
    ("Prices rose sharply in 2021, the bank said.", "2022-03-21", "2021"),
    ("The plant has been closed since 2019.", "2022-03-21", "2019"),
    ("The reform is due in March 2023.", "2022-03-21", "2023-03"),
    ("Elections are expected in June, the spokesman said.", "2022-03-21", "2022-06"),
    ("Shipments stopped in December.", "2022-01-04", "2021-12"),
    ("The fleet sailed in early March.", "2022-03-21", "2022-03"),
    ("Growth slowed last March.", "2022-03-21", "2021-03"),
    ("The treaty is to be ratified next May.", "2022-03-21", "2022-05"),
    ("Output fell in February.", "--03-28", "--02"),
    # relative days
    ("The minister said today that the plan stands.", "2022-03-21", "2022-03-21"),
    ("The delegation is leaving for Ostavia today.", "2022-03-28T10:15:00+03:00", "2022-03-28"),
    ("The ministry said yesterday it had no comment.", "2022-03-21", "2022-03-20"),
    ("Talks could resume tomorrow, he said.", "2022-03-28", "2022-03-29"),
    ("The ambassador was summoned the day before yesterday.", "2022-03-01", "2022-02-27"),
    ("Shelling was reported last night near the port.", "2022-03-01", "2022-02-28"),
    ("The convoy left three days ago.", "2022-03-21", "2022-03-18"),
    ("Results are expected in two weeks.", "2022-03-21", "2022-04-04"),
    ("The envoy spoke yesterday.", "--03-01", "--02-28"),
    # weekdays: past tense = on or before the base, future tense = on or after
    ("Spokesman Ivo Brenn told reporters on Monday.", "2022-03-21", "2022-03-21"),
    ("The talks ended on Tuesday without a deal.", "2022-03-24", "2022-03-22"),
    ("The delegation will travel on Tuesday.", "2022-03-21", "2022-03-22"),
    ("The council is due to meet on Monday.", "2022-03-24", "2022-03-28"),
    ("The envoy left last Thursday.", "2022-03-24", "2022-03-17"),
    ("A vote is planned for next Monday.", "2022-03-21", "2022-03-28"),
    ("Officials met on Friday morning.", "2022-03-21", "2022-03-18"),
    ("The talks ended on Tuesday.", "--03-24", None),
    # weeks, months and years relative to the base
    ("Troops withdrew last week, the ministry said.", "2022-03-24", "2022-03-14/2022-03-20"),
    ("Consultations will continue next week.", "2022-03-24", "2022-03-28/2022-04-03"),
    ("Two rounds were held earlier this month.", "2022-03-21", "2022-03-01/2022-03-20"),
    ("A third round is possible later this month.", "2022-03-21", "2022-03-22/2022-03-31"),
    ("Exports doubled last month.", "2022-03-21", "2022-02"),
    ("A new round is planned next month.", "2022-12-05", "2023-01"),
    ("The law was adopted last year.", "2022-03-21", "2021"),
    ("Aid was cut earlier this week.", "2022-03-24", "2022-03-21/2022-03-23"),
    ("Inflation will peak this year.", "2022-03-21", "2022"),
    # no date at all: words that look like dates must not become dates
    ("We cannot say there have been any breakthroughs so far.", "2022-03-21", None),
    ("The ministry may march ahead with the plan.", "2022-03-21", None),
    ("May officials confirm the figures? the paper asked.", "2022-03-21", None),
    ("He said the 2022 budget had 12 items.", "2022-03-21", None),
    ("The talks lasted for five hours.", "2022-03-21", None),
]


def test_table_has_at_least_forty_rows() -> None:
    assert len(TABLE) >= 40


@pytest.mark.parametrize(("sentence", "base", "expected"), TABLE)
def test_time_expression(sentence: str, base: str, expected: str | None) -> None:
    when = resolve_time(sentence, base)
    assert (when.value if when else None) == expected, sentence


def test_range_beats_the_day_inside_it() -> None:
    found = find_times("They will meet on March 29-30.", "2022-03-28")
    assert [(t.kind, t.text) for t in found] == [("range", "on March 29-30")]


def test_precision_is_reported() -> None:
    assert resolve_time("in 2021", "2022-03-21").precision == "year"
    assert resolve_time("on February 24", "--03-28").precision == "day-no-year"
    assert resolve_time("last month", "2022-03-21").precision == "month"
