#pragma once

// Runs a short inline Python script on the system interpreter, for checking our output against
// an independent implementation (the email package, quopri). Bounded by a timeout.

#include <QByteArray>
#include <QFile>
#include <QProcess>
#include <QString>

namespace PythonProbe {

inline const QString kInterpreter = QStringLiteral("/usr/bin/python3");

[[nodiscard]] inline bool available()
{
    return QFile::exists(kInterpreter);
}

// The script's standard output; *ok is false if it could not run, timed out or exited non-zero
// (its standard error then goes to the test log).
[[nodiscard]] inline QByteArray run(const QString &script, const QByteArray &input, bool *ok)
{
    QProcess process;
    process.start(kInterpreter, {QStringLiteral("-c"), script});
    *ok = process.waitForStarted(10000);
    if (!*ok)
        return {};
    process.write(input);
    process.closeWriteChannel();
    *ok = process.waitForFinished(30000) && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    if (!*ok) {
        process.kill();
        process.waitForFinished(5000);
        qWarning("python3 failed: %s", process.readAllStandardError().constData());
    }
    return process.readAllStandardOutput();
}

} // namespace PythonProbe
