//! The SQLite store: schema migrations, document writes and the queries the
//! CLI and the graph layer read from.
//!
//! All SQL of the crate lives here and in `migrations/`. Every document is
//! written in one `IMMEDIATE` transaction (so two writers wait for each other
//! instead of failing), and a document whose content hash is already stored
//! is skipped: re-ingest is a no-op.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{CachedStatement, Connection, OpenFlags, OptionalExtension, TransactionBehavior, params};
use serde::Serialize;

use crate::extract::{ActorKind, Extraction};
use crate::input::Document;

/// The migrations, in order; the schema version is their count.
const MIGRATIONS: &[&str] =
    &[include_str!("../migrations/0001_init.sql"), include_str!("../migrations/0002_drop_unread_indexes.sql")];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// A failure of the store.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// SQLite reported an error.
    #[error("database {path}: {source}")]
    Sqlite {
        /// The database file.
        path: PathBuf,
        /// The SQLite error.
        source: rusqlite::Error,
    },
    /// The file is not a SQLite database (or is corrupt).
    #[error("{path} is not a newsgraph database (or it is corrupt); it was left untouched")]
    NotADatabase {
        /// The file.
        path: PathBuf,
    },
    /// The path cannot hold a database file: a directory, or under a file.
    #[error("cannot use {path} as a database: {reason}")]
    Unusable {
        /// The path.
        path: PathBuf,
        /// Why.
        reason: String,
    },
    /// SQLite found the file damaged (truncated, or pages overwritten).
    #[error("database {path} is damaged (truncated or corrupt); restore it from a backup or use a new file")]
    Corrupt {
        /// The file.
        path: PathBuf,
    },
    /// The database was written by a newer newsgraph.
    #[error("database {path} has schema version {found}, newer than this build knows ({known}); upgrade newsgraph")]
    TooNew {
        /// The file.
        path: PathBuf,
        /// Version found in the file.
        found: i64,
        /// Newest version this build knows.
        known: i64,
    },
    /// A query was asked of a database that does not exist.
    #[error("no database at {path}; run `newsgraph ingest` first or pass --db")]
    Missing {
        /// The path.
        path: PathBuf,
    },
}

/// Result alias for store operations.
pub type Result<T> = std::result::Result<T, StoreError>;

/// What writing one document did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    /// The document was new and stored with this many rows.
    New {
        /// Actor mentions stored (distinct actors of the document).
        actors: usize,
        /// Relations stored.
        relations: usize,
        /// Statements stored.
        statements: usize,
    },
    /// The same content was already stored; nothing was written.
    AlreadyPresent,
}

/// Counts over the whole database.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Stats {
    /// Documents stored.
    pub documents: i64,
    /// Distinct actors.
    pub actors: i64,
    /// Actors per kind.
    pub actors_by_kind: std::collections::BTreeMap<String, i64>,
    /// Relations.
    pub relations: i64,
    /// Statements.
    pub statements: i64,
    /// Bytes of article text stored.
    pub bytes: i64,
    /// Schema version.
    pub schema_version: i64,
}

/// An actor row with its counts.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ActorRow {
    /// Database id.
    pub id: i64,
    /// Canonical name.
    pub name: String,
    /// Kind.
    pub kind: String,
    /// Documents mentioning it.
    pub documents: i64,
    /// Known aliases.
    pub aliases: Vec<String>,
}

/// A relation with names and provenance.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct RelationRow {
    /// Database id.
    pub id: i64,
    /// Subject name.
    pub subject: String,
    /// Predicate.
    pub predicate: String,
    /// Object name.
    pub object: String,
    /// CAMEO code.
    pub cameo: String,
    /// Mutual relation.
    pub symmetric: bool,
    /// Negated.
    pub negated: bool,
    /// Document id.
    pub document: String,
    /// Document date.
    pub date: Option<String>,
    /// Evidence sentence.
    pub evidence: String,
}

/// A statement with names and provenance.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct StatementRow {
    /// Database id.
    pub id: i64,
    /// Speaker name.
    pub speaker: String,
    /// Speech verb.
    pub verb: String,
    /// Addressee name.
    pub addressee: Option<String>,
    /// Actors spoken about.
    pub about: Vec<String>,
    /// Direct quotation.
    pub direct: bool,
    /// Document id.
    pub document: String,
    /// Document date.
    pub date: Option<String>,
    /// The reported words.
    pub content: String,
}

/// Relations or statement links between two actors, aggregated (see
/// [`Store::relation_edges`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EdgeRow {
    /// Subject (or speaker) actor id.
    pub subject: i64,
    /// Object (or spoken-about) actor id.
    pub object: i64,
    /// Predicate or speech verb.
    pub predicate: String,
    /// CAMEO code.
    pub cameo: String,
    /// Mutual.
    pub symmetric: bool,
    /// Rows aggregated.
    pub count: i64,
    /// Earliest document date.
    pub first_date: Option<String>,
    /// Latest document date.
    pub last_date: Option<String>,
    /// Relation or statement ids.
    pub ids: Vec<i64>,
    /// A statement-about link rather than a relation.
    pub statement: bool,
}

/// Where an edge was read: document, date and the sentence or content.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Evidence {
    /// Document id.
    pub document: String,
    /// Document date.
    pub date: Option<String>,
    /// Evidence sentence (relation) or content (statement).
    pub text: String,
}

/// Filters for [`Store::relations`].
#[derive(Debug, Clone, Default)]
pub struct RelationFilter {
    /// Actor ids on either end (any of them).
    pub actor: Option<Vec<i64>>,
    /// Actor ids on the other end (any of them).
    pub with: Option<Vec<i64>>,
    /// CAMEO root codes (any of them).
    pub cameo: Vec<String>,
    /// GDELT quad classes 1..=4 (any of them).
    pub quad: Vec<u8>,
    /// Actor kinds both ends must have (any of them).
    pub kinds: Vec<String>,
    /// Only documents dated on or after this (a date prefix: 2022, 2022-10).
    pub since: Option<String>,
    /// Only documents dated on or before this (a date prefix).
    pub until: Option<String>,
    /// At most this many rows.
    pub limit: Option<usize>,
    /// Order by document date instead of insertion.
    pub by_date: bool,
}

