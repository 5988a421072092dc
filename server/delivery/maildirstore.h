#pragma once

#include <memory>

#include "maildirlayout.h"
#include "messagestore.h"

// The MessageStore for local Maildir mailboxes: creates each mailbox on first use and hands out
// a MaildirWriter per message. Holds no mutable state, so worker threads share one instance.
class MaildirStore : public MessageStore
{
public:
    explicit MaildirStore(MaildirLayout layout);

    // Mailboxes are canonical addresses; a repeated one is delivered to once.
    [[nodiscard]] std::unique_ptr<MessageWriter> begin(const QStringList &mailboxes, QString *error) override;

    [[nodiscard]] const MaildirLayout &layout() const { return m_layout; }

    // 12 upper-case hex digits; never repeats within a process and, thanks to a random and
    // time-derived start, practically never across restarts. Thread-safe.
    [[nodiscard]] static QString newQueueId();

private:
    const MaildirLayout m_layout;
};
