#pragma once

#include "mimewalker.h"
#include "policydecision.h"

class FilterListSnapshot;
class QIODevice;

// Security rules 4 (Filters) and 5 (Attachment Filters) at the end of DATA: one pass of
// MessageScanner over the message as the client sent it, then a decision. Pure: the same
// snapshot and bytes always give the same decision; the caller logs it and answers the client.
class MessageContentCheck
{
public:
    static constexpr char kFiltersRule[] = "Filters";
    static constexpr char kAttachmentRule[] = "Attachment Filters";
    // Longest file name quoted back to the client; the log keeps the whole name.
    static constexpr qsizetype kMaxReplyName = 80;

    // `message` is read from its current position to the end. An empty snapshot accepts without
    // reading a byte. Order: a forbidden attachment, then a message too deep to scan, then a
    // reject filter, then a discard filter; the first that applies decides.
    [[nodiscard]] static PolicyDecision check(const FilterListSnapshot &filters, QIODevice &message,
                                              int maxDepth = MimeWalker::kDefaultMaxDepth);

    // The name as it may appear in a reply line: printable ASCII, others as '?', shortened.
    [[nodiscard]] static QString replySafeName(const QString &name);
};
