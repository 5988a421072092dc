-- Schema 6: the Filters and Attachment Filters lists (security rules 4 and 5). A content filter is
-- a text found case-insensitively in one scope of the decoded message; its action is "reject"
-- (550 at the end of DATA) or "discard" (250, then dropped). An attachment filter is a wildcard
-- pattern for attachment file names. Texts and patterns are stored as the admin typed them; the
-- admin service keeps them unique ignoring case. created_at is Unix seconds (UTC); id keeps the
-- order the admin added them in, which whole seconds cannot.
CREATE TABLE content_filters (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    filter_text TEXT NOT NULL UNIQUE,
    scope TEXT NOT NULL DEFAULT 'all' CHECK (scope IN ('subject', 'headers', 'body', 'all')),
    action TEXT NOT NULL DEFAULT 'reject' CHECK (action IN ('reject', 'discard')),
    created_at BIGINT NOT NULL
);
CREATE TABLE attachment_filters (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    pattern TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL
);
