"""The library: one folder with the store (source of truth), the Whoosh index
(derived) and the writer lock. The CLI and the TUI use only this class.

Reading never takes the lock and never waits; every write (add, remove, rebuild, and
catching the index up after a crash) holds it for its duration only, so the reader
can stay open while ``add`` runs in another terminal.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from reader.errors import DISK_FULL, ReaderError, is_disk_full, no_space_left, refusal
from reader.highlights.store import STORE_FILE as HIGHLIGHTS_FILE
from reader.highlights.store import HighlightStore
from reader.ingest.sanitize import readable_path
from reader.library import index as idx
from reader.library import merge, story_queries
from reader.library.engine import SearchEngine, WhooshEngine
from reader.library.highlight_select import ReanchorReport
from reader.library.home import INDEX_FOLDER, LOCK_FILE, STORE_FILE, library_dir
from reader.library.index import INDEX_CHUNK
from reader.library.lock import LibraryBusy, WriterLock
from reader.library.pipeline import pipeline_version, quotes_version
from reader.library.progress import ProgressCallback
from reader.library.records import StoredArticle
from reader.library.related import RelatedPiece
from reader.library.schema import check_whoosh, name_words
from reader.library.search import SearchQuery, SearchResults
from reader.library.spelling import Vocabulary, count_words
from reader.library.store import Store, StoreUnwritable
from reader.library.sync import IndexSync
from reader.stories.story import Story, StorySummary, outlet_of

# Adding, cleaning, entities, quotes, people and story grouping are loaded on first
# use (start-up: opening an indexed library and searching it need none of them).
if TYPE_CHECKING:
    from reader.library.adder import AddReport
    from reader.library.highlight_select import ArticleHighlights, HighlightFilter, PlacedHighlight
    from reader.library.people import PeopleDirectory, Person, PersonCorrection, PersonIdentity, PersonMatch
    from reader.library.quotes import PersonQuotes, QuotedPerson
    from reader.stories.coverage import Coverage

QUOTES_META = "quotes"  # the fingerprint of the quote finder that found the stored quotes
DEFAULT_LOCK_TIMEOUT = 30.0
_MERGE_STOP_TRIES = 40  # × 50 ms: a merge stops within a second of being asked
STORY_SEARCH_LIMIT = 5_000  # hits a `stories --query` looks at


class ArticleNotFound(ReaderError, LookupError):
    pass


class LibraryReadOnly(ReaderError):
    """A write was asked of a library opened read-only."""


class PersonCorrectionError(ReaderError, ValueError):
    """A correction to people that cannot be made; the message is one line for the user."""


@dataclass(frozen=True, slots=True)
class LibraryStats:
    folder: str
    sources: int
    skipped_sources: int
    articles: int
    people: int
    organisations: int
    places: int
    generation: int
    index_generation: int | None
    index_documents: int
    store_bytes: int
    index_bytes: int
    stale_articles: int  # cleaned by an older cleaner: `rebuild` redoes them
    index_segments: int = 0  # one after a merge; queries visit each
    merging: tuple[int, int] | None = None  # (articles merged, of all) while a merge runs

    def to_json(self) -> dict:
        return {name: getattr(self, name) for name in self.__slots__}


@dataclass(frozen=True, slots=True)
class RemoveReport:
    sources: int
    articles: int
    highlights: ReanchorReport = field(default_factory=ReanchorReport)
    not_in_library: tuple[str, ...] = ()  # paths asked for that no stored file is at or under


@dataclass(frozen=True, slots=True)
class RebuildReport:
    articles: int
    recleaned_sources: int
    seconds: float
    highlights: ReanchorReport = field(default_factory=ReanchorReport)


class Library:
    def __init__(
        self,
        folder: Path,
        lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
        on_wait: Callable[[str], None] | None = None,
        readonly: bool = False,
        why_readonly: str = "the library is read-only",
    ) -> None:
        check_whoosh()
        self.folder = folder
        self.readonly = readonly
        self.why_readonly = why_readonly
        if not readonly:
            folder.mkdir(parents=True, exist_ok=True)
        self.store = Store(folder / STORE_FILE, readonly=readonly)
        self.index_folder = folder / INDEX_FOLDER
        self.lock_timeout = lock_timeout
        self.on_wait = on_wait
        self.engine: SearchEngine = WhooshEngine(self.index_folder, self.store)
        self._people: PeopleDirectory | None = None
        self._people_generation = -1
        self._vocabulary: Vocabulary | None = None
        self._vocabulary_generation = -1
        self._highlights: HighlightStore | None = None

    @classmethod
    def open(
        cls,
        folder: str | os.PathLike[str] | None = None,
        *,
        seed: bool = True,
        lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
        on_wait: Callable[[str], None] | None = None,
        progress: ProgressCallback | None = None,
        readonly: bool | None = None,
    ) -> Library:
        """Open (creating if needed) the library in ``folder`` (default: see
        :func:`library_dir`). A new library indexes the bundled seeds; an index left
        behind by a crash is caught up or rebuilt when no other writer is busy.

        A library that cannot be written (a read-only folder, disk or copy; or
        ``readonly=True``) is opened read-only: search, show, related and export
        work, and every write raises :class:`LibraryReadOnly`."""
        path = library_dir(folder)
        if readonly is None:
            readonly = not _writable(path)
        if readonly and not path.exists():
            raise LibraryReadOnly(f"no library in {path}, and the folder cannot be created (read-only)")
        try:
            library = cls(path, lock_timeout, on_wait, readonly)
        except StoreUnwritable as exc:
            if readonly:
                raise
            # Reading needs no space: open what is there read-only, and say why
            # writes are refused.
            full = no_space_left(path)
            why = DISK_FULL if full else f"the library cannot be written ({exc.message})"
            library = cls(path, lock_timeout, on_wait, readonly=True, why_readonly=why)
        if library.readonly:
            return library
        if seed and library.store.meta("seeded") is None and not library.store.article_count():
            library._seed(progress)
        library._reconcile_if_free(progress)
        library._refresh_quotes_if_free()
        return library

    def close(self) -> None:
        self.engine.close()
        if self._highlights is not None:
            self._highlights.close()
            self._highlights = None
        self.store.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ------------------------------------------------------------

    @contextmanager
    def writing(self, wait: bool = True):
        if self.readonly:
            raise LibraryReadOnly(refusal(self.why_readonly, self.folder, "the library"))
        lock = WriterLock(self.folder / LOCK_FILE, self.lock_timeout, self.on_wait)
        if wait:
            self._take(lock)
        elif not lock.try_acquire():
            raise LibraryBusy(lock.holder_pid(), 0)
        try:
            sync = IndexSync(self.index_folder, self.store)
            # A crash of an earlier writer is repaired before anything new is written.
            sync.reconcile()
            yield sync
            # Copies and stories follow every change to articles, in their own
            # transaction; after a crash the queue is still there for the next writer.
            _group_stories(self.store)
        finally:
            lock.release()
            self._people = None

    def _take(self, lock: WriterLock) -> None:
        """The writer lock, at once if a background merge holds it (it stops and
        starts over later), else waiting for the writer that holds it."""
        for _ in range(_MERGE_STOP_TRIES):
            if lock.try_acquire():
                return
            if merge.read_progress(self.folder) is None:
                break
            merge.stop_merge(self.folder)
            time.sleep(0.05)
        lock.acquire()

    def merge(self, progress: Callable[[int, int], None] | None = None) -> bool:
        """Merge the index's segments into one now (queries get faster; the merge
        takes minutes on a large library). False if there was nothing to merge."""
        with self.writing():
            return merge.merge_index(self.index_folder, progress)

    def merge_in_background(self) -> bool:
        """Start merging the index's segments in a process of its own, if it has
        several and no merge runs (see :mod:`reader.library.merge`)."""
        return merge.start_merge(self.folder, self.index_folder)

    def merge_progress(self) -> tuple[int, int] | None:
        """(articles merged, of all) while a background merge runs, else None."""
        found = merge.read_progress(self.folder)
        return (found.done, found.total) if found else None

    def add(
        self,
        paths: Iterable[str | os.PathLike[str]],
        workers: int = 2,
        progress: ProgressCallback | None = None,
        batch_size: int = INDEX_CHUNK,
    ) -> AddReport:
        from reader.library.adder import add_paths  # loaded on first use: start-up

        with self.writing() as sync:
            if self.store.meta("seeded") is None:
                # The user's own first add: this library never gets the seeds by itself.
                self.store.set_meta("seeded", "not needed")
            report = add_paths(self.store, sync, [os.fspath(p) for p in paths], workers, progress, batch_size)
        if report.replaced or report.added:
            # a changed file, or one added back after a remove, may hold highlights
            report.highlights = self.reanchor_highlights(report.replaced + report.added)
        return report

    def remove(self, paths: Iterable[str | os.PathLike[str]]) -> RemoveReport:
        targets: list[str] = []
        unknown: list[str] = []
        for path in paths:
            # Stored under the name add gave it: undecodable bytes as \\xNN.
            name = readable_path(os.path.abspath(os.fspath(path)))
            found = self.store.sources_under(name)
            targets += found
            if not found:
                unknown.append(name)
        with self.writing() as sync:
            sources, ids = self.store.remove_sources(targets)
            sync.apply(ids, [])
            sync.commit()
            sync.refresh_people()
            sync.commit()
        highlights = self.reanchor_highlights(targets) if targets else ReanchorReport()
        return RemoveReport(sources, len(ids), highlights, tuple(unknown))

    def rebuild(
        self, from_sources: bool = False, workers: int = 2, progress: ProgressCallback | None = None
    ) -> RebuildReport:
        """Rebuild the index from the stored articles. Sources cleaned by an older
        cleaner (or all of them, with ``from_sources``) are cleaned again first."""
        from reader.library.adder import add_paths  # loaded on first use: start-up

        started = time.perf_counter()
        with self.writing() as sync:
            version = pipeline_version()
            stale = [
                s.path
                for s in self.store.sources().values()
                if (from_sources or s.pipeline != version) and os.path.isfile(s.path)
            ]
            if stale:
                self.store.forget_hashes(stale)
                add_paths(self.store, sync, stale, workers, progress)
            self._refresh_quotes(sync)
            count = sync.rebuild(workers, progress)
            self.store.replace_vocabulary(
                count_words((a.article.title, a.article.body) for a in self.store.iter_articles())
            )
        highlights = self.reanchor_highlights(stale) if stale else ReanchorReport()
        return RebuildReport(count, len(stale), time.perf_counter() - started, highlights)

    def _seed(self, progress: ProgressCallback | None) -> None:
        from reader.library.adder import add_paths  # loaded on first use: start-up
        from reader.paths import seeds_dir

        try:
            with self.writing(wait=False) as sync:
                if self.store.meta("seeded") is None:
                    add_paths(self.store, sync, [str(seeds_dir())], progress=progress)
                    self.store.set_meta("seeded", "1")
        except LibraryBusy:
            pass  # another process is writing (and seeding) right now

    def _reconcile_if_free(self, progress: ProgressCallback | None = None) -> None:
        sync = IndexSync(self.index_folder, self.store)
        state = sync.state()
        if state == "ok" and not idx.has_leftovers(self.index_folder):
            if story_queries.pending(self.store):
                self._group_stories_if_free()
            return
        lock = WriterLock(self.folder / LOCK_FILE, self.lock_timeout, self.on_wait)
        if state == "unusable":
            lock.acquire()  # nothing to read until the index exists: wait for it
        elif not lock.try_acquire():
            return  # a writer is busy; read its last committed state meanwhile
        try:
            IndexSync(self.index_folder, self.store).reconcile(progress)
        except Exception as exc:
            # On a full disk the index cannot catch up now: read its last committed
            # state meanwhile (the next write catches it up); with no usable index
            # there is nothing to read, so the error stands.
            if state == "unusable" or not is_disk_full(exc, self.folder):
                raise
        finally:
            lock.release()

    def _refresh_quotes_if_free(self) -> None:
        """Find the quotes of the stored articles again when the quote finder is not
        the one that found them (a library made before quotes, a newer finder). It
        needs the writer lock; a busy writer means another time."""
        if self.store.meta(QUOTES_META) == quotes_version():
            return
        try:
            with self.writing(wait=False) as sync:
                self._refresh_quotes(sync)
        except LibraryBusy:
            pass

    def _refresh_quotes(self, sync: IndexSync) -> None:
        """Under the writer lock: quotes found by another finder are found again."""
        if self.store.meta(QUOTES_META) == quotes_version():
            return
        from reader.library.quotes import refresh_quotes  # loaded on first use: start-up

        refreshed = refresh_quotes(self.store, self.store.iter_articles(resolved=False))
        if refreshed.changed:
            sync.apply(refreshed.changed, self.store.get_many(refreshed.changed).values())
            sync.commit()
        self.store.set_meta(QUOTES_META, quotes_version())

    def _group_stories_if_free(self) -> None:
        lock = WriterLock(self.folder / LOCK_FILE, self.lock_timeout, self.on_wait)
        if not lock.try_acquire():
            return  # the writer groups them when it finishes
        try:
            _group_stories(self.store)
        except Exception as exc:
            if not is_disk_full(exc, self.folder):
                raise
        finally:
            lock.release()

    # -- reading ------------------------------------------------------------

    def people_directory(self) -> PeopleDirectory:
        generation = self.store.generation
        if self._people is None or generation != self._people_generation:
            from reader.library.people import PeopleDirectory  # loaded on first use: start-up

            self._people = PeopleDirectory.from_store(self.store)
            self._people_generation = generation
        return self._people

    def vocabulary(self) -> Vocabulary:
        generation = self.store.generation
        if self._vocabulary is None or generation != self._vocabulary_generation:
            self._vocabulary = Vocabulary(self.store.vocabulary)
            self._vocabulary_generation = generation
        return self._vocabulary

    def search(
        self,
        text: str,
        *,
        person: str | None = None,
        source: str | None = None,
        date: str | None = None,
        sort: str = "relevance",
        limit: int = 10,
        offset: int = 0,
        cancelled: Callable[[], bool] | None = None,
        unread: bool = False,
        count: bool = True,
    ) -> SearchResults:
        """Hits ``offset`` to ``offset + limit`` of the articles matching ``text`` (the
        query syntax), a person, a source and a date filter (2015-10, yesterday, "last
        week", 2015-09-01 to 2015-10-31), with the number of all matches. Raises
        QueryError for a query that cannot run, SearchCancelled when ``cancelled()``
        turned true meanwhile. Without ``count`` the total may be a lower bound
        (``total_exact`` False: :meth:`count` gives the number). A person
        (``person=`` or ``person:`` in the text) means one identity, and when the
        name fits several people ``person_notes`` says which one was taken and
        which others exist. Each hit says whether it was read; ``unread``: only the
        articles not read yet."""
        notes: dict[str, None] = {}

        def resolve_person(words: list[str]) -> list[list[str]]:
            # Built on first use: only a person query needs the directory.
            directory = self.people_directory()
            match = directory.identify(" ".join(words))
            if match.others:
                notes[match.note()] = None
            return directory.resolve(words)

        read = self.read_ids()
        results = self.engine.search(
            SearchQuery(text, person=person, source=source, date=date),
            sort=sort,
            limit=limit,
            offset=offset,
            count=count,
            cancelled=cancelled,
            resolve_person=resolve_person,
            vocabulary=self.vocabulary(),
            exclude=read if unread else (),
        )
        hits = tuple(replace(hit, read=hit.id in read) for hit in results.hits)
        return replace(results, hits=hits, person_notes=tuple(notes))

    def count(
        self,
        text: str,
        *,
        person: str | None = None,
        source: str | None = None,
        date: str | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> int:
        """How many articles match (the arguments of :meth:`search`)."""
        return self.engine.count(
            SearchQuery(text, person=person, source=source, date=date),
            resolve_person=lambda words: self.people_directory().resolve(words),
            cancelled=cancelled,
        )

    # -- people -------------------------------------------------------------

    def person(self, name: str) -> PersonIdentity | None:
        """The identity ``name`` means: any alias or form seen in an article ("Mr.
        Putin", "Putin's", "Vladimir V. Putin"), or any word of a name (the most
        mentioned person with it). ``None`` when no person of the library fits."""
        return self.people_directory().identify(name).person

    def person_match(self, name: str) -> PersonMatch:
        """Like :meth:`person`, with the other people ``name`` could mean."""
        return self.people_directory().identify(name)

    def person_corrections(self) -> list[PersonCorrection]:
        from reader.library.people import corrections  # loaded on first use: start-up

        return corrections(self.store)

    def correct_people(self, action: str, name: str, other: str = "") -> PersonCorrection:
        """Record one correction and apply it to search, the reader and exports.

        ``merge A B``: B is the same person as A, under A's name. ``split A B``: B (a
        name or form seen for A) is someone else. ``rename A B``: A is shown as B.
        ``not-a-person A``: A is no person (an organisation, a place, a film...).
        Corrections live in the store apart from derived data: ``rebuild``,
        re-adding and a new cleaner keep them; :meth:`undo_people` takes the last back.
        """
        from reader.library.people import CORRECTIONS, PersonCorrection  # loaded on first use: start-up

        if action not in CORRECTIONS:
            raise PersonCorrectionError(f"unknown correction {action!r} (one of {', '.join(CORRECTIONS)})")
        directory = self.people_directory()
        person = self._known_person(directory, name)
        other = " ".join(other.split())
        if action == "merge":
            joining = self._known_person(directory, other)
            if joining.name == person.name:
                raise PersonCorrectionError(f"{name!r} and {other!r} are already one person: {person.name}")
            other = joining.name
        elif action == "split":
            forms = {tuple(name_words(a)): a for a in person.aliases}
            found = forms.get(tuple(name_words(other)))
            if found is None:
                shown = ", ".join(person.aliases[:8]) or "none"
                raise PersonCorrectionError(f"{other!r} is not a name seen for {person.name} (seen: {shown})")
            other = found
        elif action == "rename" and not name_words(other):
            raise PersonCorrectionError("rename needs the new name")
        with self.writing() as sync:
            correction_id = self.store.add_person_correction(action, person.name, other)
            sync.refresh_people()
            sync.commit()
        return PersonCorrection(correction_id, action, person.name, other)

    def undo_people(self) -> PersonCorrection | None:
        """Take back the last correction to people; ``None`` when there is none."""
        from reader.library.people import corrections  # loaded on first use: start-up

        made = corrections(self.store)
        if not made:
            return None
        with self.writing() as sync:
            self.store.remove_person_correction(made[-1].id)
            sync.refresh_people()
            sync.commit()
        return made[-1]

    @staticmethod
    def _known_person(directory: PeopleDirectory, name: str) -> PersonIdentity:
        match = directory.identify(name)
        if match.person is None:
            raise PersonCorrectionError(f"no person {name!r} in the library")
        exact = [
            p for p in (match.person, *match.others) if tuple(name_words(p.name)) == tuple(name_words(name))
        ]
        if exact:
            return exact[0]
        if match.others:
            raise PersonCorrectionError(f"{match.note()}: name one of them in full")
        return match.person

    def ids_matching(self, text: str, candidates: list[str]) -> set[str]:
        """Which of the ``candidates`` (article ids) a search for ``text`` finds."""
        return self.engine.ids_matching(
            text, candidates, lambda words: self.people_directory().resolve(words)
        )

    def article_by_id(self, article_id: str) -> StoredArticle | None:
        return self.store.get(article_id)

    def articles_in_file(self, path: str) -> list[StoredArticle]:
        """The articles a source file gave, in the order of their part numbers."""
        found = self.store.get_many(self.store.ids_of_path(path))
        return sorted(found.values(), key=lambda stored: stored.article.part)

    def article_at(self, path: str, part: int) -> StoredArticle | None:
        """Story ``part`` of a source file, whatever its id is now."""
        return next((a for a in self.articles_in_file(path) if a.article.part == part), None)

    # -- highlights -----------------------------------------------------------

    @property
    def highlights(self) -> HighlightStore:
        """The user's highlights in this library's folder (their own SQLite file,
        which ``rebuild`` and a deleted index never touch); opened on first use."""
        if self._highlights is None:
            self._highlights = HighlightStore(
                self.folder, readonly=self.readonly, why_readonly=self.why_readonly
            )
        return self._highlights

    # -- read and unread: kept with the highlights, the user's own data ------------

    def mark_read(self, article_ids: Iterable[str]) -> None:
        self.highlights.mark_read(article_ids)

    def mark_unread(self, article_ids: Iterable[str]) -> None:
        self.highlights.mark_unread(article_ids)

    def read_ids(self) -> frozenset[str]:
        """The articles the user has opened (a library that cannot be written and
        has no highlights file yet has none)."""
        return self.highlights.read_ids()

    def select_highlights(self, wanted: HighlightFilter | None = None) -> list[ArticleHighlights]:
        from reader.library.highlight_select import select_highlights  # loaded on first use: start-up

        return select_highlights(self, wanted)

    def highlights_of(self, stored: StoredArticle) -> list[PlacedHighlight]:
        from reader.library.highlight_select import highlights_of_article  # loaded on first use: start-up

        return highlights_of_article(self, stored)

    def reanchor_highlights(self, paths: Iterable[str] | None = None) -> ReanchorReport:
        """Store where the highlights made in ``paths`` (all when None) are in the
        articles as they are now; run after every change to articles."""
        if self.readonly or (self._highlights is None and not (self.folder / HIGHLIGHTS_FILE).exists()):
            return ReanchorReport()  # nothing can move, or no highlights made yet
        from reader.library.highlight_select import reanchor  # loaded on first use: start-up

        return reanchor(self, paths)

    def article(self, ref: str) -> StoredArticle:
        """An article by id, id prefix, source path or file-name prefix; ``NAME#N``
        picks story N of a file with several."""
        found = self.store.get(self.resolve(ref))
        if found is None:
            raise ArticleNotFound(f"no article {ref!r} in the library")
        return found

    def resolve(self, ref: str) -> str:
        name, _, part = ref.partition("#")
        ids = self.store.find_ids(name)
        if not ids and os.path.exists(name):
            ids = self.store.find_ids(os.path.abspath(name))
        if not ids:
            raise ArticleNotFound(f"no article {ref!r} in the library")
        articles = self.store.get_many(ids, with_entities=False)
        paths = {a.article.path for a in articles.values()}
        if len(paths) > 1:
            shown = ", ".join(sorted(os.path.basename(p) for p in paths)[:5])
            raise ArticleNotFound(f"{ref!r} is ambiguous: it names {len(paths)} files ({shown}…)")
        by_part = sorted(articles.values(), key=lambda a: a.article.part)
        if part:
            matching = [a for a in by_part if str(a.article.part) == part]
            if not matching:
                raise ArticleNotFound(f"{name!r} has no story #{part} (0 to {len(by_part) - 1})")
            return matching[0].id
        return by_part[0].id

    def related(self, ref: str, limit: int = 10) -> list[tuple[RelatedPiece, StoredArticle]]:
        stored = self.article(ref)
        # A copy says nothing new: it is never offered as related.
        copies = story_queries.copies(self.store, [stored.id]).get(stored.id, ())
        pieces = self.engine.related(stored, limit, exclude=copies)
        articles = self.store.get_many([p.id for p in pieces])
        return [(p, articles[p.id]) for p in pieces if p.id in articles]

    # -- copies and stories ---------------------------------------------------

    def copies(self, ids: list[str]) -> dict[str, list[StoredArticle]]:
        """The other copies (nearly the same text) of each article of ``ids`` that
        has any, without entities."""
        found = story_queries.copies(self.store, ids)
        articles = self.store.get_many(
            sorted({o for others in found.values() for o in others}), with_entities=False
        )
        return {i: [articles[o] for o in others if o in articles] for i, others in found.items()}

    def story_id_of(self, ref: str) -> str | None:
        """The story of an article (an id or anything :meth:`article` takes)."""
        return story_queries.story_of(self.store, self.resolve(ref))

    def story(self, ref: str) -> Story:
        """A story by its id (``s…``, a prefix works) or by one of its articles."""
        return story_queries.load_story(self.store, self._find_story(ref))

    def _find_story(self, ref: str) -> str:
        if ref.startswith("s") and len(ref) >= 4:
            rows = self.store.db.execute(
                "SELECT DISTINCT story FROM story_articles WHERE story LIKE ? LIMIT 2", (ref + "%",)
            ).fetchall()
            if len(rows) == 1:
                return rows[0][0]
        try:
            found = self.story_id_of(ref)
        except ArticleNotFound:
            found = None
        if found is None:
            raise ArticleNotFound(
                f"no story {ref!r} in the library (a story id from `stories`, or an article)"
            )
        return found

    def stories(
        self,
        *,
        query: str | None = None,
        person: str | None = None,
        since: str | None = None,
        min_articles: int = 2,
        limit: int | None = None,
    ) -> list[StorySummary]:
        """Stories of at least ``min_articles``, newest first; with ``query`` or
        ``person``, those with an article the search finds; with ``since`` (ISO
        date), those with an article on or after it."""
        only: set[str] | None = None
        if query or person:
            hits = self.search(query or "*", person=person, limit=STORY_SEARCH_LIMIT).hits
            only = {s for hit in hits if (s := story_queries.story_of(self.store, hit.id))}
        found = story_queries.summaries(self.store, min_articles, only)
        if since:
            found = [s for s in found if s.last_date and s.last_date[:10] >= since[:10]]
        return found[:limit] if limit is not None else found

    def story_coverage(self, story: Story) -> Coverage:
        """What the story's outlets share and what only one has (seconds on a
        story of many outlets: call it off the UI thread)."""
        from reader.stories.coverage import coverage  # loaded on first use: start-up

        return coverage(story.articles, story.central, outlet_of)

    def people(self, limit: int | None = None) -> list[Person]:
        from reader.library.people import list_people  # loaded on first use: start-up

        return list_people(self.store, limit)

    def person_names(self, limit: int | None = None) -> list[str]:
        """Canonical names of the library's people, most mentioned first: straight
        from the store's counts, without the co-occurrence work of :meth:`people`."""
        names = self.store.names("PERSON")
        return [name for name, _ in (names if limit is None else names[:limit])]

    # -- quotes ---------------------------------------------------------------

    def quotes_of(
        self,
        person: str,
        *,
        since: str | None = None,
        source: str | None = None,
        words: str | None = None,
        partial: bool = False,
    ) -> PersonQuotes:
        """The quotes of the person ``person`` names (any alias; a name several people
        share means the most mentioned, the others are in ``others``), newest first,
        the same quote in several articles grouped. ``since`` is a date (raises
        ``BadDate``), ``source`` words of the outlet, ``words`` words of the quote;
        fragments only with ``partial``."""
        # Loaded on first use: start-up.
        from reader.entities import bare_name_words
        from reader.library.quotes import (
            PersonQuotes,
            QuoteFilter,
            person_quotes,
            quoted_directory,
            since_date,
        )

        since_date(since)  # a bad date is an error even when nobody fits the name
        # First among the quoted whose names hold the words (an index scan), then among
        # all the quoted (case beyond ASCII), then everyone: the directory's own rules.
        words_of_name = bare_name_words(name_words(person))
        match = None
        if all(word.isascii() for word in words_of_name):
            match = quoted_directory(self.store, words_of_name).identify(person)
        if match is None or match.person is None:
            match = quoted_directory(self.store).identify(person)
        if match.person is None:
            # Nobody quoted has that name: a person of the library never quoted, or nobody.
            known = self.people_directory().identify(person).person
            return PersonQuotes(known.name if known else person.strip(), found=known is not None)
        wanted = QuoteFilter(since, source, words, partial)
        return person_quotes(self.store, match.person.name, tuple(p.name for p in match.others), wanted)

    def quoted_people(self, limit: int | None = None) -> list[QuotedPerson]:
        """The library's people, the most quoted first, with article and quote counts,
        aliases, roles and the dates of the first and last article naming them."""
        from reader.library.quotes import quoted_people  # loaded on first use: start-up

        return quoted_people(self.store, limit)

    def speaker_of(self, stored: StoredArticle, start: int, end: int) -> str | None:
        """Whose words ``body[start:end]`` of an article are, when the passage is (most
        of) quotes of one named speaker."""
        from reader.library.quotes import speaker_of_passage  # loaded on first use: start-up

        return speaker_of_passage(stored, start, end)

    @property
    def generation(self) -> int:
        """Bumped by every change to the library (an ``add`` in another process too)."""
        return self.store.generation

    def stats(self) -> LibraryStats:
        sources = self.store.sources().values()
        version = pipeline_version()
        documents = self.engine.document_count()
        return LibraryStats(
            folder=str(self.folder),
            sources=sum(1 for s in sources if not s.skipped),
            skipped_sources=sum(1 for s in sources if s.skipped),
            articles=self.store.article_count(),
            people=len(self.store.names("PERSON")),
            organisations=len(self.store.names("ORG")),
            places=len(self.store.names("PLACE")),
            generation=self.store.generation,
            index_generation=idx.index_generation(self.index_folder),
            index_documents=documents,
            store_bytes=_size_of(self.folder, STORE_FILE),
            index_bytes=_folder_size(self.index_folder),
            stale_articles=sum(s.article_count for s in sources if s.pipeline != version),
            index_segments=merge.segment_count(self.index_folder),
            merging=self.merge_progress(),
        )


def _writable(folder: Path) -> bool:
    """Whether this process can write the library in ``folder`` (or create it)."""
    existing = folder
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not os.access(existing, os.W_OK):
        return False
    store = folder / STORE_FILE
    return not store.exists() or os.access(store, os.W_OK)


def _size_of(folder: Path, name: str) -> int:
    return sum(p.stat().st_size for p in folder.glob(name + "*") if p.is_file())


def _folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) if folder.exists() else 0


def _group_stories(store: Store) -> None:
    """Find the copies and stories of the articles waiting in the store's queue."""
    from reader.library import stories  # loaded on first use: start-up (a writer's work)

    stories.update(store)
