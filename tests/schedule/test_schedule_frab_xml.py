"""frab / pretalx / Pentabarf XML: each dialect and quirk, on small hand-written files."""

from __future__ import annotations

import codecs
import gc
from datetime import UTC, datetime, timedelta

import pytest

from confnote.schedule import ParsedSchedule, ScheduleError, parse_schedule


def _parse(xml: str, default_zone: str = "UTC") -> ParsedSchedule:
    return parse_schedule(xml.encode(), "test.xml", default_zone=default_zone)


def _frab(conference: str, days: str) -> str:
    return f"<schedule><conference>{conference}</conference>{days}</schedule>"


def _one_day(events: str) -> str:
    return f'<day index="1" date="2024-01-01"><room name="A">{events}</room></day>'


PENTABARF = _frab(
    "<title>Oldcon</title><day_change>09:00:00</day_change>",
    """<day index="1" date="2015-01-31">
         <room name="Janson">
           <event id="1"><start>09:30</start><duration>00:25</duration>
             <title>Welcome</title><type>keynote</type>
             <persons><person id="6">Staff</person></persons></event>
           <event id="2"><start>01:00</start><duration>01:00</duration>
             <title>Night owls</title></event>
         </room>
       </day>""",
)


def test_pentabarf_time_is_day_date_plus_start_in_the_given_zone() -> None:
    talk = _parse(PENTABARF, default_zone="Europe/Brussels").talks[0]
    assert talk.starts_at == datetime(2015, 1, 31, 8, 30, tzinfo=UTC)
    assert (talk.key, talk.room, talk.kind, talk.speakers) == ("1", "Janson", "keynote", ("Staff",))


def test_pentabarf_without_zone_reads_utc_and_says_so() -> None:
    schedule = _parse(PENTABARF)
    assert schedule.talks[0].starts_at == datetime(2015, 1, 31, 9, 30, tzinfo=UTC)
    assert schedule.time_zone == "UTC"
    assert schedule.warnings == ("conference: no time zone given; local times read as UTC",)


def test_pentabarf_start_before_day_change_rolls_to_the_next_day() -> None:
    night = _parse(PENTABARF, default_zone="Europe/Brussels").talks[1]
    assert night.starts_at == datetime(2015, 2, 1, 0, 0, tzinfo=UTC)


def test_without_day_change_a_start_before_the_day_start_belongs_to_the_next_day() -> None:
    xml = _frab(
        "<time_zone_name>Europe/Berlin</time_zone_name>",
        """<day index="1" date="2020-12-14" start="2020-12-14T04:00:00+01:00">
             <room name="A"><event id="1"><start>01:50</start><duration>0:30</duration>
               <title>Late</title></event></room></day>""",
    )
    assert _parse(xml).talks[0].starts_at == datetime(2020, 12, 15, 0, 50, tzinfo=UTC)


def test_without_day_change_or_day_start_the_pretalx_four_oclock_rule_applies() -> None:
    xml = _frab(
        "<time_zone_name>UTC</time_zone_name>",
        """<day index="1" date="2020-12-14"><room name="A">
             <event id="1"><start>03:59</start><duration>0:30</duration><title>Late</title></event>
             <event id="2"><start>04:00</start><duration>0:30</duration><title>Early</title></event>
           </room></day>""",
    )
    starts = [talk.starts_at for talk in _parse(xml).talks]
    assert starts == [
        datetime(2020, 12, 15, 3, 59, tzinfo=UTC),
        datetime(2020, 12, 14, 4, 0, tzinfo=UTC),
    ]


def test_oldest_pentabarf_events_directly_under_day_with_room_inside_and_escaped_html() -> None:
    xml = _frab(
        "<title>FOSDEM 2007</title>",
        """<day index="1" date="2007-02-25">
          <event id="0"><start>15:00</start><duration>00:45</duration><room>Chavanne</room>
            <title>AIGLX</title><type></type>
            <abstract>&#xA;&lt;p&gt;See &lt;a href=&#34;http://x.example/&#34;&gt;X&lt;/a&gt;.
            &lt;/p&gt;&#xA; </abstract>
            <persons><person id="1">Kristian</person></persons>
            <links><link href="http://video.example/a.ogg">Video (Ogg/Theora)</link>
                   <link href="http://x.example/a.pdf">Slides (PDF)</link></links>
            <video></video><end></end>
          </event>  <event id="5"><start>16:00</start><duration>00:30</duration>
            <room>H.2214</room><title>eID</title></event>
        </day>""",
    )
    talks = _parse(xml, default_zone="Europe/Brussels").talks
    assert [(talk.key, talk.room) for talk in talks] == [("0", "Chavanne"), ("5", "H.2214")]
    assert talks[0].abstract == "See [X](http://x.example/)."
    assert talks[0].video_url == "http://video.example/a.ogg"
    assert talks[0].slides_url == "http://x.example/a.pdf"
    assert talks[0].kind == "talk"


