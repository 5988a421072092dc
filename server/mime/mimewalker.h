#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include "transferdecoder.h"

class MimeVisitor;
class QIODevice;

// Walks every part of a message fed in blocks (nested multiparts, attached messages) and hands
// headers and decoded bodies to a MimeVisitor. Memory stays bounded: one pending line (cut into
// fragments past kMaxLine) and one part's header block. Malformed input is tolerated; what cannot
// be walked safely (too deep, header too large, too many parts) makes the message unscannable.
class MimeWalker
{
public:
    static constexpr int kDefaultMaxDepth = 20;
    static constexpr qsizetype kMaxLine = 64 * 1024;
    static constexpr qsizetype kMaxHeaderBlock = 1024 * 1024;
    static constexpr int kMaxParts = 10000;
    static constexpr qsizetype kMaxBoundary = 256;

    explicit MimeWalker(MimeVisitor &visitor, int maxDepth = kDefaultMaxDepth);

    void feed(QByteArrayView bytes);
    // End of input: closes whatever is open (a missing final boundary is tolerated).
    void finish();
    // Reads the device to its end in blocks, then finishes. False if unscannable or unreadable.
    bool walk(QIODevice &device);

    [[nodiscard]] bool isUnscannable() const { return !m_unscannableReason.isEmpty(); }
    [[nodiscard]] QString unscannableReason() const { return m_unscannableReason; }
    [[nodiscard]] int partCount() const { return m_partCount; }
    // True when input ended inside a multipart whose close delimiter never came.
    [[nodiscard]] bool missedFinalBoundary() const { return m_missedFinalBoundary; }

private:
    enum class Mode { Header, Body, Skip };
    struct Frame
    {
        QByteArray boundary; // empty for an attached message
        int depth = 0;
        bool digest = false;
    };

    void processLine(QByteArrayView line, bool atLineStart);
    [[nodiscard]] int matchBoundary(QByteArrayView content, bool *closing) const;
    void handleBoundary(int frame, bool closing);
    void endOfHeader();
    void endLeaf();
    void beginHeader(int depth, bool digest);
    void markUnscannable(const QString &reason);

    MimeVisitor &m_visitor;
    int m_maxDepth;
    QByteArray m_pending;
    bool m_midLine = false;
    Mode m_mode = Mode::Header;
    QByteArray m_headerBlock;
    int m_partDepth = 0;
    bool m_digestChild = false;
    QList<Frame> m_frames;
    bool m_inLeaf = false;
    TransferDecoder m_decoder;
    QByteArray m_decoded;
    int m_partCount = 0;
    bool m_finished = false;
    bool m_missedFinalBoundary = false;
    QString m_unscannableReason;
};
