"""The Store's conferences: making, changing, finding, listing and deleting them."""

from __future__ import annotations

from datetime import date

from confnote.errors import ConfnoteError
from confnote.store.plain_reads import conference_by_id, read_conferences
from confnote.store.records import Conference, ConferenceContents, TrashItem
from confnote.store.rows import check_zone, slugify, unique_slug
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
        with self._sql_write() as connection:
            cursor = connection.execute(
                "INSERT INTO conference"
                " (name, slug, time_zone, starts_on, ends_on, url, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    name,
                    unique_slug(connection, slug or slugify(name)),
                    time_zone,
                    _iso(starts_on),
                    _iso(ends_on),
                    url,
                    self._now(),
                ),
            )
            return conference_by_id(connection, cursor.lastrowid)

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
        if name is not None and not name.strip():
            raise ConfnoteError("a conference needs a name")
        if time_zone is not None:
            check_zone(time_zone)
        changes = {
            "name": name.strip() if name is not None and name.strip() else None,
            "time_zone": time_zone,
            "starts_on": _iso(starts_on),
            "ends_on": _iso(ends_on),
            "url": url,
        }
        with self._sql_write() as connection:
            conference_by_id(connection, conference_id)
            for column, value in changes.items():
                if value is not None:
                    connection.execute(
                        f"UPDATE conference SET {column} = ? WHERE id = ?", (value, conference_id)
                    )
            return conference_by_id(connection, conference_id)

    def conference(self, conference_id: int) -> Conference:
        with self._sql_read() as connection:
            return conference_by_id(connection, conference_id)

    def find_conference(self, name_or_slug: str) -> Conference | None:
        """The conference whose slug or name (case-insensitively) is ``name_or_slug``."""
        with self._sql_read() as connection:
            found = read_conferences(
                connection,
                "slug = ? OR lower(name) = ?",
                (slugify(name_or_slug), name_or_slug.strip().lower()),
            )
            return min(found, key=lambda conference: conference.id, default=None)

    def list_conferences(self) -> list[Conference]:
        """Every conference, newest first."""
        with self._sql_read() as connection:
            return read_conferences(connection)

    def conference_contents(self, conference_id: int) -> ConferenceContents:
        """How many talks, notes and TODOs a conference holds (what deleting it takes)."""
        with self._sql_read() as connection:
            conference_by_id(connection, conference_id)

            def count(table: str) -> int:
                query = f"SELECT count(*) FROM {table} WHERE conference_id = ?"
                (found,) = connection.execute(query, (conference_id,)).fetchone()
                return int(found)

            return ConferenceContents(count("talk"), count("note"), count("todo"))

    def delete_conference(self, conference_id: int, *, keep_in_trash: bool = True) -> TrashItem:
        """Move a conference with everything it holds to the trash, from where
        ``restore_from_trash`` makes it again (under a new id). Without
        ``keep_in_trash`` it is gone for good."""
        from confnote.store import trash

        with self._transaction() as session:
            item = trash.trash_conference(session, conference_id, now=self._now())
            if not keep_in_trash:
                trash.drop(session, item.id)
            return item

    def is_empty(self) -> bool:
        with self._sql_read() as connection:
            return connection.execute("SELECT 1 FROM conference LIMIT 1").fetchone() is None


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None
