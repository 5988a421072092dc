#pragma once

#include <QList>
#include <QString>

#include "contentfilter.h"

// Finds content filters' texts in decoded message text fed in blocks: a match spanning two
// blocks of one segment is found, a match spanning two segments (two parts) is not.
class ContentFilterMatcher
{
public:
    explicit ContentFilterMatcher(QList<ContentFilter> filters);

    // where: Subject, Headers or Body (All is taken as Body).
    void beginSegment(ContentFilter::Scope where);
    void feed(QStringView text);
    void endSegment();

    [[nodiscard]] QList<qsizetype> matchedFilters() const; // indexes into the filters, ascending
    [[nodiscard]] bool anyMatched() const;
    [[nodiscard]] bool allMatched() const;
    [[nodiscard]] const QList<ContentFilter> &filters() const { return m_filters; }

private:
    QList<ContentFilter> m_filters;
    QList<QString> m_needles; // case-folded
    QList<bool> m_matched;
    qsizetype m_longest = 0;
    ContentFilter::Scope m_where = ContentFilter::Scope::Body;
    QString m_tail; // the last m_longest - 1 folded characters of the segment
};
