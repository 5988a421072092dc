#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include "resolver.h"

// A Resolver with answers set by the test, for session tests without any DNS. Immediate mode
// answers on the next event-loop turn, as the real resolver does from its cache; held mode keeps
// every lookup until release(), so a test can send more input while MAIL waits. A name the test
// gave no answer for is NXDOMAIN.
class FakeResolver final : public QObject, public Resolver
{
public:
    enum class Mode { Immediate, Held };

    explicit FakeResolver(Mode mode = Mode::Immediate) : m_mode(mode) {}

    void setAnswer(DnsQueryType type, const QString &name, DnsStatus status);
    void setAnswer(const DnsResult &result);
    void setMode(Mode mode) { m_mode = mode; }

    void lookup(DnsQueryType type, const QString &name, QObject *context, Callback callback) override;

    // Answers every held lookup (through the event loop, like the real one); returns how many.
    int release();
    [[nodiscard]] int held() const { return int(m_held.size()); }
    // "MX remote.example", "PTR 1.0.0.127.in-addr.arpa", ... in the order asked.
    [[nodiscard]] QStringList asked() const { return m_asked; }

private:
    struct Held
    {
        DnsResult result;
        QPointer<QObject> context;
        Callback callback;
    };

    [[nodiscard]] DnsResult answerFor(DnsQueryType type, const QString &name) const;
    static void deliver(const Held &held);

    Mode m_mode;
    QHash<QString, DnsResult> m_answers;
    QList<Held> m_held;
    QStringList m_asked;
};
