-- newsgraph schema, version 1.
-- Migrations are append-only: never edit this file once it has shipped; add 0002_*.sql instead.

-- One row per ingested document. `content_hash` (BLAKE3 of the text) makes re-ingest a no-op.
CREATE TABLE documents (
    id           INTEGER PRIMARY KEY,
    doc_key      TEXT NOT NULL,              -- id given by the input: file stem, JSONL/CSV `id`
    source       TEXT,                       -- path (and line) the document was read from
    title        TEXT,
    date         TEXT,                       -- as given by the input, ISO 8601 where possible
    url          TEXT,
    content_hash TEXT NOT NULL UNIQUE,
    bytes        INTEGER NOT NULL,
    ingested_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX documents_doc_key ON documents(doc_key);
CREATE INDEX documents_date ON documents(date);

-- Actors are global: one row per canonical name and kind, shared by every document.
CREATE TABLE actors (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('person', 'country', 'organization', 'group')),
    UNIQUE (name, kind)
);
CREATE INDEX actors_name_nocase ON actors(name COLLATE NOCASE);

-- Every other surface form an actor was referred to by, in any document.
CREATE TABLE actor_aliases (
    actor_id INTEGER NOT NULL REFERENCES actors(id),
    alias    TEXT NOT NULL,
    PRIMARY KEY (actor_id, alias)
) WITHOUT ROWID;
CREATE INDEX actor_aliases_alias_nocase ON actor_aliases(alias COLLATE NOCASE);

-- Where an actor is mentioned: byte offsets into the document text.
CREATE TABLE mentions (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    actor_id    INTEGER NOT NULL REFERENCES actors(id),
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    surface     TEXT NOT NULL
);
CREATE INDEX mentions_document ON mentions(document_id);
CREATE INDEX mentions_actor ON mentions(actor_id);

-- Interactions between two actors, each traceable to its evidence text.
CREATE TABLE relations (
    id             INTEGER PRIMARY KEY,
    document_id    INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    subject_id     INTEGER NOT NULL REFERENCES actors(id),
    object_id      INTEGER NOT NULL REFERENCES actors(id),
    predicate      TEXT NOT NULL,
    cameo          TEXT NOT NULL,
    symmetric      INTEGER NOT NULL CHECK (symmetric IN (0, 1)),
    negated        INTEGER NOT NULL CHECK (negated IN (0, 1)),
    evidence       TEXT NOT NULL,
    evidence_start INTEGER,
    evidence_end   INTEGER
);
CREATE INDEX relations_document ON relations(document_id);
CREATE INDEX relations_subject_object ON relations(subject_id, object_id);
CREATE INDEX relations_object ON relations(object_id);
CREATE INDEX relations_cameo ON relations(cameo);

-- Reported speech: who said what, to whom.
CREATE TABLE statements (
    id            INTEGER PRIMARY KEY,
    document_id   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    speaker_id    INTEGER NOT NULL REFERENCES actors(id),
    addressee_id  INTEGER REFERENCES actors(id),
    verb          TEXT NOT NULL,
    direct        INTEGER NOT NULL CHECK (direct IN (0, 1)),
    content       TEXT NOT NULL,
    content_start INTEGER,
    content_end   INTEGER
);
CREATE INDEX statements_document ON statements(document_id);
CREATE INDEX statements_speaker ON statements(speaker_id);

-- The actors a statement is about (the speaker left out).
CREATE TABLE statement_about (
    statement_id INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
    actor_id     INTEGER NOT NULL REFERENCES actors(id),
    PRIMARY KEY (statement_id, actor_id)
) WITHOUT ROWID;
CREATE INDEX statement_about_actor ON statement_about(actor_id);

-- Readable views for sqlite3 and Datasette users: names instead of ids.
CREATE VIEW relations_view AS
SELECT r.id,
       s.name  AS subject,
       r.predicate,
       o.name  AS object,
       r.cameo,
       r.symmetric,
       r.negated,
       d.doc_key AS document,
       d.date,
       r.evidence
FROM relations r
JOIN actors s ON s.id = r.subject_id
JOIN actors o ON o.id = r.object_id
JOIN documents d ON d.id = r.document_id;

CREATE VIEW statements_view AS
SELECT st.id,
       sp.name AS speaker,
       st.verb,
       ad.name AS addressee,
       st.direct,
       (SELECT group_concat(a.name, '; ')
          FROM statement_about sa JOIN actors a ON a.id = sa.actor_id
         WHERE sa.statement_id = st.id) AS about,
       d.doc_key AS document,
       d.date,
       st.content
FROM statements st
JOIN actors sp ON sp.id = st.speaker_id
LEFT JOIN actors ad ON ad.id = st.addressee_id
JOIN documents d ON d.id = st.document_id;