def test_event_date_with_its_own_offset_wins_over_day_start_offset() -> None:
    xml = _frab(
        "<time_zone_name>Europe/Berlin</time_zone_name>",
        """<day index="1" date="2024-12-27" start="2024-12-27T09:30:00+00:00">
             <room name="Saal 1">
               <event guid="g1" id="2"><date>2024-12-27T10:30:00+01:00</date>
                 <start>10:30</start><duration>00:30</duration><title>Opening</title></event>
               <event guid="g2" id="3"><date>2024-12-27T10:00:00+00:00</date>
                 <start>11:00</start><duration>00:30</duration><title>Written in UTC</title></event>
             </room></day>""",
    )
    talks = _parse(xml).talks
    assert talks[0].starts_at == datetime(2024, 12, 27, 9, 30, tzinfo=UTC)
    assert talks[1].starts_at == datetime(2024, 12, 27, 10, 0, tzinfo=UTC)


def test_utc_stamped_times_keep_their_instant_and_the_declared_zone() -> None:
    xml = _frab(
        "<start>2023-09-10</start><end>2023-09-17</end>"
        "<time_zone_name>Asia/Kolkata</time_zone_name>",
        """<day index="1" date="2023-09-09" start="2023-09-09T21:30:00+00:00">
             <room name="Anamudi"><event id="35" guid="455d">
               <date>2023-09-10T05:00:00+00:00</date><start>10:30</start>
               <duration>00:20</duration><title>Opening</title></event></room></day>""",
    )
    schedule = _parse(xml)
    assert schedule.time_zone == "Asia/Kolkata"
    assert schedule.talks[0].starts_at == datetime(2023, 9, 10, 5, 0, tzinfo=UTC)
    assert str(schedule.starts_on) == "2023-09-10"


def test_bare_city_zone_name_from_early_frab_maps_to_its_iana_zone() -> None:
    xml = _frab(
        "<time_zone_name>Berlin</time_zone_name>",
        _one_day(
            "<event guid='a'><start>10:00</start><duration>0:30</duration>"
            "<title>Hallo</title></event>"
        ),
    )
    assert _parse(xml).time_zone == "Europe/Berlin"


def test_unknown_zone_name_warns_and_derives_a_zone_from_the_offsets() -> None:
    xml = _frab(
        "<time_zone_name>Mars/Olympus</time_zone_name>",
        """<day index="1" date="2024-01-01"><room name="A">
             <event guid="a"><date>2024-01-01T10:00:00+05:30</date><duration>0:30</duration>
               <title>Far away</title></event></room></day>""",
    )
    schedule = _parse(xml)
    assert schedule.time_zone == "UTC+05:30"
    assert "unknown time zone 'Mars/Olympus'" in schedule.warnings[0]


def test_offsets_without_zone_name_give_an_etc_zone_of_the_commonest_offset() -> None:
    events = "".join(
        f'<event guid="e{n}"><date>2024-01-01T1{n}:00:00{offset}</date>'
        f"<duration>0:30</duration><title>T{n}</title></event>"
        for n, offset in enumerate(("+01:00", "+01:00", "+00:00"))
    )
    schedule = _parse(_frab("<title>C</title>", _one_day(events)))
    assert schedule.time_zone == "Etc/GMT-1"
    assert schedule.warnings == ()


def test_repeated_ids_keep_every_event_with_numbered_keys_and_a_warning_each() -> None:
    events = "".join(
        f'<event id="7"><date>2024-01-01T1{n}:00:00+00:00</date><duration>0:30</duration>'
        f"<title>Part {n}</title></event>"
        for n in range(3)
    )
    xml = _frab("", _one_day(events))
    schedule = _parse(xml)
    assert [talk.key for talk in schedule.talks] == ["7", "7#2", "7#3"]
    assert len(schedule.warnings) == 2
    assert all("key '7' repeats" in warning for warning in schedule.warnings)


