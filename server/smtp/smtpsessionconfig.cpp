#include "smtpsessionconfig.h"

#include "policysettingsholder.h"

std::shared_ptr<const PolicySettings> SmtpSessionConfig::currentPolicy() const
{
    if (policy)
        return policy->current();
    static const auto defaults = std::make_shared<const PolicySettings>();
    return defaults;
}
