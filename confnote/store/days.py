"""A conference's programme days: the ones its schedule declares, else a quiet-hours boundary."""

from __future__ import annotations

from sqlalchemy.orm import Session

from confnote import agenda
from confnote.store.plain_reads import read_programme_days
from confnote.store.rows import sqlite_connection


def programme_days(session: Session, conference_id: int, time_zone: str) -> agenda.ProgrammeDays:
    return read_programme_days(sqlite_connection(session), conference_id, time_zone)
