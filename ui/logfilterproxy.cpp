#include "logfilterproxy.h"

#include "logmodel.h"

LogFilterProxy::LogFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    // Rows arriving at the tail are filtered as they come; no re-sort of the whole table.
    setDynamicSortFilter(false);
}

void LogFilterProxy::changed()
{
    // Qt 6.4 has no beginFilterChange(); invalidateFilter() re-runs filterAcceptsRow.
    invalidateFilter();
}

void LogFilterProxy::setMinimumLevel(LogLevel level)
{
    m_minimumLevel = level;
    changed();
}

void LogFilterProxy::setService(const QString &service)
{
    m_service = service.trimmed();
    changed();
}

void LogFilterProxy::setClientIp(const QString &ip)
{
    m_clientIp = ip.trimmed();
    changed();
}

void LogFilterProxy::setAccount(const QString &account)
{
    m_account = account.trimmed();
    changed();
}

void LogFilterProxy::setText(const QString &text)
{
    m_text = text;
    changed();
}

void LogFilterProxy::setSession(const QString &session)
{
    m_session = session.trimmed();
    changed();
}

bool LogFilterProxy::isPassThrough() const
{
    return m_minimumLevel == LogLevel::Debug && m_service.isEmpty() && m_clientIp.isEmpty()
        && m_account.isEmpty() && m_text.isEmpty() && m_session.isEmpty();
}

bool LogFilterProxy::ipMatches(const QString &filter, const QString &address)
{
    if (address.isEmpty())
        return false;
    if (filter.endsWith(QLatin1Char('.')) || filter.endsWith(QLatin1Char(':')))
        return address.startsWith(filter, Qt::CaseInsensitive);
    // A whole address: "10.0.0.1" must not find "10.0.0.10".
    return address.compare(filter, Qt::CaseInsensitive) == 0;
}

bool LogFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    // Without filters a 10-million-line file must not be read just to be shown.
    if (isPassThrough())
        return true;
    const QAbstractItemModel *model = sourceModel();
    const auto value = [&](int column, int role) {
        return model->index(sourceRow, column, sourceParent).data(role);
    };
    // "Show only this session" means the whole conversation, whatever else is filtered.
    if (!m_session.isEmpty())
        return value(LogModel::Session, Qt::DisplayRole).toString() == m_session;
    if (m_minimumLevel != LogLevel::Debug && value(LogModel::Level, LogModel::LevelRole).toInt() < int(m_minimumLevel))
        return false;
    if (!m_service.isEmpty()
        && value(LogModel::Component, Qt::DisplayRole).toString().compare(m_service, Qt::CaseInsensitive) != 0)
        return false;
    if (!m_clientIp.isEmpty() && !ipMatches(m_clientIp, value(LogModel::Text, LogModel::ClientIpRole).toString()))
        return false;
    if (!m_account.isEmpty()
        && !value(LogModel::Text, LogModel::AccountRole).toString().contains(m_account, Qt::CaseInsensitive))
        return false;
    if (!m_text.isEmpty() && !value(LogModel::Text, Qt::DisplayRole).toString().contains(m_text, Qt::CaseInsensitive))
        return false;
    return true;
}
