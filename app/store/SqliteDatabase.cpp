#include "store/SqliteDatabase.h"

#include <QFileInfo>

#include <sqlite3.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace raddraft::store {

namespace {

/// Creates the file with mode 0600 before SQLite sees it: SQLite would create it with the umask's
/// mode (usually 0644), and gives its -wal and -shm files the main file's mode.
void createPrivateFile(const QString& path)
{
    const QByteArray native = QFile::encodeName(path);
    const int descriptor = ::open(native.constData(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (descriptor < 0) {
        if (errno == EEXIST)
            return; // created in between by someone else: open it as it is
        throw EditLogError(EditLogErrorCode::Io, path,
                           QStringLiteral("cannot create the database file (%1)").arg(QString::fromLocal8Bit(std::strerror(errno))));
    }
    ::close(descriptor);
}

QString firstWords(const char* sql)
{
    QString text = QString::fromUtf8(sql).simplified();
    if (text.size() > 60)
        text = text.left(57) + QStringLiteral("...");
    return text;
}

} // namespace

SqliteDatabase::SqliteDatabase(const QString& path, const OpenOptions& options) : m_path(path)
{
    if (!QFileInfo::exists(path)) {
        if (!options.createIfMissing)
            throw EditLogError(EditLogErrorCode::Io, path, QStringLiteral("the database file does not exist"));
        createPrivateFile(path);
    }
    const int opened = sqlite3_open_v2(QFile::encodeName(path).constData(), &m_handle,
                                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (opened != SQLITE_OK) {
        // The handle exists even on failure (it carries the message); fail() reads it, then we close.
        try {
            fail(opened, QStringLiteral("opening the database"));
        } catch (...) {
            sqlite3_close_v2(m_handle);
            m_handle = nullptr;
            throw;
        }
    }
    try {
        sqlite3_busy_timeout(m_handle, options.busyTimeoutMilliseconds);
        // WAL: readers never block the writer and a commit is one append; synchronous=NORMAL syncs
        // only at checkpoints, so a crash of the program loses nothing committed (a power cut may
        // lose the last transactions, never consistency).
        const QString journal = queryText("PRAGMA journal_mode=WAL");
        if (journal.compare(QStringLiteral("wal"), Qt::CaseInsensitive) != 0)
            throw EditLogError(EditLogErrorCode::Io, path,
                               QStringLiteral("cannot switch the database to write-ahead logging (journal mode stays '%1')").arg(journal));
        execute("PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;");
    } catch (...) {
        sqlite3_close_v2(m_handle);
        m_handle = nullptr;
        throw;
    }
}

SqliteDatabase::~SqliteDatabase()
{
    if (m_handle)
        sqlite3_close_v2(m_handle); // v2: finalises lazily if a statement were still alive
}

void SqliteDatabase::execute(const char* sql)
{
    const int result = sqlite3_exec(m_handle, sql, nullptr, nullptr, nullptr);
    if (result != SQLITE_OK)
        fail(result, QStringLiteral("running \"%1\"").arg(firstWords(sql)));
}

SqliteStatement SqliteDatabase::prepare(const char* sql)
{
    sqlite3_stmt* statement = nullptr;
    const int result = sqlite3_prepare_v2(m_handle, sql, -1, &statement, nullptr);
    if (result != SQLITE_OK)
        fail(result, QStringLiteral("preparing \"%1\"").arg(firstWords(sql)));
    return SqliteStatement(*this, statement, sql);
}

qint64 SqliteDatabase::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_handle);
}

qint64 SqliteDatabase::queryInteger(const char* sql)
{
    SqliteStatement statement = prepare(sql);
    return statement.step() ? statement.integer(0) : 0;
}

QString SqliteDatabase::queryText(const char* sql)
{
    SqliteStatement statement = prepare(sql);
    return statement.step() ? statement.text(0) : QString();
}

void SqliteDatabase::fail(int code, const QString& context) const
{
    const QString detail = m_handle ? QString::fromUtf8(sqlite3_errmsg(m_handle)) : QString::fromUtf8(sqlite3_errstr(code));
    const int systemError = m_handle ? sqlite3_system_errno(m_handle) : 0;
    const QString system = systemError ? QString::fromLocal8Bit(std::strerror(systemError)) : detail;
    switch (code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        throw EditLogError(EditLogErrorCode::Locked, m_path,
                           QStringLiteral("the database is locked by another program or connection (%1, while %2); "
                                          "close the other program or choose another edit log file")
                               .arg(detail, context));
    case SQLITE_NOTADB:
        throw EditLogError(EditLogErrorCode::Corrupt, m_path,
                           QStringLiteral("not an SQLite database: the file is damaged or is another kind of file (while %1)").arg(context));
    case SQLITE_CORRUPT:
        throw EditLogError(EditLogErrorCode::Corrupt, m_path,
                           QStringLiteral("the database is damaged (%1, while %2)").arg(detail, context));
    case SQLITE_FULL:
        throw EditLogError(EditLogErrorCode::Io, m_path, QStringLiteral("the disk is full (while %1)").arg(context));
    case SQLITE_READONLY:
        throw EditLogError(EditLogErrorCode::Io, m_path,
                           QStringLiteral("the database cannot be written (%1, while %2)").arg(detail, context));
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
        throw EditLogError(EditLogErrorCode::Io, m_path, QStringLiteral("cannot open the file (%1, while %2)").arg(system, context));
    case SQLITE_IOERR:
        throw EditLogError(EditLogErrorCode::Io, m_path,
                           QStringLiteral("input/output error (%1: %2, while %3)").arg(detail, system, context));
    case SQLITE_CONSTRAINT:
        throw EditLogError(EditLogErrorCode::InvalidData, m_path,
                           QStringLiteral("a consistency rule of the edit log failed (%1, while %2)").arg(detail, context));
    default:
        throw EditLogError(EditLogErrorCode::Io, m_path, QStringLiteral("SQLite error: %1 (while %2)").arg(detail, context));
    }
}

SqliteStatement::SqliteStatement(const SqliteDatabase& database, sqlite3_stmt* statement, const char* sql)
    : m_database(&database), m_statement(statement), m_sql(sql)
{
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_statement); // accepts nullptr (a moved-from statement)
}

