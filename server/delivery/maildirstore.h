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

    // targets.mailboxes are canonical addresses; a repeated one is delivered to once.
    // targets.outbound is not looked at: this store keeps local mail only (OutboundMessageStore
    // wraps it for the queue).
    [[nodiscard]] std::unique_ptr<MessageWriter> begin(const MessageTargets &targets, QString *error) override;

    // The distinct Maildir paths of these mailboxes, each created if missing. False with *error
    // for an address that is not a mailbox or a mailbox that cannot be made.
    [[nodiscard]] bool preparePaths(const QStringList &mailboxes, QStringList *paths, QString *error) const;

    [[nodiscard]] const MaildirLayout &layout() const { return m_layout; }

    // 12 upper-case hex digits; never repeats within a process and, thanks to a random and
    // time-derived start, practically never across restarts. Thread-safe.
    [[nodiscard]] static QString newQueueId();

private:
    const MaildirLayout m_layout;
};
