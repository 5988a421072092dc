#include "fakeauthenticator.h"

#include "loginname.h"

void FakeAuthenticator::addAccount(const QString &name, const QString &password, bool enabled)
{
    m_accounts.insert(LoginName::canonical(name), Account{password, enabled});
}

AuthResult FakeAuthenticator::check(const QString &user, const QString &password) const
{
    AuthResult result;
    const QString name = LoginName::canonical(user);
    const auto found = name.isEmpty() ? m_accounts.constEnd() : m_accounts.constFind(name);
    if (m_unavailable) {
        result.temporary = true;
        result.reason = QStringLiteral("password checks overloaded");
    } else if (found == m_accounts.constEnd()) {
        result.reason = QStringLiteral("unknown user");
    } else if (!found->enabled) {
        result.reason = QStringLiteral("account disabled");
    } else if (found->password != password) {
        result.reason = QStringLiteral("wrong password");
    } else {
        result.ok = true;
        result.account = name;
    }
    return result;
}

void FakeAuthenticator::authenticate(const QString &user, const QString &password, std::function<void(AuthResult)> done)
{
    ++m_calls;
    const AuthResult result = check(user, password);
    if (m_mode == Mode::Synchronous) {
        done(result);
        return;
    }
    m_pending.append([done = std::move(done), result] { done(result); });
}

void FakeAuthenticator::runPending()
{
    const QList<std::function<void()>> pending = std::exchange(m_pending, {});
    for (const std::function<void()> &answer : pending)
        answer();
}
