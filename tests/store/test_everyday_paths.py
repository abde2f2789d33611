"""The work done every minute at a conference (opening the store, reading a day,
saving a note, starring, hiding, ticking a TODO, searching, refreshing the
schedule) runs in plain SQL: it
never loads SQLAlchemy, which costs about 0.3 s and 30 MB. The rarer work that
does load it shares the store's one connection and lock."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from datetime import date
from pathlib import Path

from confnote.store import Conference, Store
from tests.helpers import talk_details
from tests.schedule_files import Event, frab_xml

EVERYDAY = """
import json, sys
from datetime import date
from pathlib import Path
from confnote.schedule import parse_schedule
from confnote.store import Store

with Store.open(sys.argv[1]) as store:
    (conference,) = store.list_conferences()
    talk = store.talks_on_day(conference.id, date(2025, 5, 17))[0]
    store.programme_days(conference.id)
    store.conference_days(conference.id)
    note = store.write_note("- [ ] send slides", talk_id=talk.id, base_version=0).note
    store.talk(talk.id)
    store.cycle_star(talk.id)
    store.set_hidden(talk.id, True)
    store.set_attended(talk.id, True)
    store.set_watch_later(talk.id, True)
    todo = store.add_todo(conference.id, "email the speaker", talk_id=talk.id)
    store.set_todo_done(todo.id, True)
    (entry,) = store.checklist(conference.id)
    store.set_checklist_item(entry, True)
    store.note_for_talk(talk.id)
    store.note_revisions(note.id)
    store.conference_notes(conference.id)
    store.list_todos(conference.id)
    store.search("slides")
    schedule = parse_schedule(Path(sys.argv[2]).read_bytes(), "c.xml")
    store.import_schedule(schedule, conference_id=conference.id, source=sys.argv[2])
    store.schedule_source(conference.id)
    store.data_version()
    print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] == "sqlalchemy")))
"""


def test_the_everyday_work_never_loads_sqlalchemy_and_reaches_the_database(
    store: Store, conference: Conference, tmp_path: Path
) -> None:
    talk = store.add_talk(conference.id, talk_details("k1", "Parsing"))
    schedule = tmp_path / "c.xml"
    schedule.write_bytes(frab_xml([Event("g1", "Refreshing", "2025-05-18T10:00:00+02:00")]))
    result = subprocess.run(
        [sys.executable, "-c", EVERYDAY, str(store.path), str(schedule)],
        check=True,
        capture_output=True,
        text=True,
    )
    assert json.loads(result.stdout) == []
    changed = store.talk(talk.id)
    assert (changed.star, changed.hidden, changed.attended, changed.watch_later) == (
        1,
        True,
        True,
        True,
    )
    note = store.note_for_talk(talk.id)
    assert note is not None and note.body == "- [x] send slides"
    assert [(t.text, t.done) for t in store.list_todos(conference.id)] == [
        ("Watch “Parsing”", False),
        ("email the speaker", True),
    ]
    assert [hit.talk_id for hit in store.search("slides")] == [talk.id]
    assert [hit.title for hit in store.search("refreshing")] == ["Refreshing"]
    source = store.schedule_source(conference.id)
    assert source is not None and source.location == str(schedule)


def test_writes_through_the_orm_and_plain_sql_are_one_connection(
    store: Store, conference: Conference
) -> None:
    before = store.data_version()
    talk = store.add_talk(conference.id, talk_details("k1", "Parsing", speakers=("Ada",)))
    store.set_star(talk.id, 2)
    store.tag_talk(talk.id, "rust")
    store.save_talk_note(talk.id, "notes")
    assert store.data_version() == before  # our own commits, on our own connection
    (document,) = store.snapshot()["conferences"]
    (stored,) = document["talks"]
    assert (stored["state"]["star"], stored["tags"]) == (2, ["rust"])
    assert [note["body"] for note in document["notes"]] == ["notes"]


def test_threads_sharing_one_store_each_get_whole_transactions(
    store: Store, conference: Conference
) -> None:
    talks = [store.add_talk(conference.id, talk_details(f"k{n}", f"Talk {n}")).id for n in range(4)]
    failures: list[BaseException] = []

    def work(talk_id: int) -> None:
        try:
            for n in range(25):
                store.save_talk_note(talk_id, f"line {n}")
                store.cycle_star(talk_id)
                store.add_todo(conference.id, f"todo {talk_id}-{n}")
                store.talks_on_day(conference.id, date(2025, 5, 17))
        except BaseException as error:  # reported below, on the test's own thread
            failures.append(error)

    threads = [threading.Thread(target=work, args=(talk_id,)) for talk_id in talks]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    for talk_id in talks:
        note = store.note_for_talk(talk_id)
        assert note is not None and (note.body, note.version) == ("line 24", 25)
        assert store.talk(talk_id).star == 25 % 3
    positions = [todo.position for todo in store.list_todos(conference.id)]
    assert positions == list(range(100))


def test_a_closed_store_opens_its_connection_again_when_used(
    db_path: Path, store: Store, conference: Conference
) -> None:
    store.close()
    assert store.conference(conference.id) == conference
    store.close()
    talk = store.add_talk(conference.id, talk_details("k1", "After closing"))
    assert [t.id for t in store.list_talks(conference.id)] == [talk.id]
