#include "policysettingsholder.h"

PolicySettingsHolder::PolicySettingsHolder(PolicySettings settings)
    : m_current(std::make_shared<const PolicySettings>(settings))
{
}

std::shared_ptr<const PolicySettings> PolicySettingsHolder::current() const
{
    QMutexLocker lock(&m_mutex);
    return m_current;
}

void PolicySettingsHolder::replace(const PolicySettings &settings)
{
    auto next = std::make_shared<const PolicySettings>(settings);
    QMutexLocker lock(&m_mutex);
    m_current = std::move(next);
}