def test_repeated_guid_is_disambiguated_in_file_order() -> None:
    events = "".join(
        f'<event guid="same" id="{n}"><date>2024-01-01T1{n}:00:00+00:00</date>'
        f"<duration>0:30</duration><title>Slot {n}</title></event>"
        for n in range(2)
    )
    xml = _frab("", _one_day(events))
    assert [talk.title for talk in _parse(xml).talks] == ["Slot 0", "Slot 1"]
    assert [talk.key for talk in _parse(xml).talks] == ["same", "same#2"]


BROKEN_EVENTS = _frab(
    "<time_zone_name>UTC</time_zone_name>",
    """<day index="1" date="2024-01-01"><room name="A">
         <event id="1"><duration>0:30</duration><title>No start</title></event>
         <event id="2"><date>2024-01-01T10:00:00+00:00</date><duration>0:30</duration></event>
         <event id="3"><date>2024-01-01T11:00:00+00:00</date><duration>soon</duration>
           <title>Bad duration</title></event>
         <event id="4"><date>2024-01-01T12:00:00+00:00</date><title>No duration</title></event>
         <event id="5"><start>25:99</start><title>Bad start</title></event>
         <event id="6"><date>2024-01-01T13:00:00+00:00</date><end>2024-01-01T14:15:00+00:00</end>
           <title>End only</title></event>
       </room></day>""",
)


def test_broken_events_are_warnings_with_their_place_and_only_unusable_ones_are_skipped() -> None:
    schedule = _parse(BROKEN_EVENTS)
    assert [talk.title for talk in schedule.talks] == ["Bad duration", "No duration", "End only"]
    assert [talk.duration for talk in schedule.talks] == [
        timedelta(minutes=30),
        timedelta(minutes=30),
        timedelta(minutes=75),
    ]
    assert schedule.warnings == (
        "event 1 (day 1): skipped: no start time",
        "event 2 (day 1): skipped: no title",
        "event 3 (day 1): duration 'soon' not understood; assuming 30 minutes",
        "event 4 (day 1): no usable duration; assuming 30 minutes",
        "event 5 (day 1): skipped: start '25:99' not understood",
    )


def test_abstract_and_description_are_joined_unless_one_repeats_the_other() -> None:
    events = """
      <event guid="a"><date>2024-01-01T10:00:00+00:00</date><duration>0:30</duration>
        <title>Both</title><abstract>Short.</abstract><description>Long text.</description></event>
      <event guid="b"><date>2024-01-01T11:00:00+00:00</date><duration>0:30</duration>
        <title>Repeat</title><abstract>Same start</abstract>
        <description>Same  start, and more.</description></event>"""
    xml = _frab("", _one_day(events))
    talks = _parse(xml).talks
    assert talks[0].abstract == "Short.\n\nLong text."
    assert talks[1].abstract == "Same  start, and more."


def test_inline_xhtml_in_an_abstract_is_kept_as_markup_and_converted() -> None:
    events = """<event guid="a"><date>2024-01-01T10:00:00+00:00</date><duration>0:30</duration>
        <title>X</title><abstract><p>One <strong>bold</strong> word.</p></abstract></event>"""
    xml = _frab("", _one_day(events))
    assert _parse(xml).talks[0].abstract == "One **bold** word."


def test_recording_url_is_the_video_url_and_origin_url_stands_in_for_a_missing_url() -> None:
    events = """<event guid="a"><date>2024-01-01T10:00:00+00:00</date><duration>0:30</duration>
        <title>X</title><origin_url>https://cfp.example/talk/X/</origin_url>
        <recording><license/><optout>false</optout><url>https://cdn.example/x.mp4</url></recording>
        <answers><answer><answer>file://a.pdf</answer></answer></answers></event>"""
    xml = _frab("", _one_day(events))
    talk = _parse(xml).talks[0]
    assert talk.video_url == "https://cdn.example/x.mp4"
    assert talk.url == "https://cfp.example/talk/X/"


