-- Storyline's DuckDB store. Every offset (start/end) indexes documents.body.
-- Lists are DuckDB lists so analysts can UNNEST them in plain SQL.

CREATE TABLE IF NOT EXISTS documents (
    id VARCHAR PRIMARY KEY,
    title VARCHAR,
    body VARCHAR NOT NULL,
    published VARCHAR,              -- ISO date, from metadata / dateline / inference
    published_source VARCHAR,       -- metadata | dateline | text | inferred | given
    published_confidence DOUBLE,
    published_note VARCHAR,         -- anchors used, or why it is null
    url VARCHAR,
    captured VARCHAR,               -- crawl capture day: an upper bound of the publication date
    source_path VARCHAR,
    source_kind VARCHAR,
    removed VARCHAR[],              -- boilerplate lines taken out by cleaning
    content_hash VARCHAR UNIQUE,
    language VARCHAR,
    story VARCHAR,
    analysed BOOLEAN DEFAULT FALSE, -- per-document NLP done (mentions, event_mentions stored)
    ingested_at TIMESTAMP DEFAULT current_timestamp
);

CREATE TABLE IF NOT EXISTS actors (
    id VARCHAR PRIMARY KEY,
    name VARCHAR NOT NULL,
    kind VARCHAR,
    country VARCHAR,
    wikidata VARCHAR,
    affiliation VARCHAR,
    aliases VARCHAR[],
    role VARCHAR
);

CREATE TABLE IF NOT EXISTS mentions (
    doc VARCHAR NOT NULL,
    actor VARCHAR NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text VARCHAR,
    method VARCHAR
);

CREATE TABLE IF NOT EXISTS timexes (
    doc VARCHAR NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text VARCHAR,
    type VARCHAR,
    value VARCHAR,
    anchor VARCHAR,
    rule VARCHAR
);

-- the time stage's values from the one parse of each report, with the report date (dct) they were
-- resolved against; the corpus pass re-resolves a report's values only when its date has changed since
CREATE TABLE IF NOT EXISTS parsed_timexes AS SELECT NULL::VARCHAR AS dct, * FROM timexes LIMIT 0;

CREATE TABLE IF NOT EXISTS event_mentions (
    id VARCHAR PRIMARY KEY,
    doc VARCHAR NOT NULL,
    type VARCHAR NOT NULL,
    source VARCHAR[],
    target VARCHAR[],
    start INTEGER,
    "end" INTEGER,
    text VARCHAR,
    trigger VARCHAR,
    mode VARCHAR,
    cameo VARCHAR,
    status VARCHAR,
    clause_start INTEGER,
    clause_end INTEGER,
    location VARCHAR,
    lat DOUBLE,
    lon DOUBLE,
    date VARCHAR,
    date_start VARCHAR,
    date_end VARCHAR,
    precision VARCHAR,
    "symmetric" BOOLEAN,
    confidence DOUBLE,
    trigger_start INTEGER,
    skip_spans INTEGER[][],
    context VARCHAR[]
);

CREATE TABLE IF NOT EXISTS events (
    id VARCHAR PRIMARY KEY,
    type VARCHAR NOT NULL,
    source VARCHAR[],
    target VARCHAR[],
    status VARCHAR,
    mode VARCHAR,
    cameo VARCHAR,
    date VARCHAR,                   -- TIMEX value; a range is written "start/end"
    date_start VARCHAR,
    date_end VARCHAR,
    precision VARCHAR,
    location VARCHAR,
    lat DOUBLE,
    lon DOUBLE,
    summary VARCHAR,
    mentions VARCHAR[],
    n_reports INTEGER,
    confidence DOUBLE,
    story VARCHAR,
    "symmetric" BOOLEAN,
    timeline BOOLEAN                -- passes the default export filter; the rest stays queryable
);

CREATE TABLE IF NOT EXISTS evidence (
    event VARCHAR NOT NULL,
    doc VARCHAR NOT NULL,
    start INTEGER,
    "end" INTEGER,
    text VARCHAR
);

CREATE TABLE IF NOT EXISTS stories (
    id VARCHAR PRIMARY KEY,
    label VARCHAR,
    docs VARCHAR[],
    events VARCHAR[]
);

CREATE TABLE IF NOT EXISTS skipped (
    input VARCHAR NOT NULL,          -- file (and record) that was not stored
    reason VARCHAR NOT NULL,
    skipped_at TIMESTAMP DEFAULT current_timestamp
);

-- The crisis's key days, most important first: for the whole corpus (story NULL) and for each story.
CREATE TABLE IF NOT EXISTS key_days (
    story VARCHAR,                   -- NULL: ranked over the whole corpus
    rank INTEGER NOT NULL,           -- 1 = the most important day
    date VARCHAR NOT NULL,           -- ISO day
    score DOUBLE,
    events VARCHAR[],                -- fused events dated that day, surest first
    summary VARCHAR,                 -- one line drawn from the evidence
    n_reports INTEGER,               -- reports telling the day's events or naming the day
    n_references INTEGER             -- later reports referring back to the day
);

CREATE TABLE IF NOT EXISTS key_day_evidence (
    story VARCHAR,
    date VARCHAR NOT NULL,
    doc VARCHAR NOT NULL,
    start INTEGER,
    "end" INTEGER,
    text VARCHAR
);
