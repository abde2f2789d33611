from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from confnote.store import Conference, Store
from tests.helpers import talk_details


def _seed(store: Store, conference: Conference) -> dict[str, int]:
    ids = {}
    ids["title"] = store.add_talk(
        conference.id, talk_details("t", "Rust for Pythonistas", speakers=("Ann Other",))
    ).id
    ids["speaker"] = store.add_talk(
        conference.id, talk_details("s", "Memory safety", speakers=("Jo Rust",))
    ).id
    ids["abstract"] = store.add_talk(
        conference.id,
        talk_details("a", "Systems talk", abstract="We rewrote it in Rust.", speakers=("X",)),
    ).id
    ids["note"] = store.add_talk(conference.id, talk_details("n", "Other talk")).id
    store.save_talk_note(ids["note"], "Speaker mentioned Rust twice; Rust everywhere.")
    for index in range(20):  # enough unrelated documents for bm25 to rank on
        store.add_talk(conference.id, talk_details(f"f{index}", f"Filler {index}"))
    return ids


def test_title_ranks_above_speakers_above_your_note_above_an_abstract(
    store: Store, conference: Conference
) -> None:
    ids = _seed(store, conference)
    order = [hit.talk_id for hit in store.search("rust")]
    assert order == [ids["title"], ids["speaker"], ids["note"], ids["abstract"]]


def test_a_word_in_your_long_note_ranks_above_the_same_word_repeated_in_a_short_abstract(
    store: Store, conference: Conference
) -> None:
    in_abstract = store.add_talk(
        conference.id, talk_details("a", "Short", abstract="Wasm. Wasm! Wasm, wasm.")
    ).id
    in_note = store.add_talk(conference.id, talk_details("n", "Long")).id
    store.save_talk_note(in_note, "lorem ipsum dolor " * 200 + "try wasm later")
    assert [hit.talk_id for hit in store.search("wasm")] == [in_note, in_abstract]


def test_results_say_the_day_time_and_room_in_the_conference_zone(
    store: Store, conference: Conference
) -> None:
    store.add_talk(
        conference.id,
        talk_details("k", "Keynote", "2025-05-17T09:30:00+02:00", room="Janson"),
    )
    store.add_conference_note(conference.id, "Hallway", "keynote queue was long")
    hits = store.search("keynote")
    assert [hit.where_and_when for hit in hits] == ["Sat 17 May 09:30 · Janson", "conference note"]


def test_a_limit_keeps_the_best_hits_whichever_column_they_are_in(
    store: Store, conference: Conference
) -> None:
    ids = _seed(store, conference)
    assert [hit.talk_id for hit in store.search("rust", limit=3)] == [
        ids["title"],
        ids["speaker"],
        ids["note"],
    ]
    assert [hit.talk_id for hit in store.search("rewrote", limit=1)] == [ids["abstract"]]


def test_snippet_marks_the_match(store: Store, conference: Conference) -> None:
    _seed(store, conference)
    hit = store.search("rewrote")[0]
    assert ("rewrote", True) in hit.snippet
    assert "We rewrote it in Rust." in hit.snippet_text


def test_last_word_matches_as_a_prefix(store: Store, conference: Conference) -> None:
    ids = _seed(store, conference)
    assert [h.talk_id for h in store.search("pythonis")] == [ids["title"]]


def test_quoted_phrase_matches_in_order(store: Store, conference: Conference) -> None:
    ids = _seed(store, conference)
    assert [h.talk_id for h in store.search('"memory safety"')] == [ids["speaker"]]
    assert store.search('"safety memory"') == []


def test_note_edits_update_the_index(store: Store, conference: Conference) -> None:
    talk = store.add_talk(conference.id, talk_details("a", "Plain"))
    store.save_talk_note(talk.id, "kangaroo")
    assert [h.talk_id for h in store.search("kangaroo")] == [talk.id]
    store.save_talk_note(talk.id, "wombat")
    assert store.search("kangaroo") == []
    assert [h.talk_id for h in store.search("wombat")] == [talk.id]


def test_speaker_changes_update_the_index(store: Store, conference: Conference) -> None:
    talk = store.add_talk(conference.id, talk_details("a", "Plain", speakers=("Grace",)))
    store.update_talk(talk.id, talk_details("a", "Plain", speakers=("Linus",)))
    assert store.search("grace") == []
    assert [h.talk_id for h in store.search("linus")] == [talk.id]


def test_conference_notes_are_found_too(store: Store, conference: Conference) -> None:
    note = store.add_conference_note(conference.id, "Hallway track", "met the pandas folks")
    hits = store.search("pandas")
    assert [(h.note_id, h.talk_id, h.title) for h in hits] == [(note.id, None, "Hallway track")]


def test_search_can_be_limited_to_one_conference(store: Store, conference: Conference) -> None:
    other = store.create_conference("Other")
    store.add_talk(conference.id, talk_details("a", "Shared word"))
    store.add_talk(other.id, talk_details("a", "Shared word"))
    assert len(store.search("shared")) == 2
    assert [h.conference_id for h in store.search("shared", conference_id=other.id)] == [other.id]


def test_accents_are_folded(store: Store, conference: Conference) -> None:
    talk = store.add_talk(conference.id, talk_details("a", "Café culture"))
    assert [h.talk_id for h in store.search("cafe")] == [talk.id]


def test_odd_queries_are_text_not_syntax(store: Store, conference: Conference) -> None:
    talk = store.add_talk(conference.id, talk_details("a", "Why C++ and C-sharp are NOT dead"))
    for query in ["C++", "C-sharp", "NOT", '"NOT dead"', "AND OR", "*", '"', "(", "^", ":"]:
        store.search(query)  # never raises
    assert [h.talk_id for h in store.search("C-sharp")] == [talk.id]
    assert [h.talk_id for h in store.search("NOT dead")] == [talk.id]
    assert store.search("*") == []


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text())
def test_no_typed_query_raises(store: Store, query: str) -> None:
    store.search(query)
