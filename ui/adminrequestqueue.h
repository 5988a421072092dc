#pragma once

#include "adminrequest.h"

#include <QList>
#include <QObject>

#include <optional>

class EngineLink;

// Sends admin requests one after another and stops at the first refusal: a dialog stages the
// admin's changes and OK/Apply sends them in the order they were made. Each step carries a tag
// (the first-run wizard's page) so a refusal can be shown where it belongs, and may carry an undo
// request, sent when the step is refused (a list edit puts back what it removed first).
class AdminRequestQueue : public QObject
{
    Q_OBJECT

public:
    explicit AdminRequestQueue(EngineLink &engine, QObject *parent = nullptr);

    void add(const AdminRequest &request, int tag = 0, std::optional<AdminRequest> undo = std::nullopt);
    void clear();
    [[nodiscard]] bool isEmpty() const { return m_steps.isEmpty(); }
    [[nodiscard]] bool isRunning() const { return m_running; }
    [[nodiscard]] qsizetype size() const { return m_steps.size(); }

    // Sends the steps; each accepted one leaves the queue. Ends with finished() or failed().
    void run();

Q_SIGNALS:
    void stepDone(int tag, const AdminReply &reply);
    void finished();
    // The refused step and those after it stay queued, unsent; a refused step's undo was sent
    // (and answered) first.
    void failed(int tag, const AdminReply &reply);

private:
    struct Step
    {
        AdminRequest request;
        int tag = 0;
        std::optional<AdminRequest> undo;
    };
    void sendNext();

    EngineLink &m_engine;
    QList<Step> m_steps;
    bool m_running = false;
};
