#pragma once
// Runs raddraft-cli (path from the RADDRAFT_CLI compile definition) as a user would and keeps what
// it printed, for the command-line tests.

#include <QProcess>
#include <QString>
#include <QStringList>

struct CliRun {
    int exitCode = -1; ///< -1 when the process did not finish in time
    QString out;
    QString err;
};

inline CliRun runCli(const QStringList& arguments, int timeoutMilliseconds = 180000)
{
    QProcess process;
    process.start(QStringLiteral(RADDRAFT_CLI), arguments);
    CliRun run;
    if (!process.waitForFinished(timeoutMilliseconds))
        return run;
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}
