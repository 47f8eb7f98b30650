"""Keeps the Whoosh index in step with the store.

Order of a write: the store commits first (a source and its articles, plus their ids
in ``index_queue``), then the index gets the same change, and at each index commit
the index records the store generation it has reached and the queue is cleared up to
it. A crash anywhere leaves either the queue (catch up: re-apply, which is
idempotent) or an index that cannot be read or claims too much (rebuild from the
store). Only the holder of the writer lock uses this class.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import as_completed
from pathlib import Path

from whoosh.index import Index
from whoosh.writing import IndexWriter

from reader.library import index as idx
from reader.library.progress import AddProgress, ProgressCallback
from reader.library.records import StoredArticle
from reader.library.store import Store

# Below this many articles a rebuild in the main process beats starting workers.
PARALLEL_REBUILD_FROM = 5_000
_REPORT_EVERY = 500  # articles indexed between two progress reports


def _counted(
    articles: Iterable[StoredArticle], state: AddProgress, progress: ProgressCallback | None
) -> Iterator[StoredArticle]:
    for stored in articles:
        yield stored
        state.articles_done += 1
        if progress and state.articles_done % _REPORT_EVERY == 0:
            progress(state)


class IndexSync:
    def __init__(self, folder: Path, store: Store) -> None:
        self.folder = folder
        self.store = store
        self._writer: IndexWriter | None = None
        self._ix: Index | None = None
        self.pending = 0
        self._adopted: list = []
        # Articles indexed by workers under their own person names, not yet checked
        # against the library-wide ones (see refresh_people).
        self._fresh_ids: list[str] = []

    def state(self) -> str:
        """ "ok", "behind" (catch up from the queue) or "unusable" (rebuild)."""
        try:
            idx.open_index(self.folder).close()
        except idx.IndexUnusable:
            return "unusable"
        generation = idx.index_generation(self.folder)
        if generation is None or generation > self.store.generation:
            return "unusable"
        if generation < self.store.generation or self.store.queue_length():
            return "behind"
        return "ok"

    def reconcile(self, progress: ProgressCallback | None = None) -> str:
        idx.remove_leftovers(self.folder)
        state = self.state()
        if state == "unusable":
            self.rebuild(progress=progress)
            return "rebuilt"
        if state == "behind":
            queued = [article_id for article_id, _ in self.store.queued()]
            present = self.store.get_many(queued)
            self.apply(queued, present.values())
            self.commit()
            return "caught up"
        return "ok"

    def rebuild(self, workers: int = 2, progress: ProgressCallback | None = None) -> int:
        generation = self.store.generation
        ids = self.store.article_ids()
        state = AddProgress(articles_total=len(ids), stage="index")
        if progress:
            progress(state)
        if workers < 2 or len(ids) < PARALLEL_REBUILD_FROM:
            idx.build_fresh(self.folder, _counted(self.store.iter_articles(), state, progress), generation)
        else:
            self._rebuild_in_workers(ids, generation, workers, state, progress)
        self.store.clear_queue(generation)
        return len(ids)

    def _rebuild_in_workers(
        self,
        ids: list[str],
        generation: int,
        workers: int,
        state: AddProgress,
        progress: ProgressCallback | None,
    ) -> None:
        from reader.library.pipeline import index_stored, worker_pool

        staging_root = self.folder.with_name(self.folder.name + ".staging")
        shutil.rmtree(staging_root, ignore_errors=True)
        staging_root.mkdir(parents=True)
        try:
            with worker_pool(workers) as pool:
                batches = [ids[i : i + idx.INDEX_CHUNK] for i in range(0, len(ids), idx.INDEX_CHUNK)]
                futures = {
                    pool.submit(index_stored, str(self.store.path), b, str(staging_root)): len(b)
                    for b in batches
                }
                for done in as_completed(futures):
                    state.articles_done += futures[done]
                    if progress:
                        progress(state)
                segments = [(Path(chunk.staging), chunk.segment) for chunk in (f.result() for f in futures)]
            idx.build_fresh(self.folder, (), generation, segments)
        finally:
            shutil.rmtree(staging_root, ignore_errors=True)

    def _open_writer(self) -> IndexWriter:
        if self._writer is None:
            self._ix = idx.open_index(self.folder)
            self._writer = idx.open_writer(self._ix)
        return self._writer

    def _close_writer(self) -> None:
        self._writer = None
        if self._ix is not None:
            self._ix.close()
            self._ix = None

    def apply(self, deleted_ids: Sequence[str], articles: Iterable[StoredArticle]) -> None:
        articles = list(articles)
        idx.apply_changes(self._open_writer(), deleted_ids, articles)
        self.pending += len(articles) + len(deleted_ids)

    def adopt(self, staging: Path, segment, ids: Sequence[str] = ()) -> None:
        """Take a segment a worker indexed (articles ``ids``, already in the store)."""
        self._fresh_ids.extend(ids)
        self._open_writer()
        idx.adopt_segment(self.folder, staging, segment)
        self._adopted.append(segment)
        self.pending += segment.doc_count_all()

    def refresh_people(self) -> None:
        """Library-wide person names may change with every add or remove; re-index
        the articles whose people were renamed (they are queued in the store)."""
        ids = self.renamed_people()
        if ids:
            self.apply(ids, self.store.get_many(ids).values())

    def renamed_people(self) -> list[str]:
        """Work out the library-wide person names again; the ids, in order, of the
        articles to re-index because one of their people changed name. ``add`` has
        them indexed in its workers (:func:`reader.library.pipeline.index_stored`)
        and hands the segments to :meth:`replace`."""
        from reader.library.people import refresh_canonical_names

        ids = set(refresh_canonical_names(self.store))
        # A worker indexed its articles under their own names ("Obama"); those whose
        # people already had another library-wide name ("Barack Obama") are re-indexed,
        # and queued as the renamed ones are: a crash before the index has them
        # again leaves them for the next writer to catch up.
        fresh = self.store.ids_with_renamed_people(self._fresh_ids)
        self.store.queue_for_index([i for i in fresh if i not in ids])
        ids.update(fresh)
        self._fresh_ids = []
        return sorted(ids)

    def replace(self, ids: Sequence[str], segments: Iterable[tuple[Path, object]]) -> None:
        """Drop ``ids`` from the index and take the workers' segments that index
        them again, in the order given (the order the main process would add them)."""
        self.apply(ids, [])
        for staging, segment in segments:
            self.adopt(staging, segment)

    def commit(self) -> None:
        # The writer holds every change of every store transaction so far: the store
        # generation read now is the one the index reaches with this commit.
        generation = self.store.generation
        if self._writer is not None:
            idx.commit_with(self._writer, self._adopted)
            self._adopted = []
            self._close_writer()
        idx.write_generation(self.folder, generation)
        self.store.clear_queue(generation)
        self.pending = 0

    def cancel(self) -> None:
        self._adopted = []
        if self._writer is not None:
            self._writer.cancel()
            self._close_writer()
