"""One "first report" everywhere: the compare page of one statement
(``/compare/ARTICLE:POSITION``), the day view's ``/api/groups`` and the timeline name the
same report first, and list the others in the same order.

Before, the compare page sorted a group by publication date with year-unknown dates last,
while ``/api/groups`` and the timeline placed a year-unknown date in the group's most
common year: for a report dated "20 March, year unknown" and another of 21 March 2022, the
page named the second as the first report and the API the first.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from onrecord.resolve.updates import update_record
from onrecord.store.db import Store
from onrecord.web.app import create_app
from support.builders import Said, build_article
from support.live import TEST_HOSTS

READY = "We are ready to open the bridge in May"
#: One remark as two outlets reported it: (doc id, outlet, publication date).
REPORTS = [("post-1", "Post", "2022-03-21"), ("gazette-1", "Gazette", "--03-20")]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = tmp_path_factory.mktemp("first") / "first.db"
    with Store(db, create=True) as store:
        for doc_id, outlet, published in REPORTS:
            text = f'"{READY}," Lena Holm said.'
            store.add_article(
                *build_article(doc_id, outlet, published, text, [Said(READY, "Lena Holm")])
            )
        update_record(store)
    with TestClient(create_app(db, allowed_hosts=TEST_HOSTS)) as c:
        yield c


def _page_outlets(html: str) -> list[str]:
    """The outlets of the compare page's versions, in order (the first is the first report)."""
    return [o.strip() for o in re.findall(r'<section class="version[^"]*">\s*<h3>([^<]+)', html)]


def test_compare_page_and_groups_name_the_same_first_report(client: TestClient) -> None:
    groups = client.get("/api/groups", params={"speaker": "Lena Holm", "date": "2022-03-21"})
    assert groups.status_code == 200, groups.text
    (group,) = groups.json()["items"]
    assert group["first_outlet"] == "Gazette"  # 20 March, placed in 2022, the common year
    api_order = [r["outlet"] for r in group["reports"]]
    for doc_id, _, _ in REPORTS:
        article = client.get(f"/api/articles/{doc_id}").json()
        page = client.get(f"/compare/{article['id']}:0")
        assert page.status_code == 200, page.text
        assert _page_outlets(page.text) == api_order == ["Gazette", "Post"]
        assert 'class="version first"' in page.text


def test_the_timeline_shows_the_same_first_report(client: TestClient) -> None:
    (entry,) = client.get("/api/timeline", params={"kind": "statements"}).json()["items"]
    assert (entry["first_outlet"], entry["reports"]) == ("Gazette", 2)
