#include "loginname.h"

#include "mailaddress.h"

bool LoginName::isValidLoginName(const QString &name)
{
    if (name.isEmpty() || name.size() > kMaxLength)
        return false;
    for (QChar c : name) {
        const char16_t u = c.unicode();
        const bool alnum = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9');
        if (!alnum && u != '.' && u != '_' && u != '-')
            return false;
    }
    return true;
}

QString LoginName::canonical(const QString &user)
{
    if (user.contains(QLatin1Char('@'))) {
        const MailAddress address = MailAddress::parse(user);
        return address.isValid() ? address.canonical() : QString();
    }
    return isValidLoginName(user) ? user.toLower() : QString();
}