def test_namespaced_schedule_reads_like_a_plain_one() -> None:
    xml = """<s:schedule xmlns:s="urn:example"><s:conference><s:title>NS</s:title></s:conference>
      <s:day index="1" date="2024-01-01"><s:room name="A"><s:event guid="a">
        <s:date>2024-01-01T10:00:00+00:00</s:date><s:duration>0:30</s:duration>
        <s:title>Namespaced</s:title></s:event></s:room></s:day></s:schedule>"""
    schedule = _parse(xml)
    assert (schedule.title, schedule.talks[0].title) == ("NS", "Namespaced")


def test_a_schedule_with_no_events_is_refused() -> None:
    with pytest.raises(ScheduleError, match=r"^test\.xml: not a schedule: no talk in it$"):
        _parse(_frab("<title>Soon</title>", ""))


@pytest.mark.parametrize(
    ("xml", "reason"),
    [
        ("<schedule><conference><title>Cut", "broken XML"),
        (
            '<?xml version="1.0"?><!DOCTYPE s [<!ENTITY a "aaaa">]>'
            "<schedule><conference><title>&a;</title></conference></schedule>",
            "unsafe XML",
        ),
        ("<schedule><version>1</version></schedule>", "not a frab <schedule>"),
    ],
)
def test_xml_that_cannot_be_read_is_one_line_naming_the_file(xml: str, reason: str) -> None:
    with pytest.raises(ScheduleError) as caught:
        _parse(xml)
    message = str(caught.value)
    assert message.startswith("test.xml: ")
    assert reason in message
    assert "\n" not in message


_RICH_EVENT = """<event guid="r1" id="9" code="RICH">
  <date>2024-01-01T10:00:00+01:00</date><duration>00:45</duration><room>B</room>
  <title> Rich  event </title><subtitle>Sub</subtitle><type>Workshop</type><track>T</track>
  <abstract>Short <em>intro</em> with <a href="https://x.example/">a link</a>.</abstract>
  <description>&lt;p&gt;Longer &lt;b&gt;text&lt;/b&gt;&lt;/p&gt;</description>
  <persons><person id="1">Ada</person><person id="2"><name>Bob</name></person></persons>
  <persons><person id="3">Cy</person></persons>
  <links><link href="https://youtu.be/x">Video</link>
    <link href="https://x.example/s">Slides</link></links>
  <attachments><attachment href="https://x.example/d.pdf" type="slides">Deck</attachment>
  </attachments>
  <url>https://x.example/talk</url><!-- a comment --><?pi data?>
</event>"""

_WITH_ENTITY = (
    '<?xml version="1.0" encoding="{encoding}"?><!DOCTYPE s [<!ENTITY a "aaaa">]>'
    + _frab("<title>&a;</title>", _one_day('<event guid="a"><title>T</title></event>'))
)


@pytest.mark.parametrize(
    ("declared", "codec", "mark"),
    [
        ("UTF-8", "utf-8", b""),
        ("UTF-8", "utf-8", codecs.BOM_UTF8),
        ("UTF-16", "utf-16-le", b""),
        ("UTF-16", "utf-16-le", codecs.BOM_UTF16_LE),
        ("UTF-16", "utf-16-be", codecs.BOM_UTF16_BE),
        ("UTF-16LE", "utf-16-le", b""),
        ("UTF-32", "utf-32-le", b""),
        ("ISO-8859-1", "latin-1", b""),
    ],
)
def test_entity_declarations_are_refused_whatever_the_encoding(
    declared: str, codec: str, mark: bytes
) -> None:
    data = mark + _WITH_ENTITY.format(encoding=declared).encode(codec)
    with pytest.raises(ScheduleError, match="unsafe XML"):
        parse_schedule(data, "test.xml")


def test_a_doctype_without_declarations_reads_like_no_doctype() -> None:
    plain = _frab("<title>Plain</title>", _one_day(_RICH_EVENT))
    with_doctype = '<?xml version="1.0"?><!DOCTYPE schedule>' + plain
    assert _parse(with_doctype) == _parse(plain)


def test_parsing_leaves_the_cycle_collector_as_it_found_it() -> None:
    good = _frab("<title>Plain</title>", _one_day(_RICH_EVENT))
    assert gc.isenabled()
    _parse(good)
    assert gc.isenabled()
    with pytest.raises(ScheduleError):
        _parse(good[:40])
    assert gc.isenabled()
    gc.disable()
    try:
        _parse(good)
        assert not gc.isenabled()
    finally:
        gc.enable()
