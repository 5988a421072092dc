-- Schema 2: a change counter every write bumps, so running servers notice CLI and GUI edits.
CREATE TABLE change_generation (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    value INTEGER NOT NULL
);
INSERT INTO change_generation (id, value) VALUES (1, 1);
CREATE INDEX accounts_by_domain ON accounts (domain);
CREATE INDEX aliases_by_domain ON aliases (domain);
