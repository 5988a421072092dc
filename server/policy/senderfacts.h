#pragma once

#include <QString>

class RecipientDirectory;

// What the directory says about a sender address, for the rules that look at MAIL FROM and From:.
// A plain value: the rules only read it.
struct SenderFacts
{
    QString address;              // canonical; empty: the null reverse-path <>
    QString domain;
    bool localDomain = false;     // the domain is one of the server's
    bool hasAccount = false;      // an account, or an alias that delivers to one
    bool belongsToLogin = false;  // the authenticated login's own address, or an alias delivering to it
    bool loginHasAddress = false; // the login is an account (an address); SMTP-only logins are not

    // `canonical`: MailAddress::canonical() of the sender, or empty; `login`: the authenticated
    // login, or empty.
    [[nodiscard]] static SenderFacts of(const QString &canonical, const QString &login, const RecipientDirectory &directory);
};
