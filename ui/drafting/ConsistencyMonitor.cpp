#include "ConsistencyMonitor.h"

#include "report/ReportDocument.h"

namespace raddraft::ui {

ConsistencyMonitor::ConsistencyMonitor(QObject* parent) : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(250);
    connect(&m_timer, &QTimer::timeout, this, &ConsistencyMonitor::checkNow);
}

ConsistencyMonitor::~ConsistencyMonitor() = default;

void ConsistencyMonitor::setDocument(const report::ReportDocument* document, double threshold)
{
    disconnect(m_changes);
    disconnect(m_destroyed);
    m_document = document;
    m_threshold = threshold;
    if (m_document) {
        // historyChanged comes last after every operation, undo and redo included.
        m_changes = connect(m_document, &report::ReportDocument::historyChanged, this, [this] { m_timer.start(); });
        m_destroyed = connect(m_document, &QObject::destroyed, this, [this] { setDocument(nullptr, m_threshold); });
    }
    checkNow();
}

void ConsistencyMonitor::checkNow()
{
    m_timer.stop();
    std::vector<ConsistencyWarning> warnings = m_document ? m_checker.check(m_document->content(), m_threshold)
                                                          : std::vector<ConsistencyWarning>{};
    if (warnings == m_warnings)
        return;
    m_warnings = std::move(warnings);
    Q_EMIT warningsChanged(m_warnings);
}

} // namespace raddraft::ui
