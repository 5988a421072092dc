#include "messagescanner.h"

#include <QIODevice>
#include <QRegularExpression>

#include "charsetconverter.h"
#include "htmltext.h"
#include "mimepart.h"

MessageScanner::MessageScanner(QList<ContentFilter> filters, int maxDepth)
    : m_matcher(std::move(filters))
    , m_walker(*this, maxDepth)
{
}

bool MessageScanner::scan(QIODevice &device)
{
    return m_walker.walk(device);
}

void MessageScanner::feed(QByteArrayView bytes)
{
    m_walker.feed(bytes);
}

void MessageScanner::finish()
{
    m_walker.finish();
}

void MessageScanner::partStarted(const MimePart &part)
{
    for (const QString &name : part.fileNames())
        addName(name);
    if (part.depth() == 0) {
        m_subject = part.header().decodedValue("Subject");
        m_matcher.beginSegment(ContentFilter::Scope::Subject);
        feedMatcher(m_subject);
        m_matcher.endSegment();
        m_matcher.beginSegment(ContentFilter::Scope::Headers);
        feedMatcher(part.header().decodedText());
        m_matcher.endSegment();
    }
    m_collecting = part.isText() && !part.isMultipart();
    m_html = part.isHtml();
    m_charset = part.charset();
    m_text.clear();
    if (m_collecting)
        m_matcher.beginSegment(ContentFilter::Scope::Body);
}

void MessageScanner::bodyData(QByteArrayView decoded)
{
    if (!m_collecting)
        return;
    m_text.append(decoded);
    if (m_text.size() >= kTextSlice) {
        // Cut at a line end so that no multi-byte character or short tag is split.
        const qsizetype newline = m_text.lastIndexOf('\n');
        matchText(newline > 0 ? newline + 1 : m_text.size());
    }
}

void MessageScanner::bodyFinished()
{
    if (!m_collecting)
        return;
    matchText(m_text.size());
    m_matcher.endSegment();
    m_collecting = false;
}

void MessageScanner::addName(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (!trimmed.isEmpty() && !m_attachmentNames.contains(trimmed))
        m_attachmentNames.append(trimmed);
}

void MessageScanner::matchText(qsizetype upTo)
{
    const QString text = CharsetConverter::toUnicode(QByteArrayView(m_text).first(upTo), m_charset);
    m_text.remove(0, upTo);
    if (!m_html) {
        // uuencoded files inside a plain text body carry a name too, and mail clients open them.
        static const QRegularExpression uuBegin(QStringLiteral("^begin(?:-base64)? [0-7]{3,4} ([^\\r\\n]+)"),
                                                QRegularExpression::MultilineOption);
        for (auto it = uuBegin.globalMatch(text); it.hasNext();)
            addName(it.next().captured(1));
    }
    feedMatcher(m_html ? HtmlText::toPlainText(text) : text);
}

void MessageScanner::feedMatcher(QStringView text)
{
    constexpr qsizetype block = 64 * 1024;
    for (qsizetype i = 0; i < text.size() && !m_matcher.allMatched(); i += block)
        m_matcher.feed(text.sliced(i, std::min(block, text.size() - i)));
}
