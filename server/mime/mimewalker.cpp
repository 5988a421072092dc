#include "mimewalker.h"

#include <QIODevice>

#include "mimepart.h"
#include "mimevisitor.h"

namespace {

QByteArrayView withoutLineEnd(QByteArrayView line)
{
    if (line.endsWith('\n'))
        line.chop(1);
    if (line.endsWith('\r'))
        line.chop(1);
    return line;
}

bool isBlank(QByteArrayView text)
{
    for (const char c : text) {
        if (c != ' ' && c != '\t')
            return false;
    }
    return true;
}

} // namespace

MimeWalker::MimeWalker(MimeVisitor &visitor, int maxDepth)
    : m_visitor(visitor)
    , m_maxDepth(maxDepth)
{
}

void MimeWalker::feed(QByteArrayView bytes)
{
    if (isUnscannable() || m_finished)
        return;
    m_pending.append(bytes);
    qsizetype start = 0;
    while (!isUnscannable()) {
        const qsizetype newline = m_pending.indexOf('\n', start);
        if (newline < 0) {
            if (m_pending.size() - start >= kMaxLine) {
                // A line longer than any boundary or header we accept: pass it on in fragments.
                processLine(QByteArrayView(m_pending).sliced(start), !m_midLine);
                m_midLine = true;
                start = m_pending.size();
            }
            break;
        }
        processLine(QByteArrayView(m_pending).sliced(start, newline + 1 - start), !m_midLine);
        m_midLine = false;
        start = newline + 1;
    }
    m_pending.remove(0, start);
    if (isUnscannable())
        m_pending.clear();
}

void MimeWalker::finish()
{
    if (m_finished)
        return;
    if (!m_pending.isEmpty() && !isUnscannable())
        processLine(m_pending, !m_midLine);
    m_pending.clear();
    m_finished = true;
    if (isUnscannable())
        return;
    if (m_mode == Mode::Header && !m_headerBlock.isEmpty())
        endOfHeader(); // a header without a body
    endLeaf();
    for (const Frame &frame : std::as_const(m_frames)) {
        if (!frame.boundary.isEmpty())
            m_missedFinalBoundary = true;
    }
    m_frames.clear();
}

bool MimeWalker::walk(QIODevice &device)
{
    QByteArray block(64 * 1024, Qt::Uninitialized);
    bool readError = false;
    while (!isUnscannable()) {
        const qint64 n = device.read(block.data(), block.size());
        if (n < 0)
            readError = true;
        if (n <= 0)
            break;
        feed(QByteArrayView(block.constData(), n));
    }
    finish();
    return !readError && !isUnscannable();
}

void MimeWalker::processLine(QByteArrayView line, bool atLineStart)
{
    const QByteArrayView content = withoutLineEnd(line);
    if (atLineStart && content.startsWith("--")) {
        bool closing = false;
        const int frame = matchBoundary(content, &closing);
        if (frame >= 0) {
            handleBoundary(frame, closing);
            return;
        }
    }
    switch (m_mode) {
    case Mode::Header:
        if (atLineStart && content.isEmpty() && line.endsWith('\n')) {
            endOfHeader();
        } else if (m_headerBlock.size() + line.size() > kMaxHeaderBlock) {
            markUnscannable(QStringLiteral("a header block is larger than %1 bytes").arg(kMaxHeaderBlock));
        } else {
            m_headerBlock.append(line);
        }
        return;
    case Mode::Body:
        m_decoded.clear();
        m_decoder.decode(line, m_decoded);
        if (!m_decoded.isEmpty())
            m_visitor.bodyData(m_decoded);
        return;
    case Mode::Skip:
        return;
    }
}

int MimeWalker::matchBoundary(QByteArrayView content, bool *closing) const
{
    const QByteArrayView rest = content.sliced(2);
    // Innermost first; an outer boundary also ends every part it encloses.
    for (qsizetype i = m_frames.size() - 1; i >= 0; --i) {
        const QByteArray &boundary = m_frames[i].boundary;
        if (boundary.isEmpty() || !rest.startsWith(boundary))
            continue;
        const QByteArrayView after = rest.sliced(boundary.size());
        if (after.startsWith("--")) {
            *closing = true;
            return int(i);
        }
        if (isBlank(after)) {
            *closing = false;
            return int(i);
        }
    }
    return -1;
}

void MimeWalker::handleBoundary(int frame, bool closing)
{
    if (m_mode == Mode::Header && !m_headerBlock.isEmpty())
        endOfHeader(); // a part whose header the boundary cut short still shows its names
    endLeaf();
    if (isUnscannable())
        return;
    m_frames.resize(frame + 1);
    if (closing) {
        m_frames.removeLast();
        m_mode = Mode::Skip; // the epilogue, up to an outer boundary
        return;
    }
    beginHeader(m_frames[frame].depth + 1, m_frames[frame].digest);
}

void MimeWalker::beginHeader(int depth, bool digest)
{
    m_headerBlock.clear();
    m_partDepth = depth;
    m_digestChild = digest;
    m_mode = Mode::Header;
    if (depth > m_maxDepth)
        markUnscannable(QStringLiteral("MIME parts are nested deeper than %1 levels").arg(m_maxDepth));
}

void MimeWalker::endOfHeader()
{
    const MimePart part(MimeHeader::parse(m_headerBlock), m_partDepth,
                        m_digestChild ? "message/rfc822" : "text/plain");
    m_headerBlock.clear();
    if (++m_partCount > kMaxParts) {
        markUnscannable(QStringLiteral("the message has more than %1 MIME parts").arg(kMaxParts));
        return;
    }
    m_visitor.partStarted(part);
    const QByteArray boundary = part.boundary();
    if (part.isMultipart() && !boundary.isEmpty() && boundary.size() <= kMaxBoundary) {
        m_frames.append({boundary, m_partDepth, part.contentType() == "multipart/digest"});
        m_mode = Mode::Skip; // the preamble
        return;
    }
    if (part.isAttachedMessage() && part.transferEncoding() == TransferDecoder::Encoding::Identity) {
        m_frames.append({QByteArray(), m_partDepth, false});
        beginHeader(m_partDepth + 1, false);
        return;
    }
    m_decoder = TransferDecoder(part.transferEncoding());
    m_inLeaf = true;
    m_mode = Mode::Body;
}

void MimeWalker::endLeaf()
{
    if (!m_inLeaf)
        return;
    m_decoded.clear();
    m_decoder.finish(m_decoded);
    if (!m_decoded.isEmpty())
        m_visitor.bodyData(m_decoded);
    m_visitor.bodyFinished();
    m_inLeaf = false;
    m_mode = Mode::Skip;
}

void MimeWalker::markUnscannable(const QString &reason)
{
    if (m_unscannableReason.isEmpty())
        m_unscannableReason = reason;
    m_mode = Mode::Skip;
}