SqliteStatement::SqliteStatement(SqliteStatement&& other) noexcept
    : m_database(other.m_database), m_statement(other.m_statement), m_sql(other.m_sql)
{
    other.m_statement = nullptr;
}

SqliteStatement& SqliteStatement::bind(int index, qint64 value)
{
    const int result = sqlite3_bind_int64(m_statement, index, value);
    if (result != SQLITE_OK)
        m_database->fail(result, QStringLiteral("binding parameter %1 of \"%2\"").arg(index).arg(firstWords(m_sql)));
    return *this;
}

SqliteStatement& SqliteStatement::bind(int index, const QString& value)
{
    const QByteArray utf8 = value.toUtf8();
    const int result = sqlite3_bind_text64(m_statement, index, utf8.constData(), sqlite3_uint64(utf8.size()), SQLITE_TRANSIENT, SQLITE_UTF8);
    if (result != SQLITE_OK)
        m_database->fail(result, QStringLiteral("binding parameter %1 of \"%2\"").arg(index).arg(firstWords(m_sql)));
    return *this;
}

bool SqliteStatement::step()
{
    const int result = sqlite3_step(m_statement);
    if (result == SQLITE_ROW)
        return true;
    if (result == SQLITE_DONE)
        return false;
    sqlite3_reset(m_statement);
    m_database->fail(result, QStringLiteral("running \"%1\"").arg(firstWords(m_sql)));
}

void SqliteStatement::run()
{
    while (step()) {
    }
    reset();
}

void SqliteStatement::reset()
{
    sqlite3_reset(m_statement);
}

qint64 SqliteStatement::integer(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

QString SqliteStatement::text(int column) const
{
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(m_statement, column));
    return QString::fromUtf8(data, sqlite3_column_bytes(m_statement, column));
}

bool SqliteStatement::isNull(int column) const
{
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

SqliteTransaction::SqliteTransaction(SqliteDatabase& database) : m_database(database)
{
    m_database.execute("BEGIN IMMEDIATE");
}

SqliteTransaction::~SqliteTransaction()
{
    if (!m_open)
        return;
    try {
        m_database.execute("ROLLBACK");
    } catch (const EditLogError&) {
        // Nothing more to do: SQLite rolls back on its own when a statement fails in a way that
        // ends the transaction, and a destructor must not throw.
    }
}

void SqliteTransaction::commit()
{
    m_database.execute("COMMIT");
    m_open = false;
}

} // namespace raddraft::store