/// Filters for [`Store::statements`].
#[derive(Debug, Clone, Default)]
pub struct StatementFilter {
    /// Speaker ids (any of them).
    pub by: Option<Vec<i64>>,
    /// Ids of actors spoken about (any of them).
    pub about: Option<Vec<i64>>,
    /// Statements by or about these ids (any of them).
    pub involving: Option<Vec<i64>>,
    /// Only documents dated on or after this (a date prefix: 2022, 2022-10).
    pub since: Option<String>,
    /// Only documents dated on or before this (a date prefix).
    pub until: Option<String>,
    /// At most this many rows.
    pub limit: Option<usize>,
    /// Order by document date instead of insertion.
    pub by_date: bool,
}

/// An open newsgraph database.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// Actor ids by (name, kind): actors are never deleted, so an id once
    /// seen stays valid (cleared when a batch rolls back).
    actor_ids: ActorCache,
    /// Persons by surname, loaded on the first write and again whenever
    /// another connection has changed the database (dropped on rollback).
    surnames: Option<Surnames>,
}

/// The persons a bare last name may join: what
/// `kind = 'person' AND name LIKE '% ' || ?1` finds, without scanning the
/// actors table for every one-word person of every document.
#[derive(Debug, Default)]
struct Surnames {
    /// `PRAGMA data_version` when loaded: it changes when another connection commits.
    data_version: i64,
    /// ASCII-lowercase word after the last space of each person's name (LIKE
    /// folds ASCII case only) to the first such person's id and how many
    /// there are (up to 2: only "exactly one" matters).
    by_last: rustc_hash::FxHashMap<String, (i64, u8)>,
}

impl Surnames {
    /// The word `name LIKE '% ' || word` compares with, case-folded; none
    /// for a name without a space.
    fn key(name: &str) -> Option<String> {
        name.rfind(' ').map(|i| name[i + 1..].to_ascii_lowercase())
    }

    fn add(&mut self, name: &str, id: i64) {
        if let Some(k) = Surnames::key(name) {
            let e = self.by_last.entry(k).or_insert((id, 0));
            e.1 = e.1.saturating_add(1).min(2);
        }
    }

    /// The one person whose name ends in " " + `word` (ASCII case folded), if exactly one.
    fn only(&self, word: &str) -> Option<i64> {
        self.by_last.get(&word.to_ascii_lowercase()).filter(|e| e.1 == 1).map(|e| e.0)
    }

    /// The current index for `tx`: `cached` if no other connection has
    /// committed since it was loaded, else read afresh.
    fn current(tx: &rusqlite::Transaction<'_>, cached: Option<Surnames>) -> rusqlite::Result<Surnames> {
        let version: i64 = tx.query_row("PRAGMA data_version", [], |r| r.get(0))?;
        if let Some(c) = cached.filter(|c| c.data_version == version) {
            return Ok(c);
        }
        let mut out = Surnames { data_version: version, by_last: Default::default() };
        let mut stmt = tx.prepare_cached("SELECT id, name FROM actors WHERE kind = 'person' ORDER BY id")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            out.add(&r.get::<_, String>(1)?, r.get(0)?);
        }
        Ok(out)
    }
}

impl Store {
    /// Opens (creating if needed) a database for writing and migrates it.
    pub fn open(path: &Path) -> Result<Store> {
        check_location(path)?;
        let conn = Connection::open(path).map_err(|e| sql_err(path, e))?;
        let mut store = Store { conn, path: path.to_path_buf(), actor_ids: Default::default(), surnames: None };
        store.configure(true)?;
        store.migrate()?;
        Ok(store)
    }

