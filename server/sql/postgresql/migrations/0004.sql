-- Schema 4: SMTP-only logins for devices that send mail but have no mailbox (scanners,
-- printers): a login name (LoginName syntax, stored lower-case) and a password hash.
CREATE TABLE smtp_logins (
    name TEXT PRIMARY KEY,
    password_hash TEXT NOT NULL
);
