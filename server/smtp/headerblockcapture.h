#pragma once

#include <QByteArray>
#include <QByteArrayView>

// Keeps the top-level header block of a message as it streams past, so end-of-data rules can read
// its fields without reading the stored file back: everything before the first empty line, up to
// a limit (a header block longer than that is kept cut short; nothing beyond it is needed).
class HeaderBlockCapture
{
public:
    static constexpr qsizetype kDefaultLimit = 256 * 1024;

    explicit HeaderBlockCapture(qsizetype limit = kDefaultLimit);

    void feed(QByteArrayView bytes);
    void clear();
    // The header lines without the empty line that ends them (all of it if none came yet).
    [[nodiscard]] const QByteArray &block() const { return m_block; }
    [[nodiscard]] bool isComplete() const { return m_complete; }

private:
    qsizetype m_limit;
    QByteArray m_block;
    bool m_complete = false;
};
