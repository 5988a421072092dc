#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include "contentfiltermatcher.h"
#include "mimevisitor.h"
#include "mimewalker.h"

class QIODevice;

// Scans a whole message once for what the security policy needs: every attachment file name
// (MIME parameters and uuencoded "begin 644 name" lines in plain text),
// which content filters match the decoded text (Subject, header block, text and HTML bodies in
// UTF-8), and whether the message could be walked at all.
class MessageScanner : private MimeVisitor
{
public:
    // A text part is converted and matched in slices of at most this many bytes, cut at a line end.
    static constexpr qsizetype kTextSlice = 4 * 1024 * 1024;

    explicit MessageScanner(QList<ContentFilter> filters = {}, int maxDepth = MimeWalker::kDefaultMaxDepth);

    bool scan(QIODevice &device);
    void feed(QByteArrayView bytes);
    void finish();

    [[nodiscard]] QStringList attachmentNames() const { return m_attachmentNames; }
    [[nodiscard]] QList<qsizetype> matchedFilters() const { return m_matcher.matchedFilters(); }
    [[nodiscard]] bool isUnscannable() const { return m_walker.isUnscannable(); }
    [[nodiscard]] QString unscannableReason() const { return m_walker.unscannableReason(); }
    [[nodiscard]] QString subject() const { return m_subject; }
    [[nodiscard]] int partCount() const { return m_walker.partCount(); }

private:
    void partStarted(const MimePart &part) override;
    void bodyData(QByteArrayView decoded) override;
    void bodyFinished() override;
    void addName(const QString &name);
    void matchText(qsizetype upTo);
    void feedMatcher(QStringView text);

    ContentFilterMatcher m_matcher;
    MimeWalker m_walker;
    QStringList m_attachmentNames;
    QString m_subject;
    bool m_collecting = false;
    bool m_html = false;
    QByteArray m_charset;
    QByteArray m_text;
};
