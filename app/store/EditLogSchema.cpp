#include "store/EditLogSchema.h"

#include "store/SqliteDatabase.h"

#include <iterator>
#include <string>

namespace raddraft::store {

namespace {

// Version 1: the tables the issue names. Timestamps are microseconds since the Unix epoch (UTC);
// texts are UTF-8; kind, cause, target, section and state are the stable names of app/report.
void migrateToVersion1(SqliteDatabase& database)
{
    database.execute(R"sql(
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
-- A per-database salt for hashing patient identifiers: they are never stored in clear.
INSERT INTO meta (key, value) VALUES ('identifier_salt', lower(hex(randomblob(16))));

CREATE TABLE studies (
  id INTEGER PRIMARY KEY,
  study_uid TEXT NOT NULL UNIQUE,
  patient_ref TEXT NOT NULL DEFAULT '',  -- salted SHA-256 of the patient ID, '' when unknown
  opened_at_us INTEGER NOT NULL           -- when the study was last opened
);

CREATE TABLE drafts (
  id INTEGER PRIMARY KEY,
  study_id INTEGER NOT NULL REFERENCES studies(id),
  bundle_type TEXT NOT NULL,
  bundle_name TEXT NOT NULL,
  bundle_version TEXT NOT NULL,
  bundle_hash TEXT NOT NULL,
  device TEXT NOT NULL,
  timings_json TEXT NOT NULL,          -- [{"stage": ..., "milliseconds": ...}]
  draft_json TEXT NOT NULL,            -- the whole inference::Draft (docs/DRAFT_SCHEMA.md)
  initial_labels_json TEXT NOT NULL,   -- the finding labels the document started with
  created_at_us INTEGER NOT NULL,
  created_by TEXT NOT NULL,
  current_text TEXT NOT NULL           -- the report's final text after the last written event
);
CREATE INDEX drafts_by_study ON drafts (study_id);

-- The sentences the document started with (edits are in edit_events).
CREATE TABLE sentences (
  draft_id INTEGER NOT NULL REFERENCES drafts(id),
  sentence_id INTEGER NOT NULL,
  section TEXT NOT NULL,
  position INTEGER NOT NULL,
  text TEXT NOT NULL,
  origin TEXT NOT NULL,                -- informational: ai-unchanged, user-written, ...
  attributes_json TEXT NOT NULL,       -- {"source", "from_alternative", "state"}
  PRIMARY KEY (draft_id, sentence_id)
) WITHOUT ROWID;

CREATE TABLE edit_events (
  id INTEGER PRIMARY KEY,
  draft_id INTEGER NOT NULL REFERENCES drafts(id),
  sequence INTEGER NOT NULL,
  user TEXT NOT NULL,
  timestamp_us INTEGER NOT NULL,
  cause TEXT NOT NULL,
  kind TEXT NOT NULL,
  target TEXT NOT NULL,
  section TEXT NOT NULL,
  sentence_id INTEGER NOT NULL,
  position INTEGER NOT NULL,
  before_text TEXT NOT NULL,
  after_text TEXT NOT NULL,
  source TEXT NOT NULL,
  UNIQUE (draft_id, sequence)
);

CREATE TABLE sign_offs (
  draft_id INTEGER PRIMARY KEY REFERENCES drafts(id),
  user TEXT NOT NULL,
  signed_at_us INTEGER NOT NULL,
  final_text TEXT NOT NULL
);
)sql");
}

// Version 2: tag corrections get their own table (annotation work queries them directly);
// the corrections already logged as events are copied in.
void migrateToVersion2(SqliteDatabase& database)
{
    database.execute(R"sql(
CREATE TABLE tag_corrections (
  event_id INTEGER PRIMARY KEY REFERENCES edit_events(id),
  draft_id INTEGER NOT NULL REFERENCES drafts(id),
  finding TEXT NOT NULL,
  before_status TEXT NOT NULL,
  after_status TEXT NOT NULL,
  user TEXT NOT NULL,
  timestamp_us INTEGER NOT NULL,
  cause TEXT NOT NULL
);
CREATE INDEX tag_corrections_by_draft ON tag_corrections (draft_id);
INSERT INTO tag_corrections (event_id, draft_id, finding, before_status, after_status, user, timestamp_us, cause)
  SELECT id, draft_id, json_extract(source, '$.finding'), before_text, after_text, user, timestamp_us, cause
  FROM edit_events WHERE kind = 'tag-correction';
)sql");
}

// Version 3: salted hashes of the patient's name and ID tokens, so a de-identified export can
// blank them in typed text without the log ever holding them in clear. Studies opened before
// this version have none (their identifiers were never stored).
void migrateToVersion3(SqliteDatabase& database)
{
    database.execute(R"sql(
CREATE TABLE patient_identifier_hashes (
  study_id INTEGER NOT NULL REFERENCES studies(id),
  token_hash TEXT NOT NULL,
  PRIMARY KEY (study_id, token_hash)
) WITHOUT ROWID;
)sql");
}

using MigrationStep = void (*)(SqliteDatabase&);
// Step i brings version i to i + 1.
constexpr MigrationStep kMigrationSteps[] = {migrateToVersion1, migrateToVersion2, migrateToVersion3};
static_assert(std::size(kMigrationSteps) == kEditLogSchemaVersion, "one migration step per schema version");

} // namespace

int editLogSchemaVersion(SqliteDatabase& database)
{
    return static_cast<int>(database.queryInteger("PRAGMA user_version"));
}

void migrateEditLog(SqliteDatabase& database, int targetVersion)
{
    SqliteTransaction transaction(database);
    const int version = editLogSchemaVersion(database);
    const qint64 applicationId = database.queryInteger("PRAGMA application_id");
    const bool isEmpty = database.queryInteger("SELECT count(*) FROM sqlite_schema") == 0;
    if ((applicationId != 0 && applicationId != kEditLogApplicationId) || (version == 0 && !isEmpty))
        throw EditLogError(EditLogErrorCode::Corrupt, database.path(),
                           QStringLiteral("an SQLite database, but not a RadDraft edit log"));
    if (version > kEditLogSchemaVersion)
        throw EditLogError(EditLogErrorCode::NewerSchema, database.path(),
                           QStringLiteral("the edit log was written by a newer RadDraft (schema version %1; this version reads up to %2)")
                               .arg(version)
                               .arg(kEditLogSchemaVersion));
    if (version >= targetVersion)
        return; // the transaction rolls back: nothing was changed
    for (int step = version; step < targetVersion; ++step)
        kMigrationSteps[step](database);
    database.execute(("PRAGMA application_id=" + std::to_string(kEditLogApplicationId) +
                      "; PRAGMA user_version=" + std::to_string(targetVersion))
                         .c_str());
    transaction.commit();
}

} // namespace raddraft::store
