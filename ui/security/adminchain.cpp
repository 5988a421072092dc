#include "adminchain.h"

#include "enginelink.h"

AdminChain::AdminChain(EngineLink &engine, QObject *parent) : QObject(parent), m_engine(engine) {}

void AdminChain::run(const QList<AdminStep> &steps)
{
    m_steps = steps;
    m_running = true;
    next();
}

void AdminChain::next()
{
    if (m_steps.isEmpty()) {
        m_running = false;
        Q_EMIT finished(true, {});
        return;
    }
    const AdminStep step = m_steps.takeFirst();
    m_engine.call(step.request, this, [this, step](const AdminReply &reply) {
        if (reply.ok()) {
            next();
        } else if (step.undo) {
            m_engine.call(*step.undo, this, [this, message = reply.message](const AdminReply &) { fail(message); });
        } else {
            fail(reply.message);
        }
    });
}

void AdminChain::fail(const QString &message)
{
    m_steps.clear();
    m_running = false;
    Q_EMIT finished(false, message);
}
