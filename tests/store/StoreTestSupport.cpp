#include "StoreTestSupport.h"

#include "ReportTestSupport.h"

#include <QFile>

#include <sqlite3.h>
#include <sys/stat.h>

namespace raddraft::store::testing {

RawConnection::RawConnection(const QString& path)
{
    sqlite3_open_v2(QFile::encodeName(path).constData(), &m_handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    sqlite3_busy_timeout(m_handle, 2000);
}

RawConnection::~RawConnection()
{
    sqlite3_close_v2(m_handle);
}

int RawConnection::execute(const QString& sql)
{
    return sqlite3_exec(m_handle, sql.toUtf8().constData(), nullptr, nullptr, nullptr);
}

QVariant RawConnection::value(const QString& sql)
{
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(m_handle, sql.toUtf8().constData(), -1, &statement, nullptr) != SQLITE_OK)
        return {};
    QVariant result;
    if (sqlite3_step(statement) == SQLITE_ROW) {
        if (sqlite3_column_type(statement, 0) == SQLITE_INTEGER)
            result = qint64(sqlite3_column_int64(statement, 0));
        else if (sqlite3_column_type(statement, 0) != SQLITE_NULL)
            result = QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(statement, 0)));
    }
    sqlite3_finalize(statement);
    return result;
}

unsigned fileMode(const QString& path)
{
    struct stat status {};
    if (::stat(QFile::encodeName(path).constData(), &status) != 0)
        return 0;
    return status.st_mode & 07777;
}

EditedDraft openEditedDraft(const QString& path, const EditLogOptions& options, const QString& studyUid)
{
    EditedDraft edited;
    edited.log = EditLog::open(path, options);
    const inference::Draft draft = report::testing::sampleDraft();
    const report::ReportContent initial = report::reportContentFromDraft(draft);
    edited.draftId = edited.log->addDraft(studyUid, draft, initial, QStringLiteral("Dr Ada"));
    edited.document = std::make_unique<report::ReportDocument>(initial);
    edited.document->setUser(QStringLiteral("Dr Ada"));
    edited.log->attach(*edited.document, edited.draftId);
    return edited;
}

} // namespace raddraft::store::testing
