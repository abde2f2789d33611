"""Small builders the tests share."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from confnote.schedule.model import TalkDetails

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def talk_details(
    key: str,
    title: str,
    start: str = "2025-05-17T09:00:00+02:00",
    minutes: int = 30,
    **fields: object,
) -> TalkDetails:
    """A talk for tests: ``start`` is an ISO instant with its offset."""
    return TalkDetails(
        key=key,
        title=title,
        starts_at=datetime.fromisoformat(start),
        duration=timedelta(minutes=minutes),
        **fields,  # type: ignore[arg-type]
    )


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)
