#include "contentfiltermatcher.h"

namespace {

// Case folding, and soft hyphens and zero-width characters removed: they hide words from a
// substring filter without changing what the reader sees.
QString folded(QStringView text)
{
    QString out = text.toString().toCaseFolded();
    out.removeIf([](QChar c) {
        const char16_t u = c.unicode();
        return u == 0x00AD || u == 0x200B || u == 0x200C || u == 0x200D || u == 0x2060 || u == 0xFEFF;
    });
    return out;
}

} // namespace

ContentFilterMatcher::ContentFilterMatcher(QList<ContentFilter> filters)
    : m_filters(std::move(filters))
{
    for (const ContentFilter &filter : std::as_const(m_filters)) {
        m_needles.append(folded(filter.text()));
        m_longest = std::max(m_longest, m_needles.last().size());
    }
    m_matched.fill(false, m_filters.size());
}

void ContentFilterMatcher::beginSegment(ContentFilter::Scope where)
{
    m_where = where == ContentFilter::Scope::All ? ContentFilter::Scope::Body : where;
    m_tail.clear();
}

void ContentFilterMatcher::feed(QStringView text)
{
    if (text.isEmpty() || m_longest == 0)
        return;
    const QString window = m_tail + folded(text);
    for (qsizetype i = 0; i < m_filters.size(); ++i) {
        if (m_matched[i] || m_needles[i].isEmpty() || !m_filters[i].covers(m_where))
            continue;
        if (window.contains(m_needles[i]))
            m_matched[i] = true;
    }
    m_tail = window.right(m_longest - 1);
}

void ContentFilterMatcher::endSegment()
{
    m_tail.clear();
}

QList<qsizetype> ContentFilterMatcher::matchedFilters() const
{
    QList<qsizetype> indexes;
    for (qsizetype i = 0; i < m_matched.size(); ++i) {
        if (m_matched[i])
            indexes.append(i);
    }
    return indexes;
}

bool ContentFilterMatcher::anyMatched() const
{
    return m_matched.contains(true);
}

bool ContentFilterMatcher::allMatched() const
{
    return !m_matched.contains(false);
}
