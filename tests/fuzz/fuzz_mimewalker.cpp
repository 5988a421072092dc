// libFuzzer target for the MIME scan: the walker, header decoding, filters and patterns.
// The first input byte picks the block size, so splits inside lines and escapes are explored too.

#include <cstddef>
#include <cstdint>

#include <QByteArrayView>

#include "attachmentpattern.h"
#include "messagescanner.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const qsizetype block = qsizetype(data[0]) * 37 + 1;
    const QByteArrayView message(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));

    MessageScanner scanner({ContentFilter(QStringLiteral("viagra")), ContentFilter(QStringLiteral("Grüße"), ContentFilter::Scope::Subject),
                            ContentFilter(QStringLiteral("x-spam"), ContentFilter::Scope::Headers)},
                           8);
    for (qsizetype i = 0; i < message.size(); i += block)
        scanner.feed(message.sliced(i, std::min(block, message.size() - i)));
    scanner.finish();

    static const AttachmentPattern patterns[] = {AttachmentPattern(QStringLiteral(".E?E")), AttachmentPattern(QStringLiteral("*a*b*.js"))};
    for (const QString &name : scanner.attachmentNames()) {
        for (const AttachmentPattern &pattern : patterns)
            (void)pattern.matches(name);
    }
    return 0;
}
