#pragma once

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonValue>
#include <QString>

// How the Queue window and its Details dialog show queue.list / queue.show values: ages in
// the largest units that matter, ISO 8601 UTC instants in local time, recipient states in the
// admin's language.
class QueueText
{
    Q_DECLARE_TR_FUNCTIONS(QueueText)

public:
    QueueText() = delete;

    // 40 → "40 s", 3700 → "1 h 1 min", 200000 → "2 d 7 h".
    [[nodiscard]] static QString age(qint64 seconds);
    // An ISO 8601 instant as local "yyyy-MM-dd HH:mm:ss"; null or empty → `none`.
    [[nodiscard]] static QString instant(const QJsonValue &iso, const QString &none);
    // "queued" → "waiting", "delivered" → "delivered", "failed" → "failed"; others as given.
    [[nodiscard]] static QString state(const QString &state);
    // "anna@example.test (waiting), bob@example.test (failed)"
    [[nodiscard]] static QString recipients(const QJsonArray &recipients);
    // A message id as the table shows it and as the window remembers the selection.
    [[nodiscard]] static QString id(const QJsonValue &id);
};
