#pragma once

#include "entrychanges.h"

#include <QObject>

class EngineLink;

// Sends AdminSteps to the engine one after the other, each after the previous one's reply, and
// stops at the first refusal (after sending its undo request, if it has one).
class AdminChain : public QObject
{
    Q_OBJECT

public:
    AdminChain(EngineLink &engine, QObject *parent);

    void run(const QList<AdminStep> &steps);
    [[nodiscard]] bool isRunning() const { return m_running; }

Q_SIGNALS:
    // ok: every step was accepted; message: the refusal in the engine's words, else empty.
    void finished(bool ok, const QString &message);

private:
    void next();
    void fail(const QString &message);

    EngineLink &m_engine;
    QList<AdminStep> m_steps;
    bool m_running = false;
};
