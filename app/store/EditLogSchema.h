#pragma once
// The edit log's schema and its migrations. The version lives in PRAGMA user_version; each step
// from version N-1 to N is code in EditLogSchema.cpp and runs inside one transaction with the
// version update, so a database is always at exactly one version. docs/EDIT_LOG.md lists them.

namespace raddraft::store {

class SqliteDatabase;

/// The version this build writes. Version 1: studies, drafts, sentences, edit_events, sign_offs
/// and the identifier salt; 2: tag_corrections (filled from existing events); 3: hashed patient
/// identifier tokens for de-identified exports.
constexpr int kEditLogSchemaVersion = 3;

/// PRAGMA application_id of an edit log ("RDEL"), so another program's SQLite file is recognised.
constexpr int kEditLogApplicationId = 0x5244454C;

/// Brings the database to `targetVersion` (default: this build's). A new, empty file is created
/// at that version. Throws EditLogError: NewerSchema for a database above this build's version,
/// Corrupt for an SQLite file that is not an edit log, Locked when the write lock is not free.
void migrateEditLog(SqliteDatabase& database, int targetVersion = kEditLogSchemaVersion);

/// PRAGMA user_version of the database.
int editLogSchemaVersion(SqliteDatabase& database);

} // namespace raddraft::store