    /// Opens an existing database for queries only.
    pub fn open_read_only(path: &Path) -> Result<Store> {
        if !path.exists() {
            return Err(StoreError::Missing { path: path.to_path_buf() });
        }
        check_location(path)?;
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| sql_err(path, e))?;
        let store = Store { conn, path: path.to_path_buf(), actor_ids: Default::default(), surnames: None };
        store.configure(false)?;
        let v = store.version()?;
        if v > SCHEMA_VERSION {
            return Err(StoreError::TooNew { path: path.to_path_buf(), found: v, known: SCHEMA_VERSION });
        }
        if v < SCHEMA_VERSION {
            // An older file: open it for writing once to migrate, then read.
            drop(store);
            Store::open(path)?;
            return Store::open_read_only(path);
        }
        Ok(store)
    }

    /// An in-memory database, for tests and benchmarks.
    pub fn open_in_memory() -> Result<Store> {
        let path = PathBuf::from(":memory:");
        let conn = Connection::open_in_memory().map_err(|e| sql_err(&path, e))?;
        let mut store = Store { conn, path, actor_ids: Default::default(), surnames: None };
        store.configure(true)?;
        store.migrate()?;
        Ok(store)
    }

    /// The database path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn err(&self, e: rusqlite::Error) -> StoreError {
        sql_err(&self.path, e)
    }

    /// Connection settings: set on every open, never in migrations.
    fn configure(&self, write: bool) -> Result<()> {
        let c = &self.conn;
        let timeout = Duration::from_secs(30);
        c.busy_timeout(timeout).map_err(|e| self.err(e))?;
        c.pragma_update(None, "foreign_keys", true).map_err(|e| self.err(e))?;
        if write && self.path.as_os_str() != ":memory:" {
            // WAL: readers never block the writer; NORMAL is safe against
            // process crashes (a power loss may lose the last commits, never corrupt).
            // Two processes switching a new file to WAL at once: SQLite answers
            // one SQLITE_BUSY at once, without waiting (it holds a read lock
            // and wants the write lock), so wait here.
            let deadline = std::time::Instant::now() + timeout;
            loop {
                match c.query_row("PRAGMA journal_mode=WAL", [], |r| r.get::<_, String>(0)) {
                    Ok(_) => break,
                    Err(rusqlite::Error::SqliteFailure(f, _))
                        if f.code == rusqlite::ErrorCode::DatabaseBusy && std::time::Instant::now() < deadline =>
                    {
                        std::thread::sleep(Duration::from_millis(20));
                    }
                    Err(e) => return Err(self.err(e)),
                }
            }
            c.pragma_update(None, "synchronous", "NORMAL").map_err(|e| self.err(e))?;
            // Bulk ingest touches the indexes all over: a page cache of up
            // to 64 MiB keeps them in memory instead of spilling dirty pages
            // mid-transaction and reading them back, and checkpointing every
            // 64 MiB of WAL rather than every 4 MiB copies each hot page
            // into the database file fewer times.
            c.pragma_update(None, "cache_size", -65536).map_err(|e| self.err(e))?;
            c.pragma_update(None, "wal_autocheckpoint", 16384).map_err(|e| self.err(e))?;
        }
        Ok(())
    }

    fn version(&self) -> Result<i64> {
        self.conn.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(|e| self.err(e))
    }

    /// Applies pending migrations, each in its own transaction.
    fn migrate(&mut self) -> Result<()> {
        let path = self.path.clone();
        loop {
            let v = self.version()?;
            if v > SCHEMA_VERSION {
                return Err(StoreError::TooNew { path, found: v, known: SCHEMA_VERSION });
            }
            if v == SCHEMA_VERSION {
                return Ok(());
            }
            if v < 0 {
                return Err(StoreError::NotADatabase { path });
            }
            let tx =
                self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(|e| sql_err(&path, e))?;
            // Another process may have migrated while we waited for the write
            // lock: read the version again under it.
            let v: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(|e| sql_err(&path, e))?;
            if let Some(sql) = usize::try_from(v).ok().and_then(|v| MIGRATIONS.get(v)) {
                tx.execute_batch(sql).map_err(|e| sql_err(&path, e))?;
                tx.pragma_update(None, "user_version", v + 1).map_err(|e| sql_err(&path, e))?;
            }
            tx.commit().map_err(|e| sql_err(&path, e))?;
        }
    }

    /// Whether a document with this content is stored.
    pub fn contains(&self, text: &str) -> Result<bool> {
        self.contains_hash(&content_hash(text))
    }

    /// Whether a document with this content hash (see [`content_hash`]) is stored.
    pub fn contains_hash(&self, hash: &str) -> Result<bool> {
        self.conn
            .prepare_cached("SELECT 1 FROM documents WHERE content_hash = ?1")
            .and_then(|mut st| st.query_row([hash], |_| Ok(())).optional())
            .map(|o| o.is_some())
            .map_err(|e| self.err(e))
    }

    /// A second, read-only connection to the same database file, for a
    /// reader thread beside the writer; `None` for in-memory databases.
    pub fn reader(&self) -> Result<Option<Store>> {
        if self.path.as_os_str() == ":memory:" {
            return Ok(None);
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(&self.path, flags).map_err(|e| self.err(e))?;
        let store = Store { conn, path: self.path.clone(), actor_ids: Default::default(), surnames: None };
        store.configure(false)?;
        Ok(Some(store))
    }

    /// Writes a document and its extraction in one transaction; a document
    /// whose content is already stored is skipped.
    pub fn write(&mut self, doc: &Document, ex: &Extraction) -> Result<Written> {
        Ok(self.write_batch(&[(doc, ex)])?.remove(0))
    }

    /// Writes several documents in one transaction: all of them or none, each
    /// checked for known content first. Fewer commits make bulk ingest fast.
    pub fn write_batch(&mut self, docs: &[(&Document, &Extraction)]) -> Result<Vec<Written>> {
        self.in_transaction(|w| docs.iter().map(|(doc, ex)| w.document(doc, ex)).collect())
    }

    /// Writes batches as they come, several batches per transaction: a commit
    /// after every `batches_per_commit` batches and after the last one. Each
    /// document is still stored whole or not at all; a failure rolls back the
    /// open transaction (the batches committed before it stay) and ends the
    /// stream. `done` gets every batch back once written, with what was
    /// written of each document (final when the transaction commits).
    ///
    /// Bulk ingest is bound by this writer, and most of its work is B-tree
    /// pages dirtied anywhere in the indexes, which every commit writes to the
    /// WAL again: longer transactions write each such page fewer times.
    pub fn write_stream<B>(
        &mut self,
        batches: impl IntoIterator<Item = B>,
        batches_per_commit: usize,
        done: &mut dyn FnMut(B, Vec<Written>),
    ) -> Result<()>
    where
        B: AsRef<[(Document, Extraction)]>,
    {
        let mut batches = batches.into_iter().peekable();
        // Waiting for the first batch outside a transaction keeps the write
        // lock free while nothing is to be written.
        while batches.peek().is_some() {
            self.in_transaction(|w| {
                for batch in batches.by_ref().take(batches_per_commit.max(1)) {
                    let out = batch.as_ref().iter().map(|(doc, ex)| w.document(doc, ex)).collect::<Result<Vec<_>>>()?;
                    done(batch, out);
                }
                Ok(())
            })?;
        }
        Ok(())
    }

    /// Runs `f` in one `IMMEDIATE` transaction with the write statements
    /// prepared, committing if it succeeds.
    fn in_transaction<T>(&mut self, f: impl FnOnce(&mut Writer<'_>) -> Result<T>) -> Result<T> {
        let path = self.path.clone();
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(|e| sql_err(&path, e))?;
        let cached = self.surnames.take();
        let result = (|| {
            let surnames = Surnames::current(&tx, cached).map_err(|e| sql_err(&path, e))?;
            let mut w = Writer::new(&tx, &path, &mut self.actor_ids, surnames).map_err(|e| sql_err(&path, e))?;
            let out = f(&mut w)?;
            // The statements borrow the transaction: finish with them first.
            let surnames = w.finish();
            tx.commit().map_err(|e| sql_err(&path, e))?;
            Ok((out, surnames))
        })();
        match result {
            Ok((out, surnames)) => {
                self.surnames = Some(surnames);
                Ok(out)
            }
            Err(e) => {
                // Ids inserted by the rolled-back transaction do not exist.
                self.actor_ids = ActorCache::default();
                Err(e)
            }
        }
    }

    /// Counts over the database.
    pub fn stats(&self) -> Result<Stats> {
        let c = &self.conn;
        let count = |sql: &str| c.query_row(sql, [], |r| r.get::<_, i64>(0)).map_err(|e| self.err(e));
        let mut by_kind = std::collections::BTreeMap::new();
        let mut stmt =
            c.prepare("SELECT kind, count(*) FROM actors GROUP BY kind ORDER BY kind").map_err(|e| self.err(e))?;
        let rows =
            stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))).map_err(|e| self.err(e))?;
        for row in rows {
            let (k, n) = row.map_err(|e| self.err(e))?;
            by_kind.insert(k, n);
        }
        Ok(Stats {
            documents: count("SELECT count(*) FROM documents")?,
            actors: count("SELECT count(*) FROM actors")?,
            actors_by_kind: by_kind,
            relations: count("SELECT count(*) FROM relations")?,
            statements: count("SELECT count(*) FROM statements")?,
            bytes: count("SELECT coalesce(sum(bytes), 0) FROM documents")?,
            schema_version: self.version()?,
        })
    }

    /// Actor ids whose canonical name or any alias equals `name`, ignoring
    /// case; a bare last name also finds the people who bear it.
    pub fn find_actors(&self, name: &str) -> Result<Vec<(i64, String, String)>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT id, name, kind FROM actors WHERE name = ?1 COLLATE NOCASE
                 UNION
                 SELECT a.id, a.name, a.kind FROM actor_aliases al JOIN actors a ON a.id = al.actor_id WHERE al.alias = ?1 COLLATE NOCASE
                 UNION
                 SELECT id, name, kind FROM actors WHERE kind = 'person' AND name LIKE '% ' || ?2 ESCAPE '\\'
                 ORDER BY 1",
            )
            .map_err(|e| self.err(e))?;
        // The name is a LIKE pattern there: its wildcards must match themselves.
        let escaped = name.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
        let rows = stmt
            .query_map(params![name, escaped], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .map_err(|e| self.err(e))?;
        rows.collect::<std::result::Result<Vec<_>, _>>().map_err(|e| self.err(e))
    }

    /// Actors, most mentioned first, optionally of one kind.
    pub fn actors(&self, kind: Option<ActorKind>, limit: Option<usize>) -> Result<Vec<ActorRow>> {
        let mut stmt = self
            .conn
            .prepare(
                // Every actor's count is needed for the order: one grouped
                // pass over mentions (no index on actor_id, see migration 2).
                "SELECT a.id, a.name, a.kind, coalesce(m.docs, 0) AS docs,
                        (SELECT group_concat(alias, char(31)) FROM actor_aliases al WHERE al.actor_id = a.id)
                 FROM actors a
                 LEFT JOIN (SELECT actor_id, count(DISTINCT document_id) AS docs FROM mentions GROUP BY actor_id) m
                        ON m.actor_id = a.id
                 WHERE (?1 IS NULL OR a.kind = ?1)
                 ORDER BY docs DESC, a.name
                 LIMIT ?2",
            )
            .map_err(|e| self.err(e))?;
        let lim = limit.map_or(-1, |l| l as i64);
        let rows = stmt
            .query_map(params![kind.map(ActorKind::as_str), lim], |r| {
                let aliases: Option<String> = r.get(4)?;
                Ok(ActorRow {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    kind: r.get(2)?,
                    documents: r.get(3)?,
                    aliases: aliases.map(|a| a.split('\u{1f}').map(String::from).collect()).unwrap_or_default(),
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<std::result::Result<Vec<_>, _>>().map_err(|e| self.err(e))
    }

    /// Relations matching a filter, in document order.
    pub fn relations(&self, f: &RelationFilter) -> Result<Vec<RelationRow>> {
        let actor = f.actor.as_ref().map(|v| ids_json(v));
        let with = f.with.as_ref().map(|v| ids_json(v));
        let cameo = (!f.cameo.is_empty()).then(|| serde_json::to_string(&f.cameo).unwrap_or_default());
        let quad = (!f.quad.is_empty()).then(|| serde_json::to_string(&f.quad).unwrap_or_default());
        let kinds = (!f.kinds.is_empty()).then(|| serde_json::to_string(&f.kinds).unwrap_or_default());
        let mut stmt = self
            .conn
            .prepare(
                "SELECT r.id, s.name, r.predicate, o.name, r.cameo, r.symmetric, r.negated, d.doc_key, d.date, r.evidence
                 FROM relations r
                 JOIN actors s ON s.id = r.subject_id
                 JOIN actors o ON o.id = r.object_id
                 JOIN documents d ON d.id = r.document_id
                 WHERE (?1 IS NULL OR r.subject_id IN (SELECT value FROM json_each(?1)) OR r.object_id IN (SELECT value FROM json_each(?1)))
                   AND (?2 IS NULL OR r.subject_id IN (SELECT value FROM json_each(?2)) OR r.object_id IN (SELECT value FROM json_each(?2)))
                   AND (?3 IS NULL OR substr(r.cameo, 1, 2) IN (SELECT value FROM json_each(?3)) OR r.cameo IN (SELECT value FROM json_each(?3)))
                   AND (?6 IS NULL OR d.date >= ?6)
                   AND (?7 IS NULL OR d.date <= ?7 OR d.date LIKE ?7 || '%')
                   AND (?8 IS NULL OR (CASE WHEN CAST(substr(r.cameo, 1, 2) AS INTEGER) <= 5 THEN 1
                                             WHEN CAST(substr(r.cameo, 1, 2) AS INTEGER) <= 8 THEN 2
                                             WHEN CAST(substr(r.cameo, 1, 2) AS INTEGER) <= 13 THEN 3 ELSE 4 END)
                                        IN (SELECT value FROM json_each(?8)))
                   AND (?9 IS NULL OR (s.kind IN (SELECT value FROM json_each(?9)) AND o.kind IN (SELECT value FROM json_each(?9))))
                 ORDER BY CASE WHEN ?5 THEN d.date END, r.id
                 LIMIT ?4",
            )
            .map_err(|e| self.err(e))?;
        let lim = f.limit.map_or(-1, |l| l as i64);
        let rows = stmt
            .query_map(params![actor, with, cameo, lim, f.by_date, f.since, f.until, quad, kinds], |r| {
                Ok(RelationRow {
                    id: r.get(0)?,
                    subject: r.get(1)?,
                    predicate: r.get(2)?,
                    object: r.get(3)?,
                    cameo: r.get(4)?,
                    symmetric: r.get(5)?,
                    negated: r.get(6)?,
                    document: r.get(7)?,
                    date: r.get(8)?,
                    evidence: r.get(9)?,
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<std::result::Result<Vec<_>, _>>().map_err(|e| self.err(e))
    }

    /// Statements matching a filter, in document order.
    pub fn statements(&self, f: &StatementFilter) -> Result<Vec<StatementRow>> {
        let by = f.by.as_ref().map(|v| ids_json(v));
        let about = f.about.as_ref().map(|v| ids_json(v));
        let involving = f.involving.as_ref().map(|v| ids_json(v));
        // The about-filters collect the statement ids once (one pass over
        // statement_about, which has no index on actor_id; see migration 2)
        // rather than probing statement_about for every statement.
        let mut stmt = self
            .conn
            .prepare(
                "SELECT st.id, sp.name, st.verb, ad.name, st.direct, d.doc_key, d.date, st.content,
                        (SELECT group_concat(a.name, char(31)) FROM statement_about sa JOIN actors a ON a.id = sa.actor_id WHERE sa.statement_id = st.id)
                 FROM statements st
                 JOIN actors sp ON sp.id = st.speaker_id
                 LEFT JOIN actors ad ON ad.id = st.addressee_id
                 JOIN documents d ON d.id = st.document_id
                 WHERE (?1 IS NULL OR st.speaker_id IN (SELECT value FROM json_each(?1)))
                   AND (?2 IS NULL OR st.id IN (SELECT statement_id FROM statement_about WHERE actor_id IN (SELECT value FROM json_each(?2))))
                   AND (?4 IS NULL OR st.speaker_id IN (SELECT value FROM json_each(?4))
                        OR st.addressee_id IN (SELECT value FROM json_each(?4))
                        OR st.id IN (SELECT statement_id FROM statement_about WHERE actor_id IN (SELECT value FROM json_each(?4))))
                   AND (?6 IS NULL OR d.date >= ?6)
                   AND (?7 IS NULL OR d.date <= ?7 OR d.date LIKE ?7 || '%')
                 ORDER BY CASE WHEN ?5 THEN d.date END, st.id
                 LIMIT ?3",
            )
            .map_err(|e| self.err(e))?;
        let lim = f.limit.map_or(-1, |l| l as i64);
        let rows = stmt
            .query_map(params![by, about, lim, involving, f.by_date, f.since, f.until], |r| {
                let about: Option<String> = r.get(8)?;
                Ok(StatementRow {
                    id: r.get(0)?,
                    speaker: r.get(1)?,
                    verb: r.get(2)?,
                    addressee: r.get(3)?,
                    direct: r.get(4)?,
                    document: r.get(5)?,
                    date: r.get(6)?,
                    content: r.get(7)?,
                    about: about.map(|a| a.split('\u{1f}').map(String::from).collect()).unwrap_or_default(),
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<std::result::Result<Vec<_>, _>>().map_err(|e| self.err(e))
    }

    /// All actors as (id, name, kind), ordered by id: the graph's nodes.
    pub fn all_actors(&self) -> Result<Vec<(i64, String, String)>> {
        let mut stmt = self.conn.prepare("SELECT id, name, kind FROM actors ORDER BY id").map_err(|e| self.err(e))?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).map_err(|e| self.err(e))?;
        rows.collect::<std::result::Result<Vec<_>, _>>().map_err(|e| self.err(e))
    }

    /// Relations aggregated per (subject, object, predicate, code), negated
    /// ones left out, within an optional date range, ordered.
    pub fn relation_edges(&self, since: Option<&str>, until: Option<&str>) -> Result<Vec<EdgeRow>> {
        self.edge_rows(
            "SELECT r.subject_id, r.object_id, r.predicate, r.cameo, max(r.symmetric), count(*), min(d.date), max(d.date), group_concat(r.id)
             FROM relations r JOIN documents d ON d.id = r.document_id
             WHERE r.negated = 0 AND (?1 IS NULL OR d.date >= ?1) AND (?2 IS NULL OR d.date <= ?2 OR d.date LIKE ?2 || '%')
             GROUP BY r.subject_id, r.object_id, r.predicate, r.cameo
             ORDER BY r.subject_id, r.object_id, r.predicate, r.cameo",
            since,
            until,
            false,
        )
    }

    /// Statement-about links (speaker to each actor spoken about) aggregated
    /// per (speaker, actor, verb), within an optional date range.
    pub fn statement_edges(&self, since: Option<&str>, until: Option<&str>) -> Result<Vec<EdgeRow>> {
        self.edge_rows(
            "SELECT st.speaker_id, sa.actor_id, st.verb, '01', 0, count(*), min(d.date), max(d.date), group_concat(st.id)
             FROM statements st JOIN statement_about sa ON sa.statement_id = st.id JOIN documents d ON d.id = st.document_id
             WHERE sa.actor_id != st.speaker_id AND (?1 IS NULL OR d.date >= ?1) AND (?2 IS NULL OR d.date <= ?2 OR d.date LIKE ?2 || '%')
             GROUP BY st.speaker_id, sa.actor_id, st.verb
             ORDER BY st.speaker_id, sa.actor_id, st.verb",
            since,
            until,
            true,
        )
    }

    fn edge_rows(&self, sql: &str, since: Option<&str>, until: Option<&str>, statement: bool) -> Result<Vec<EdgeRow>> {
        let mut stmt = self.conn.prepare_cached(sql).map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(params![since, until], |r| {
                let ids: Option<String> = r.get(8)?;
                Ok(EdgeRow {
                    subject: r.get(0)?,
                    object: r.get(1)?,
                    predicate: r.get(2)?,
                    cameo: r.get(3)?,
                    symmetric: r.get(4)?,
                    count: r.get(5)?,
                    first_date: r.get(6)?,
                    last_date: r.get(7)?,
                    ids: ids.map(|s| s.split(',').filter_map(|x| x.parse().ok()).collect()).unwrap_or_default(),
                    statement,
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<std::result::Result<Vec<_>, _>>().map_err(|e| self.err(e))
    }

    /// The document, date and evidence sentence of a relation.
    pub fn relation_evidence(&self, id: i64) -> Result<Option<Evidence>> {
        self.conn
            .query_row(
                "SELECT d.doc_key, d.date, r.evidence FROM relations r JOIN documents d ON d.id = r.document_id WHERE r.id = ?1",
                [id],
                |r| Ok(Evidence { document: r.get(0)?, date: r.get(1)?, text: r.get(2)? }),
            )
            .optional()
            .map_err(|e| self.err(e))
    }

    /// The document, date and content of a statement.
    pub fn statement_evidence(&self, id: i64) -> Result<Option<Evidence>> {
        self.conn
            .query_row(
                "SELECT d.doc_key, d.date, st.content FROM statements st JOIN documents d ON d.id = st.document_id WHERE st.id = ?1",
                [id],
                |r| Ok(Evidence { document: r.get(0)?, date: r.get(1)?, text: r.get(2)? }),
            )
            .optional()
            .map_err(|e| self.err(e))
    }

    /// Checks the database file with `PRAGMA integrity_check`.
    pub fn integrity_check(&self) -> Result<String> {
        self.conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).map_err(|e| self.err(e))
    }
}

/// Actor ids and stored aliases the writer already knows, so that the
/// actors and aliases of each document cost no query when seen before.
/// Emptied when a transaction rolls back (its ids no longer exist).
///
/// Keyed so that a lookup borrows the name: cloning it for every actor of
/// every document showed in the writer's profile.
#[derive(Debug, Default)]
struct ActorCache {
    /// Ids by name, one map per [`ActorKind`] (indexed by `kind as usize`).
    ids: [rustc_hash::FxHashMap<String, i64>; 4],
    /// Stored aliases by actor id.
    aliases: rustc_hash::FxHashMap<i64, rustc_hash::FxHashSet<String>>,
}

/// One write transaction: its statements are prepared once, not looked up
/// in the statement cache for every row.
struct Writer<'t> {
    path: &'t Path,
    conn: &'t Connection,
    actor_ids: &'t mut ActorCache,
    surnames: Surnames,
    find_document: CachedStatement<'t>,
    insert_document: CachedStatement<'t>,
    find_actor: CachedStatement<'t>,
    insert_actor: CachedStatement<'t>,
    insert_alias: CachedStatement<'t>,
    insert_mention: CachedStatement<'t>,
    insert_relation: CachedStatement<'t>,
    insert_statement: CachedStatement<'t>,
    insert_about: CachedStatement<'t>,
}

impl<'t> Writer<'t> {
    fn new(
        conn: &'t Connection,
        path: &'t Path,
        actor_ids: &'t mut ActorCache,
        surnames: Surnames,
    ) -> rusqlite::Result<Writer<'t>> {
        Ok(Writer {
            path,
            conn,
            actor_ids,
            surnames,
            find_document: conn.prepare_cached("SELECT 1 FROM documents WHERE content_hash = ?1")?,
            insert_document: conn.prepare_cached(
                "INSERT INTO documents (doc_key, source, title, date, url, content_hash, bytes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?,
            find_actor: conn.prepare_cached("SELECT id FROM actors WHERE name = ?1 AND kind = ?2")?,
            insert_actor: conn.prepare_cached("INSERT INTO actors (name, kind) VALUES (?1, ?2)")?,
            insert_alias: conn.prepare_cached("INSERT OR IGNORE INTO actor_aliases (actor_id, alias) VALUES (?1, ?2)")?,
            insert_mention: conn.prepare_cached(
                "INSERT INTO mentions (document_id, actor_id, start, end, surface) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?,
            insert_relation: conn.prepare_cached(
                "INSERT INTO relations (document_id, subject_id, object_id, predicate, cameo, symmetric, negated, evidence, evidence_start, evidence_end)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?,
            insert_statement: conn.prepare_cached(
                "INSERT INTO statements (document_id, speaker_id, addressee_id, verb, direct, content, content_start, content_end)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?,
            insert_about: conn
                .prepare_cached("INSERT OR IGNORE INTO statement_about (statement_id, actor_id) VALUES (?1, ?2)")?,
        })
    }

    /// Drops the statements, giving back the surname index.
    fn finish(self) -> Surnames {
        self.surnames
    }

    /// Writes one document in the open transaction, unless its content is stored.
    fn document(&mut self, doc: &Document, ex: &Extraction) -> Result<Written> {
        let path = self.path;
        let e = |err| sql_err(path, err);
        let hash = content_hash(&doc.text);
        if self.find_document.query_row([&hash], |_| Ok(())).optional().map_err(e)?.is_some() {
            return Ok(Written::AlreadyPresent);
        }
        self.insert_document
            .execute(params![doc.id, doc.source, doc.title, doc.date, doc.url, hash, doc.text.len() as i64])
            .map_err(e)?;
        let doc_row = self.conn.last_insert_rowid();
        let mut ids = rustc_hash::FxHashMap::default();
        for a in &ex.actors {
            let kind = a.kind.as_str();
            let cached = self.actor_ids.ids[a.kind as usize].get(a.name.as_str()).copied();
            let mut id = match cached {
                Some(id) => Some(id),
                None => {
                    self.find_actor.query_row(params![a.name, kind], |r| r.get::<_, i64>(0)).optional().map_err(e)?
                }
            };
            // A bare last name ("Kishida") joins the one known person who bears it.
            if id.is_none()
                && a.kind == ActorKind::Person
                && !a.name.contains(' ')
                && let Some(one) = self.surnames.only(&a.name)
            {
                id = Some(one);
                self.insert_alias.execute(params![one, a.name]).map_err(e)?;
            }
            let id = match id {
                Some(id) => id,
                None => {
                    self.insert_actor.execute(params![a.name, kind]).map_err(e)?;
                    let id = self.conn.last_insert_rowid();
                    if a.kind == ActorKind::Person {
                        self.surnames.add(&a.name, id);
                    }
                    id
                }
            };
            for al in &a.aliases {
                // Known pairs are skipped: most aliases recur in every document.
                let known = self.actor_ids.aliases.entry(id).or_default();
                if !known.contains(al.as_str()) {
                    self.insert_alias.execute(params![id, al]).map_err(e)?;
                    known.insert(al.clone());
                }
            }
            for sp in &a.mentions {
                let surface = doc.text.get(sp.clone()).unwrap_or("");
                self.insert_mention
                    .execute(params![doc_row, id, sp.start as i64, sp.end as i64, surface])
                    .map_err(e)?;
            }
            ids.insert(a.name.as_str(), id);
            if cached.is_none() {
                self.actor_ids.ids[a.kind as usize].insert(a.name.clone(), id);
            }
        }
        let id_of = |name: &str| ids.get(name).copied();
        let mut n_rel = 0;
        for r in &ex.relations {
            let (Some(s), Some(o)) = (id_of(&r.subject), id_of(&r.object)) else { continue };
            self.insert_relation
                .execute(params![
                    doc_row,
                    s,
                    o,
                    r.predicate,
                    r.cameo,
                    r.symmetric,
                    r.negated,
                    r.evidence,
                    r.evidence_span.start as i64,
                    r.evidence_span.end as i64
                ])
                .map_err(e)?;
            n_rel += 1;
        }
        let mut n_st = 0;
        for s in &ex.statements {
            let Some(sp) = id_of(&s.speaker) else { continue };
            let ad = s.addressee.as_deref().and_then(id_of);
            self.insert_statement
                .execute(params![
                    doc_row,
                    sp,
                    ad,
                    s.verb,
                    s.direct,
                    s.content,
                    s.content_span.start as i64,
                    s.content_span.end as i64
                ])
                .map_err(e)?;
            let sid = self.conn.last_insert_rowid();
            for a in s.about.iter().filter_map(|a| id_of(a)) {
                self.insert_about.execute(params![sid, a]).map_err(e)?;
            }
            n_st += 1;
        }
        Ok(Written::New { actors: ex.actors.len(), relations: n_rel, statements: n_st })
    }
}

/// BLAKE3 of the text, hex.
pub fn content_hash(text: &str) -> String {
    blake3::hash(text.as_bytes()).to_hex().to_string()
}

fn ids_json(ids: &[i64]) -> String {
    serde_json::to_string(ids).unwrap_or_else(|_| "[]".into())
}

/// A clear error for a path that cannot be a database file (SQLite would
/// only say "unable to open database file" or "disk I/O error").
fn check_location(path: &Path) -> Result<()> {
    let unusable = |reason: String| Err(StoreError::Unusable { path: path.to_path_buf(), reason });
    if path.is_dir() {
        return unusable("it is a directory".into());
    }
    let Some(parent) =
        path.parent().filter(|p| !p.as_os_str().is_empty() && !path.to_string_lossy().starts_with("file:"))
    else {
        return Ok(());
    };
    match std::fs::metadata(parent) {
        Ok(m) if m.is_dir() => Ok(()),
        Ok(_) => unusable(format!("{} is not a directory", parent.display())),
        Err(e) => unusable(format!("{}: {e}", parent.display())),
    }
}

fn sql_err(path: &Path, e: rusqlite::Error) -> StoreError {
    if let rusqlite::Error::SqliteFailure(f, _) = &e {
        if matches!(f.code, rusqlite::ErrorCode::NotADatabase) {
            return StoreError::NotADatabase { path: path.to_path_buf() };
        }
        if matches!(f.code, rusqlite::ErrorCode::DatabaseCorrupt) {
            return StoreError::Corrupt { path: path.to_path_buf() };
        }
    }
    StoreError::Sqlite { path: path.to_path_buf(), source: e }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Actor, Relation};

    fn doc(text: &str) -> Document {
        Document {
            id: "d".into(),
            text: text.into(),
            title: None,
            date: Some("2022-10-04".into()),
            url: None,
            source: "t".into(),
            source_bytes: 0,
        }
    }

    fn extraction() -> Extraction {
        let actor = |n: &str, k| Actor { name: n.into(), kind: k, aliases: vec![], mentions: vec![0..1] };
        Extraction {
            doc: "d".into(),
            actors: vec![actor("Japan", ActorKind::Country), actor("North Korea", ActorKind::Country)],
            relations: vec![Relation {
                subject: "Japan".into(),
                predicate: "condemn".into(),
                object: "North Korea".into(),
                cameo: "11".into(),
                symmetric: false,
                negated: false,
                evidence: "Japan condemned North Korea.".into(),
                evidence_span: 0..28,
            }],
            statements: vec![],
        }
    }

    #[test]
    fn fresh_database_is_migrated_and_whole() {
        let s = Store::open_in_memory().unwrap();
        assert_eq!(s.version().unwrap(), SCHEMA_VERSION);
        assert_eq!(s.integrity_check().unwrap(), "ok");
        let fk: i64 = s.conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0)).unwrap();
        assert_eq!(fk, 0);
    }

    #[test]
    fn same_content_twice_is_written_once() {
        let mut s = Store::open_in_memory().unwrap();
        let d = doc("Japan condemned North Korea.");
        assert!(matches!(s.write(&d, &extraction()).unwrap(), Written::New { relations: 1, .. }));
        assert_eq!(s.write(&d, &extraction()).unwrap(), Written::AlreadyPresent);
        assert_eq!(s.stats().unwrap().documents, 1);
    }

    #[test]
    fn actors_are_shared_across_documents() {
        let mut s = Store::open_in_memory().unwrap();
        s.write(&doc("one"), &extraction()).unwrap();
        s.write(&doc("two"), &extraction()).unwrap();
        let st = s.stats().unwrap();
        assert_eq!((st.documents, st.actors, st.relations), (2, 2, 2));
    }

    #[test]
    fn bare_last_name_joins_the_one_known_full_name() {
        let mut s = Store::open_in_memory().unwrap();
        let person = |n: &str| Actor { name: n.into(), kind: ActorKind::Person, aliases: vec![], mentions: vec![] };
        let ex = |actors: Vec<Actor>| Extraction { doc: "d".into(), actors, relations: vec![], statements: vec![] };
        s.write(&doc("a"), &ex(vec![person("Fumio Kishida")])).unwrap();
        s.write(&doc("b"), &ex(vec![person("Kishida")])).unwrap();
        assert_eq!(s.stats().unwrap().actors, 1);
        // Two people called Smith: a bare "Smith" stays apart.
        s.write(&doc("c"), &ex(vec![person("John Smith"), person("Mary Smith")])).unwrap();
        s.write(&doc("d"), &ex(vec![person("Smith")])).unwrap();
        assert_eq!(s.stats().unwrap().actors, 4);
    }

    #[test]
    fn bare_last_name_sees_persons_written_by_another_connection() {
        let dir = std::env::temp_dir().join(format!("ng-store-surname-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("s.db");
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", p.display()));
        }
        let person = |n: &str| Actor { name: n.into(), kind: ActorKind::Person, aliases: vec![], mentions: vec![] };
        let ex = |actors: Vec<Actor>| Extraction { doc: "d".into(), actors, relations: vec![], statements: vec![] };
        let mut a = Store::open(&p).unwrap();
        let mut b = Store::open(&p).unwrap();
        // `a` has read the persons (none yet) before `b` adds one.
        a.write(&doc("first"), &ex(vec![person("Joe Biden")])).unwrap();
        b.write(&doc("second"), &ex(vec![person("Fumio Kishida")])).unwrap();
        // LIKE folds ASCII case: "KISHIDA" is Kishida too.
        a.write(&doc("third"), &ex(vec![person("KISHIDA"), person("biden")])).unwrap();
        assert_eq!(a.stats().unwrap().actors, 2);
    }

    #[test]
    fn newer_schema_is_refused() {
        let dir = std::env::temp_dir().join(format!("ng-store-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("new.db");
        let _ = std::fs::remove_file(&p);
        {
            let c = Connection::open(&p).unwrap();
            c.pragma_update(None, "user_version", SCHEMA_VERSION + 5).unwrap();
        }
        let err = Store::open(&p).unwrap_err();
        assert!(matches!(err, StoreError::TooNew { .. }), "{err}");
        assert!(err.to_string().contains("newer than this build"));
    }

    #[test]
    fn relation_filter_by_cameo_root() {
        let mut s = Store::open_in_memory().unwrap();
        s.write(&doc("x"), &extraction()).unwrap();
        let f = RelationFilter { cameo: vec!["11".into()], ..Default::default() };
        assert_eq!(s.relations(&f).unwrap().len(), 1);
        let f = RelationFilter { cameo: vec!["04".into()], ..Default::default() };
        assert!(s.relations(&f).unwrap().is_empty());
    }

    /// A fresh database file in a directory of its own for this test.
    fn temp_db(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("ng-store-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("s.db");
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", p.display()));
        }
        p
    }

    fn documents(p: &Path) -> i64 {
        let c = Connection::open_with_flags(p, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
        c.query_row("SELECT count(*) FROM documents", [], |r| r.get(0)).unwrap()
    }

    /// Batches of two documents each, all different.
    fn batches(n: usize) -> Vec<Vec<(Document, Extraction)>> {
        (0..n).map(|b| (0..2).map(|i| (doc(&format!("text {b} {i}")), extraction())).collect()).collect()
    }

    #[test]
    fn stream_commits_every_few_batches_and_at_the_end() {
        let p = temp_db("stream");
        let mut s = Store::open(&p).unwrap();
        // What another connection sees once each batch is written: only the
        // batches of transactions already committed.
        let mut seen = vec![];
        s.write_stream(batches(5), 2, &mut |batch, out| {
            assert_eq!(out.len(), batch.len());
            seen.push(documents(&p));
        })
        .unwrap();
        assert_eq!(seen, [0, 0, 4, 4, 8]);
        assert_eq!(documents(&p), 10);
        // Known content is still skipped, within a stream and across streams.
        let mut present = 0;
        let again = vec![vec![(doc("new"), extraction()), (doc("new"), extraction()), (doc("text 0 0"), extraction())]];
        s.write_stream(again, 2, &mut |_, out| {
            present += out.iter().filter(|w| **w == Written::AlreadyPresent).count();
        })
        .unwrap();
        assert_eq!((present, s.stats().unwrap().documents, s.stats().unwrap().relations), (2, 11, 11));
    }

    #[test]
    fn a_failed_stream_keeps_the_committed_batches_and_rolls_back_the_open_one() {
        let p = temp_db("stream-fail");
        let mut s = Store::open(&p).unwrap();
        s.conn
            .execute_batch(
                "CREATE TRIGGER refuse BEFORE INSERT ON documents WHEN NEW.source = 'bad'
                 BEGIN SELECT RAISE(ABORT, 'refused'); END",
            )
            .unwrap();
        let mongolia =
            || Actor { name: "Mongolia".into(), kind: ActorKind::Country, aliases: vec![], mentions: vec![0..1, 2..3] };
        let mut input = batches(3);
        input[2][0].1.actors.push(mongolia());
        input[2][1].0.source = "bad".into();
        assert!(s.write_stream(input, 2, &mut |_, _| {}).is_err());
        assert_eq!(documents(&p), 4);
        // The actor of the rolled-back transaction is gone: the next write
        // must create it again, not reuse its id.
        let mut ex = extraction();
        ex.actors.push(mongolia());
        s.write(&doc("after"), &ex).unwrap();
        assert_eq!(s.integrity_check().unwrap(), "ok");
        let fk: i64 = s.conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0)).unwrap();
        assert_eq!((fk, s.stats().unwrap().documents, s.stats().unwrap().actors), (0, 5, 3));
    }

    #[test]
    fn version_1_database_upgrades_with_its_rows_and_answers_the_same() {
        let p = temp_db("upgrade");
        {
            // A database as version 1 left it, with a few documents.
            let conn = Connection::open(&p).unwrap();
            conn.execute_batch(MIGRATIONS[0]).unwrap();
            conn.pragma_update(None, "user_version", 1).unwrap();
            let mut s = Store { conn, path: p.clone(), actor_ids: Default::default(), surnames: None };
            s.write(&doc("one"), &extraction()).unwrap();
            s.write(&doc("two"), &extraction()).unwrap();
        }
        let indexes = |p: &Path| -> i64 {
            let c = Connection::open_with_flags(p, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
            c.query_row(
                "SELECT count(*) FROM sqlite_schema WHERE name IN ('mentions_actor', 'statement_about_actor')",
                [],
                |r| r.get(0),
            )
            .unwrap()
        };
        assert_eq!(indexes(&p), 2, "version 1 has mentions_actor and statement_about_actor");
        let s = Store::open_read_only(&p).unwrap();
        assert_eq!(s.version().unwrap(), SCHEMA_VERSION);
        assert_eq!(indexes(&p), 0);
        assert_eq!(s.integrity_check().unwrap(), "ok");
        let st = s.stats().unwrap();
        assert_eq!((st.documents, st.actors, st.relations), (2, 2, 2));
        let actors = s.actors(None, None).unwrap();
        assert_eq!(
            actors.iter().map(|a| (a.name.as_str(), a.documents)).collect::<Vec<_>>(),
            [("Japan", 2), ("North Korea", 2)]
        );
    }
}
