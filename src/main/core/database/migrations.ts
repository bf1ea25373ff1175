/**
 * Versioned schema migrations, applied in order at start-up inside one transaction each.
 * `PRAGMA user_version` records the version; a database newer than the app is never touched.
 * Never edit a released migration: add a new one.
 */
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    description: 'images, lineage, tags, prompt search, file journal',
    sql: `
CREATE TABLE images (
  id INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL UNIQUE,
  mime TEXT NOT NULL,
  width INTEGER NOT NULL,
  height INTEGER NOT NULL,
  bytes INTEGER NOT NULL,
  prompt TEXT,
  revised_prompt TEXT,
  provider TEXT,
  model TEXT,
  params TEXT,
  source TEXT NOT NULL CHECK (source IN ('generated', 'imported', 'edited')),
  original_name TEXT,
  created_at INTEGER NOT NULL,
  favorite INTEGER NOT NULL DEFAULT 0,
  trashed_at INTEGER,
  has_preview INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX images_provider ON images(provider, id);
CREATE INDEX images_model ON images(model, id);
CREATE INDEX images_source ON images(source, id);
CREATE INDEX images_favorite ON images(id) WHERE favorite = 1;
CREATE INDEX images_created ON images(created_at);
CREATE INDEX images_trashed ON images(trashed_at) WHERE trashed_at IS NOT NULL;

CREATE TABLE image_parents (
  image_id INTEGER NOT NULL REFERENCES images(id) ON DELETE CASCADE,
  parent_id INTEGER NOT NULL REFERENCES images(id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('source', 'reference', 'mask')),
  position INTEGER NOT NULL,
  PRIMARY KEY (image_id, parent_id, role)
) WITHOUT ROWID;
CREATE INDEX image_parents_parent ON image_parents(parent_id);

CREATE TABLE tags (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE
);
CREATE TABLE image_tags (
  tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
  image_id INTEGER NOT NULL REFERENCES images(id) ON DELETE CASCADE,
  PRIMARY KEY (tag_id, image_id)
) WITHOUT ROWID;
CREATE INDEX image_tags_image ON image_tags(image_id);

-- Files on their way in or out of the library; what is left here after a crash is undone at start-up.
CREATE TABLE file_journal (
  id INTEGER PRIMARY KEY,
  op TEXT NOT NULL CHECK (op IN ('ingest', 'delete')),
  sha256 TEXT NOT NULL,
  ext TEXT NOT NULL,
  created_at INTEGER NOT NULL
);

CREATE VIRTUAL TABLE images_fts USING fts5(prompt, revised_prompt, content='images', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER images_fts_insert AFTER INSERT ON images BEGIN
  INSERT INTO images_fts(rowid, prompt, revised_prompt) VALUES (new.id, new.prompt, new.revised_prompt);
END;
CREATE TRIGGER images_fts_delete AFTER DELETE ON images BEGIN
  INSERT INTO images_fts(images_fts, rowid, prompt, revised_prompt) VALUES ('delete', old.id, old.prompt, old.revised_prompt);
END;
CREATE TRIGGER images_fts_update AFTER UPDATE OF prompt, revised_prompt ON images BEGIN
  INSERT INTO images_fts(images_fts, rowid, prompt, revised_prompt) VALUES ('delete', old.id, old.prompt, old.revised_prompt);
  INSERT INTO images_fts(rowid, prompt, revised_prompt) VALUES (new.id, new.prompt, new.revised_prompt);
END;

`,
  },
  {
    version: 2,
    description: 'conversations and messages, linked to their images, with search',
    sql: `
CREATE TABLE conversations (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX conversations_updated ON conversations(updated_at);

CREATE TABLE messages (
  id INTEGER PRIMARY KEY,
  conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('user', 'assistant', 'system')),
  text TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'complete' CHECK (status IN ('complete', 'streaming', 'interrupted', 'error', 'cancelled')),
  provider TEXT,
  model TEXT,
  error_code TEXT,
  error_message TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX messages_conversation ON messages(conversation_id, id);
CREATE INDEX messages_streaming ON messages(status) WHERE status = 'streaming';

ALTER TABLE images ADD COLUMN conversation_id INTEGER REFERENCES conversations(id) ON DELETE SET NULL;
ALTER TABLE images ADD COLUMN message_id INTEGER REFERENCES messages(id) ON DELETE SET NULL;
CREATE INDEX images_conversation ON images(conversation_id, id);
CREATE INDEX images_message ON images(message_id);

CREATE TABLE message_images (
  message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
  image_id INTEGER NOT NULL REFERENCES images(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  PRIMARY KEY (message_id, image_id)
) WITHOUT ROWID;
CREATE INDEX message_images_image ON message_images(image_id);

CREATE VIRTUAL TABLE conversations_fts USING fts5(title, content='conversations', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER conversations_fts_insert AFTER INSERT ON conversations BEGIN
  INSERT INTO conversations_fts(rowid, title) VALUES (new.id, new.title);
END;
CREATE TRIGGER conversations_fts_delete AFTER DELETE ON conversations BEGIN
  INSERT INTO conversations_fts(conversations_fts, rowid, title) VALUES ('delete', old.id, old.title);
END;
CREATE TRIGGER conversations_fts_update AFTER UPDATE OF title ON conversations BEGIN
  INSERT INTO conversations_fts(conversations_fts, rowid, title) VALUES ('delete', old.id, old.title);
  INSERT INTO conversations_fts(rowid, title) VALUES (new.id, new.title);
END;

CREATE VIRTUAL TABLE messages_fts USING fts5(text, content='messages', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
  INSERT INTO messages_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
  INSERT INTO messages_fts(messages_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER messages_fts_update AFTER UPDATE OF text ON messages BEGIN
  INSERT INTO messages_fts(messages_fts, rowid, text) VALUES ('delete', old.id, old.text);
  INSERT INTO messages_fts(rowid, text) VALUES (new.id, new.text);
END;
`,
  },
  {
    version: 3,
    description: 'what a user message asked for (for Retry), and which prompt an answer replies to',
    sql: `
ALTER TABLE messages ADD COLUMN request TEXT;
ALTER TABLE messages ADD COLUMN reply_to INTEGER REFERENCES messages(id) ON DELETE SET NULL;
CREATE INDEX messages_reply_to ON messages(reply_to) WHERE reply_to IS NOT NULL;
`,
  },
  {
    version: 4,
    description: 'usage and time per answer, and images already uploaded to a provider (GigaChat files)',
    sql: `
ALTER TABLE messages ADD COLUMN usage TEXT;
ALTER TABLE messages ADD COLUMN elapsed_ms INTEGER;

-- A library image uploaded to a provider, so a follow-up reuses the file while the provider keeps it.
CREATE TABLE provider_uploads (
  provider_id TEXT NOT NULL,
  image_id INTEGER NOT NULL REFERENCES images(id) ON DELETE CASCADE,
  file_id TEXT NOT NULL,
  uploaded_at INTEGER NOT NULL,
  PRIMARY KEY (provider_id, image_id)
) WITHOUT ROWID;
CREATE INDEX provider_uploads_image ON provider_uploads(image_id);
`,
  },
  {
    version: 5,
    description: 'a search index of the trash, the library and the trash in id order, providers with their models',
    sql: `
-- The library and the trash in grid order: skipping far down a view (and the trash view itself)
-- walks these small indexes instead of whole rows.
CREATE INDEX images_live ON images(id) WHERE trashed_at IS NULL;
CREATE INDEX images_in_trash ON images(id) WHERE trashed_at IS NOT NULL;
-- Which models each provider made (the model filter's list) from the index alone.
CREATE INDEX images_provider_model ON images(provider, model);

-- The prompts of trashed images only: counts and the trash view search it instead of telling
-- trashed rows apart among every match of a broad search.
CREATE VIRTUAL TABLE images_trash_fts USING fts5(prompt, revised_prompt, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
INSERT INTO images_trash_fts(rowid, prompt, revised_prompt) SELECT id, prompt, revised_prompt FROM images WHERE trashed_at IS NOT NULL;
CREATE TRIGGER images_trash_fts_insert AFTER INSERT ON images WHEN new.trashed_at IS NOT NULL BEGIN
  INSERT INTO images_trash_fts(rowid, prompt, revised_prompt) VALUES (new.id, new.prompt, new.revised_prompt);
END;
CREATE TRIGGER images_trash_fts_delete AFTER DELETE ON images WHEN old.trashed_at IS NOT NULL BEGIN
  DELETE FROM images_trash_fts WHERE rowid = old.id;
END;
CREATE TRIGGER images_trash_fts_trash AFTER UPDATE OF trashed_at ON images WHEN old.trashed_at IS NULL AND new.trashed_at IS NOT NULL BEGIN
  INSERT INTO images_trash_fts(rowid, prompt, revised_prompt) VALUES (new.id, new.prompt, new.revised_prompt);
END;
CREATE TRIGGER images_trash_fts_restore AFTER UPDATE OF trashed_at ON images WHEN old.trashed_at IS NOT NULL AND new.trashed_at IS NULL BEGIN
  DELETE FROM images_trash_fts WHERE rowid = old.id;
END;
CREATE TRIGGER images_trash_fts_update AFTER UPDATE OF prompt, revised_prompt ON images
  WHEN old.trashed_at IS NOT NULL AND new.trashed_at IS NOT NULL BEGIN
  DELETE FROM images_trash_fts WHERE rowid = old.id;
  INSERT INTO images_trash_fts(rowid, prompt, revised_prompt) VALUES (new.id, new.prompt, new.revised_prompt);
END;
`,
  },
  {
    version: 6,
    description: 'masks kept beside the pictures, not among them',
    sql: `
-- A mask painted over a picture. Its file sits with the originals, named by its hash like them.
CREATE TABLE masks (
  id INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL UNIQUE,
  mime TEXT NOT NULL,
  width INTEGER NOT NULL,
  height INTEGER NOT NULL,
  bytes INTEGER NOT NULL,
  source_id INTEGER REFERENCES images(id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX masks_source ON masks(source_id);
ALTER TABLE images ADD COLUMN mask_id INTEGER REFERENCES masks(id) ON DELETE SET NULL;
CREATE INDEX images_mask ON images(mask_id) WHERE mask_id IS NOT NULL;

-- Earlier versions kept masks as imported pictures: those saved by the painter (params.mask) and
-- mask PNGs a follow-up kept (imported, used only as a mask). Each becomes a mask under the same
-- id, so a stored request's mask id still names it; a picture also used as a source, a reference
-- or in a chat stays a picture.
CREATE TEMP TABLE moving_masks AS
  SELECT i.id FROM images i
  WHERE i.source = 'imported' AND i.mime = 'image/png'
    AND (json_extract(i.params, '$.mask') = 1 OR i.id IN (SELECT parent_id FROM image_parents WHERE role = 'mask'))
    AND i.id NOT IN (SELECT parent_id FROM image_parents WHERE role <> 'mask')
    AND i.id NOT IN (SELECT image_id FROM message_images);
INSERT INTO masks (id, sha256, mime, width, height, bytes, source_id, created_at)
  SELECT i.id, i.sha256, i.mime, i.width, i.height, i.bytes,
    (SELECT s.id FROM images s WHERE s.id = json_extract(i.params, '$.maskFor')), i.created_at
  FROM images i WHERE i.id IN (SELECT id FROM moving_masks);
UPDATE images SET mask_id = (
    SELECT p.parent_id FROM image_parents p
    WHERE p.image_id = images.id AND p.role = 'mask' AND p.parent_id IN (SELECT id FROM moving_masks))
  WHERE id IN (SELECT p.image_id FROM image_parents p WHERE p.role = 'mask' AND p.parent_id IN (SELECT id FROM moving_masks));
-- Every mask link goes: to a moved mask it is now images.mask_id; a picture that served as a mask
-- (one used otherwise too, or not a PNG) stays a picture, without that link.
DELETE FROM image_parents WHERE role = 'mask';
DELETE FROM images WHERE id IN (SELECT id FROM moving_masks);
DROP TABLE moving_masks;
-- A tag only masks had goes with them, as a tag does when its last picture goes.
DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM image_tags);
`,
  },
  {
    version: 7,
    description: "a failed answer's explanation as the core's catalogued sentence, for the window's language",
    sql: `
-- JSON {key, params, quote} beside error_message (the English sentence): see src/shared/core-messages.ts.
ALTER TABLE messages ADD COLUMN error_said TEXT;
`,
  },
  {
    version: 8,
    description: 'the generation queue: every answer asked for is a job, kept across restarts',
    sql: `
-- One row per generation. No CHECKs on purpose: a row this version cannot read (a newer Holst's
-- state, a damaged value) is skipped with a log line instead of stopping the queue (job-store.ts).
-- seq is the order prompts were sent in (a conversation's go in that order); position the queue's
-- order, which Move changes.
CREATE TABLE generation_jobs (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  conversation_id INTEGER REFERENCES conversations(id) ON DELETE CASCADE,
  user_message_id INTEGER,
  answer_message_id INTEGER,
  provider TEXT,
  model TEXT,
  state TEXT,
  position INTEGER,
  auto_source INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER,
  started_at INTEGER,
  finished_at INTEGER,
  error TEXT
);
CREATE INDEX generation_jobs_open ON generation_jobs(position) WHERE state IN ('queued', 'running');
CREATE INDEX generation_jobs_finished ON generation_jobs(finished_at) WHERE finished_at IS NOT NULL;
CREATE INDEX generation_jobs_answer ON generation_jobs(answer_message_id);

-- The queue's own switches (paused), by name.
CREATE TABLE queue_state (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
`,
  },
  {
    version: 9,
    description: "a provider's own job (Givon's) kept with the queue's job, and a rate-limited job's wait",
    sql: `
-- JSON {id, baseUrl}, written the moment the provider has taken the job: a restart polls it again
-- instead of creating (and paying for) it twice.
ALTER TABLE generation_jobs ADD COLUMN remote_job TEXT;
-- A job the provider refused for now (429) waits in the queue until retry_at; retries counts them.
ALTER TABLE generation_jobs ADD COLUMN retry_at INTEGER;
ALTER TABLE generation_jobs ADD COLUMN retries INTEGER NOT NULL DEFAULT 0;
`,
  },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
