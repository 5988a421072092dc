#include "adminrequestqueue.h"

#include "enginelink.h"

AdminRequestQueue::AdminRequestQueue(EngineLink &engine, QObject *parent) : QObject(parent), m_engine(engine)
{
}

void AdminRequestQueue::add(const AdminRequest &request, int tag, std::optional<AdminRequest> undo)
{
    m_steps.append(Step{request, tag, std::move(undo)});
}

void AdminRequestQueue::clear()
{
    // A reply still on its way finds the queue empty and is dropped with the rest.
    m_steps.clear();
    m_running = false;
}

void AdminRequestQueue::run()
{
    if (m_running)
        return;
    m_running = true;
    sendNext();
}

void AdminRequestQueue::sendNext()
{
    if (m_steps.isEmpty()) {
        m_running = false;
        Q_EMIT finished();
        return;
    }
    const Step step = m_steps.constFirst();
    m_engine.call(step.request, this, [this, step](const AdminReply &reply) {
        if (!m_running || m_steps.isEmpty())
            return;
        if (!reply.ok()) {
            if (!step.undo) {
                m_running = false;
                Q_EMIT failed(step.tag, reply);
                return;
            }
            m_engine.call(*step.undo, this, [this, step, reply](const AdminReply &) {
                m_running = false;
                Q_EMIT failed(step.tag, reply);
            });
            return;
        }
        m_steps.removeFirst();
        Q_EMIT stepDone(step.tag, reply);
        sendNext();
    });
}
