#pragma once
// Keeps the consistency warnings (ConsistencyChecker) of the report being edited up to date: a
// check runs a short moment after the last change (typing a word checks once, not per key), on
// the UI thread; it costs well under a millisecond (docs/PERFORMANCE.md).

#include "ConsistencyChecker.h"

#include <QObject>
#include <QTimer>

namespace raddraft::report {
class ReportDocument;
}

namespace raddraft::ui {

class ConsistencyMonitor : public QObject {
    Q_OBJECT
public:
    explicit ConsistencyMonitor(QObject* parent = nullptr);
    ~ConsistencyMonitor() override;

    /// Watches `document` (not owned; nullptr: none) and checks it at once.
    void setDocument(const report::ReportDocument* document, double threshold);
    const std::vector<ConsistencyWarning>& warnings() const { return m_warnings; }
    /// Milliseconds from the last change to the check (default 250).
    void setDelay(int milliseconds) { m_timer.setInterval(milliseconds); }
    int delay() const { return m_timer.interval(); }
    /// A check is scheduled and has not run yet.
    bool isPending() const { return m_timer.isActive(); }

public Q_SLOTS:
    /// Checks now (and cancels the scheduled check).
    void checkNow();

Q_SIGNALS:
    /// The warnings differ from the last check's.
    void warningsChanged(const std::vector<raddraft::ui::ConsistencyWarning>& warnings);

private:
    ConsistencyChecker m_checker;
    const report::ReportDocument* m_document = nullptr;
    double m_threshold = 0.5;
    std::vector<ConsistencyWarning> m_warnings;
    QTimer m_timer;
    QMetaObject::Connection m_changes;
    QMetaObject::Connection m_destroyed;
};

} // namespace raddraft::ui
