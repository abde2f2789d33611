"""Whatever bytes arrive, parse_schedule returns a schedule or raises ScheduleError."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from confnote.schedule import ScheduleError, TalkDetails, parse_schedule

FIXTURES = Path(__file__).parent / "fixtures"
FIXTURE_NAMES = ("tinycon.xml", "tinycon.json", "tinycon.ics", "tinycon.csv")
FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _parses_or_refuses(data: bytes) -> None:
    try:
        schedule = parse_schedule(data, "fuzz.bin")
    except ScheduleError as error:
        assert "\n" not in str(error)
        assert str(error).startswith("fuzz.bin: ")
        return
    for talk in schedule.talks:
        assert isinstance(talk, TalkDetails)
        assert talk.starts_at.tzinfo is not None
        assert talk.title
    assert len({talk.key for talk in schedule.talks}) == len(schedule.talks)


@FUZZ
@given(st.binary(max_size=2048))
def test_arbitrary_bytes_raise_nothing_but_schedule_error(data: bytes) -> None:
    _parses_or_refuses(data)


@FUZZ
@given(
    st.sampled_from(["<schedule>", "{", "BEGIN:VCALENDAR\r\n", "title,start,duration\n"]),
    st.text(max_size=500),
)
def test_text_behind_a_format_marker_raises_nothing_but_schedule_error(
    marker: str, rest: str
) -> None:
    _parses_or_refuses((marker + rest).encode("utf-8", errors="surrogatepass"))


def _mutated(data: bytes, draws: st.DataObject) -> bytes:
    """``data`` truncated, with a range cut out, or with random bytes spliced in."""
    start = draws.draw(st.integers(0, len(data)))
    kind = draws.draw(st.sampled_from(["truncate", "cut", "splice", "overwrite"]))
    if kind == "truncate":
        return data[:start]
    end = draws.draw(st.integers(start, min(len(data), start + 200)))
    if kind == "cut":
        return data[:start] + data[end:]
    noise = draws.draw(st.binary(min_size=1, max_size=40))
    if kind == "splice":
        return data[:start] + noise + data[start:]
    return data[:start] + noise + data[start + len(noise) :]


@pytest.mark.parametrize("name", FIXTURE_NAMES)
@FUZZ
@given(st.data())
def test_mutated_valid_fixtures_raise_nothing_but_schedule_error(
    name: str, data: st.DataObject
) -> None:
    _parses_or_refuses(_mutated_fixture(name, data))


def _mutated_fixture(name: str, data: st.DataObject) -> bytes:
    mutated = (FIXTURES / name).read_bytes()
    for _ in range(data.draw(st.integers(1, 3))):
        mutated = _mutated(mutated, data)
    return mutated


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=20)
    | st.sampled_from(["2025-06-14T10:00:00+02:00", "9999-12-31T23:59", "01:50", "24:00"]),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5), children, max_size=3)
    ),
    max_leaves=5,
)
EVENT_FIELDS = ("id", "guid", "date", "start", "duration", "end", "title", "persons", "links")


@FUZZ
@given(st.dictionaries(st.sampled_from(EVENT_FIELDS), JSON_VALUES, max_size=6))
def test_schedule_json_events_with_values_of_any_type_raise_nothing_but_schedule_error(
    fields: dict[str, object],
) -> None:
    document = json.loads((FIXTURES / "tinycon.json").read_text())
    document["schedule"]["conference"]["days"][0]["rooms"]["Main Hall"][0].update(fields)
    _parses_or_refuses(json.dumps(document).encode())


# The long runs: deselected by default, `make fuzz` (or `pytest -m fuzz`) runs them.
LONG_FUZZ = settings(
    max_examples=int(os.environ.get("CONFNOTE_FUZZ_EXAMPLES", "5000")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


@pytest.mark.fuzz
@pytest.mark.parametrize("name", FIXTURE_NAMES)
@LONG_FUZZ
@given(st.data())
def test_long_fuzz_of_mutated_fixtures(name: str, data: st.DataObject) -> None:
    _parses_or_refuses(_mutated_fixture(name, data))


@pytest.mark.fuzz
@LONG_FUZZ
@given(st.binary(max_size=65536))
def test_long_fuzz_of_arbitrary_bytes(data: bytes) -> None:
    _parses_or_refuses(data)
