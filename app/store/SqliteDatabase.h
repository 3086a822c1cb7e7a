#pragma once
// RAII wrappers for SQLite's C API (connection, prepared statement, transaction). Every SQLite
// failure becomes an EditLogError naming the database file, with the result code translated
// into a reason (locked, not a database, damaged, disk full, ...).

#include "store/EditLogError.h"

#include <QByteArray>
#include <QString>
#include <QtGlobal>

#include <memory>

struct sqlite3;
struct sqlite3_stmt;

namespace raddraft::store {

class SqliteStatement;

class SqliteDatabase {
public:
    struct OpenOptions {
        bool createIfMissing = true;       ///< create the file (mode 0600) when it does not exist
        int busyTimeoutMilliseconds = 2000; ///< how long a statement waits for another connection's lock
    };

    /// Opens (or creates, mode 0600) the database file and sets the connection up: WAL journal,
    /// synchronous=NORMAL, foreign keys, busy timeout. Throws EditLogError.
    SqliteDatabase(const QString& path, const OpenOptions& options);
    ~SqliteDatabase();
    SqliteDatabase(const SqliteDatabase&) = delete;
    SqliteDatabase& operator=(const SqliteDatabase&) = delete;

    const QString& path() const { return m_path; }
    /// Runs one or more statements that return no rows.
    void execute(const char* sql);
    SqliteStatement prepare(const char* sql);
    qint64 lastInsertRowId() const;
    /// The first column of the first row of a query (e.g. a PRAGMA), as integer / text.
    qint64 queryInteger(const char* sql);
    QString queryText(const char* sql);

    /// Throws the EditLogError for SQLite result `code`; `context` says what was being done.
    [[noreturn]] void fail(int code, const QString& context) const;

private:
    QString m_path;
    sqlite3* m_handle = nullptr;
};

/// A prepared statement. Bind indices start at 1, column indices at 0.
class SqliteStatement {
public:
    SqliteStatement(const SqliteDatabase& database, sqlite3_stmt* statement, const char* sql);
    ~SqliteStatement();
    SqliteStatement(SqliteStatement&& other) noexcept;
    SqliteStatement& operator=(SqliteStatement&&) = delete;
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;

    SqliteStatement& bind(int index, qint64 value);
    SqliteStatement& bind(int index, const QString& value);
    /// Advances: true while a row is available, false when done. Throws EditLogError.
    bool step();
    /// Runs a statement that returns no rows, then resets it for the next use.
    void run();
    /// Makes the statement ready to run again (bindings are kept until rebound).
    void reset();

    qint64 integer(int column) const;
    QString text(int column) const;
    bool isNull(int column) const;

private:
    const SqliteDatabase* m_database;
    sqlite3_stmt* m_statement;
    const char* m_sql;
};

/// BEGIN IMMEDIATE on construction (takes the write lock now, so a lock conflict shows up here),
/// ROLLBACK on destruction unless commit() was called.
class SqliteTransaction {
public:
    explicit SqliteTransaction(SqliteDatabase& database);
    ~SqliteTransaction();
    SqliteTransaction(const SqliteTransaction&) = delete;
    SqliteTransaction& operator=(const SqliteTransaction&) = delete;
    void commit();

private:
    SqliteDatabase& m_database;
    bool m_open = true;
};

} // namespace raddraft::store
