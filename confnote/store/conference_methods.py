"""The Store's conferences: making, changing, finding, listing and deleting them."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from confnote.errors import ConfnoteError
from confnote.store.models import ConferenceRow
from confnote.store.records import Conference
from confnote.store.rows import check_zone, conference_record, get_row, slugify, unique_slug
from confnote.store.transactions import StoreBase


class ConferenceMethods(StoreBase):
    """Conferences; part of :class:`confnote.store.api.Store`."""

    def create_conference(
        self,
        name: str,
        *,
        time_zone: str = "UTC",
        starts_on: date | None = None,
        ends_on: date | None = None,
        url: str = "",
        slug: str | None = None,
    ) -> Conference:
        name = name.strip()
        if not name:
            raise ConfnoteError("a conference needs a name")
        check_zone(time_zone)
        with self._transaction() as session:
            row = ConferenceRow(
                name=name,
                slug=unique_slug(session, slug or slugify(name)),
                time_zone=time_zone,
                starts_on=starts_on,
                ends_on=ends_on,
                url=url,
                created_at=self._now(),
            )
            session.add(row)
            session.flush()
            return conference_record(row)

    def update_conference(
        self,
        conference_id: int,
        *,
        name: str | None = None,
        time_zone: str | None = None,
        starts_on: date | None = None,
        ends_on: date | None = None,
        url: str | None = None,
    ) -> Conference:
        with self._transaction() as session:
            row = get_row(session, ConferenceRow, conference_id, "conference")
            if name is not None and name.strip():
                row.name = name.strip()
            if time_zone is not None:
                check_zone(time_zone)
                row.time_zone = time_zone
            if starts_on is not None:
                row.starts_on = starts_on
            if ends_on is not None:
                row.ends_on = ends_on
            if url is not None:
                row.url = url
            return conference_record(row)

    def conference(self, conference_id: int) -> Conference:
        with self._reading() as session:
            return conference_record(get_row(session, ConferenceRow, conference_id, "conference"))

    def find_conference(self, name_or_slug: str) -> Conference | None:
        """The conference whose slug or name (case-insensitively) is ``name_or_slug``."""
        with self._reading() as session:
            row = session.scalars(
                select(ConferenceRow).where(
                    (ConferenceRow.slug == slugify(name_or_slug))
                    | (func.lower(ConferenceRow.name) == name_or_slug.strip().lower())
                )
            ).first()
            return conference_record(row) if row else None

    def list_conferences(self) -> list[Conference]:
        """Every conference, newest first."""
        with self._reading() as session:
            rows = session.scalars(
                select(ConferenceRow).order_by(
                    ConferenceRow.starts_on.desc().nulls_last(), ConferenceRow.id.desc()
                )
            )
            return [conference_record(row) for row in rows]

    def delete_conference(self, conference_id: int) -> None:
        """Delete a conference with its talks, notes and TODOs."""
        with self._transaction() as session:
            session.delete(get_row(session, ConferenceRow, conference_id, "conference"))

    def is_empty(self) -> bool:
        with self._reading() as session:
            return session.scalar(select(func.count()).select_from(ConferenceRow)) == 0
