namespace Dateline.Store.Sqlite;

/// <summary>
/// The SQLite schema as numbered migrations. Never edit a released migration: add the next one.
/// </summary>
internal static class SqliteSchema
{
    public static IReadOnlyList<Migration> Migrations { get; } =
    [
        new(1, "articles, layers, full text, near-duplicates, event groups", """
            CREATE TABLE articles (
                seq INTEGER PRIMARY KEY,
                id TEXT NOT NULL UNIQUE,
                source_kind TEXT NOT NULL,
                source_uri TEXT,
                outlet TEXT,
                outlet_key TEXT,
                title TEXT,
                published TEXT,
                published_day TEXT,
                language TEXT,
                word_count INTEGER NOT NULL,
                text_length INTEGER NOT NULL,
                minhash BLOB,
                original_id TEXT,
                story_id TEXT NOT NULL,
                json TEXT NOT NULL
            );
            CREATE INDEX articles_published ON articles (published_day);
            CREATE INDEX articles_outlet ON articles (outlet_key, published_day);
            CREATE INDEX articles_original ON articles (original_id) WHERE original_id IS NOT NULL;
            CREATE INDEX articles_story ON articles (story_id);
            CREATE VIRTUAL TABLE articles_fts USING fts5 (title, body, content = '', tokenize = 'porter unicode61 remove_diacritics 2');
            CREATE TABLE minhash_bands (
                band INTEGER NOT NULL,
                value BIGINT NOT NULL,
                article_seq INTEGER NOT NULL,
                PRIMARY KEY (band, value, article_seq)
            ) WITHOUT ROWID;
            CREATE TABLE actor_names (
                key TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                actor TEXT
            ) WITHOUT ROWID;
            CREATE TABLE entities (
                article_id TEXT NOT NULL,
                entity_id TEXT NOT NULL,
                type TEXT NOT NULL,
                name TEXT NOT NULL,
                name_key TEXT NOT NULL,
                published_day TEXT,
                actor TEXT,
                country TEXT,
                mentions INTEGER NOT NULL,
                geo_country TEXT,
                lat REAL,
                lon REAL,
                feature TEXT,
                geonames_id INTEGER,
                PRIMARY KEY (article_id, entity_id)
            ) WITHOUT ROWID;
            CREATE INDEX entities_actor ON entities (actor);
            CREATE INDEX entities_name ON entities (name_key, published_day);
            CREATE TABLE quotes (
                article_id TEXT NOT NULL,
                quote_id TEXT NOT NULL,
                kind TEXT NOT NULL,
                start_offset INTEGER NOT NULL,
                end_offset INTEGER NOT NULL,
                text TEXT NOT NULL,
                speaker_entity TEXT,
                speaker_name TEXT,
                speaker_key TEXT,
                speaker_actor TEXT,
                cue TEXT,
                confidence REAL NOT NULL,
                PRIMARY KEY (article_id, quote_id)
            ) WITHOUT ROWID;
            CREATE INDEX quotes_speaker ON quotes (speaker_key);
            CREATE INDEX quotes_actor ON quotes (speaker_actor);
            CREATE TABLE timexes (
                article_id TEXT NOT NULL,
                timex_id TEXT NOT NULL,
                type TEXT NOT NULL,
                value TEXT NOT NULL,
                text TEXT NOT NULL,
                start_offset INTEGER NOT NULL,
                end_offset INTEGER NOT NULL,
                anchor TEXT NOT NULL,
                mod TEXT,
                PRIMARY KEY (article_id, timex_id)
            ) WITHOUT ROWID;
            CREATE INDEX timexes_value ON timexes (value);
            CREATE TABLE event_groups (
                id INTEGER PRIMARY KEY,
                key TEXT NOT NULL UNIQUE
            );
            CREATE TABLE events (
                seq INTEGER PRIMARY KEY,
                article_id TEXT NOT NULL,
                event_id TEXT NOT NULL,
                group_id INTEGER NOT NULL,
                code TEXT NOT NULL,
                base_code TEXT NOT NULL,
                root_code TEXT NOT NULL,
                label TEXT NOT NULL,
                quad_class INTEGER NOT NULL,
                goldstein REAL NOT NULL,
                source_actor TEXT,
                source_name TEXT,
                source_key TEXT,
                source_country TEXT,
                target_actor TEXT,
                target_name TEXT,
                target_key TEXT,
                target_country TEXT,
                date TEXT,
                day TEXT,
                date_from TEXT,
                location_name TEXT,
                location_country TEXT,
                lat REAL,
                lon REAL,
                feature TEXT,
                geonames_id INTEGER,
                modality TEXT NOT NULL,
                trigger_start INTEGER NOT NULL,
                trigger_end INTEGER NOT NULL,
                trigger_text TEXT NOT NULL,
                sentence INTEGER NOT NULL,
                quote_id TEXT,
                source_offset INTEGER NOT NULL,
                target_offset INTEGER NOT NULL,
                UNIQUE (article_id, event_id)
            );
            CREATE INDEX events_day ON events (day);
            CREATE INDEX events_source ON events (source_actor, day);
            CREATE INDEX events_source_key ON events (source_key, day);
            CREATE INDEX events_target ON events (target_actor, day);
            CREATE INDEX events_target_key ON events (target_key, day);
            CREATE INDEX events_code ON events (code);
            CREATE INDEX events_group ON events (group_id);
            """),
        new(2, "search by day and outlet inside the full-text index; identities of people across articles; quotes ordered by publication per speaker", """
            DROP TABLE articles_fts;
            CREATE VIRTUAL TABLE articles_fts USING fts5 (title, body, meta, content = '', tokenize = 'porter unicode61 remove_diacritics 2');
            INSERT INTO articles_fts (rowid, title, body, meta)
                SELECT seq, COALESCE(title, ''), COALESCE(json_extract(json, '$.text'), ''),
                    CASE WHEN published_day IS NULL THEN '' ELSE 'y' || substr(published_day, 1, 4) || ' m' || substr(published_day, 1, 4) || substr(published_day, 6, 2) || ' d' || replace(published_day, '-', '') END
                    || CASE WHEN outlet_key IS NULL THEN '' ELSE ' o' || lower(hex(outlet_key)) END
                FROM articles;
            CREATE TABLE identities (
                id INTEGER PRIMARY KEY,
                key TEXT NOT NULL UNIQUE,
                kind TEXT NOT NULL,
                surname TEXT NOT NULL,
                given TEXT,
                actor TEXT,
                name TEXT NOT NULL,
                resolved INTEGER
            );
            CREATE INDEX identities_surname ON identities (surname);
            CREATE INDEX identities_resolved ON identities (resolved) WHERE resolved IS NOT NULL;
            ALTER TABLE entities ADD COLUMN identity INTEGER;
            ALTER TABLE events ADD COLUMN source_identity INTEGER;
            ALTER TABLE events ADD COLUMN target_identity INTEGER;
            ALTER TABLE quotes ADD COLUMN speaker_identity INTEGER;
            CREATE INDEX entities_identity ON entities (identity, published_day);
            CREATE INDEX events_source_identity ON events (source_identity, day);
            CREATE INDEX events_target_identity ON events (target_identity, day);
            ALTER TABLE quotes ADD COLUMN published TEXT;
            UPDATE quotes SET published = (SELECT a.published FROM articles a WHERE a.id = quotes.article_id);
            DROP INDEX quotes_speaker;
            DROP INDEX quotes_actor;
            CREATE INDEX quotes_speaker ON quotes (speaker_key, published);
            CREATE INDEX quotes_actor ON quotes (speaker_actor, published);
            CREATE INDEX quotes_speaker_identity ON quotes (speaker_identity, published);
            """, Backfill: true),
        new(3, "accounts, comments and corrections", """
            CREATE TABLE users (
                name TEXT PRIMARY KEY,
                role TEXT NOT NULL,
                password_hash TEXT NOT NULL,
                api_key_hash TEXT UNIQUE,
                created TEXT NOT NULL
            );
            CREATE TABLE comments (
                id INTEGER PRIMARY KEY,
                article_id TEXT NOT NULL,
                event_id TEXT,
                author TEXT NOT NULL,
                created TEXT NOT NULL,
                markdown TEXT NOT NULL
            );
            CREATE INDEX comments_article ON comments (article_id, id);
            CREATE TABLE corrections (
                id INTEGER PRIMARY KEY,
                article_id TEXT NOT NULL,
                kind TEXT NOT NULL,
                target TEXT NOT NULL,
                value TEXT,
                reason TEXT NOT NULL,
                author TEXT NOT NULL,
                created TEXT NOT NULL
            );
            CREATE INDEX corrections_article ON corrections (article_id, id);
            """),
        new(4, "feed items seen", """
            CREATE TABLE feed_items (
                feed TEXT NOT NULL,
                item TEXT NOT NULL,
                seen TEXT NOT NULL,
                PRIMARY KEY (feed, item)
            );
            """),
    ];
}
