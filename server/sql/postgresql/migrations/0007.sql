-- Schema 7: outbound delivery (issue 9). The queue: one row per message waiting in
-- DATA_DIR/queue/new (file_name), one row per remote recipient with its own state, so each
-- recipient's outcome is recorded before anything acts on it. Times are Unix seconds (UTC).
-- notify is "never" or a comma list of success, failure, delay (RFC 3461 NOTIFY); ret is '',
-- 'full' or 'hdrs'. Routes: per-domain next hops that override MX (postern route add); their
-- passwords live in DATA_DIR/secrets, never here.
CREATE TABLE queue_messages (
    id TEXT PRIMARY KEY,
    file_name TEXT NOT NULL,
    sender TEXT NOT NULL,
    envelope_id TEXT NOT NULL DEFAULT '',
    ret TEXT NOT NULL DEFAULT '' CHECK (ret IN ('', 'full', 'hdrs')),
    size BIGINT NOT NULL,
    eight_bit BOOLEAN NOT NULL DEFAULT FALSE,
    smtp_utf8 BOOLEAN NOT NULL DEFAULT FALSE,
    received_at BIGINT NOT NULL,
    origin TEXT NOT NULL DEFAULT ''
);
CREATE TABLE queue_recipients (
    id BIGSERIAL PRIMARY KEY,
    message_id TEXT NOT NULL REFERENCES queue_messages(id) ON DELETE CASCADE,
    address TEXT NOT NULL,
    original_recipient TEXT NOT NULL DEFAULT '',
    notify TEXT NOT NULL DEFAULT 'failure,delay',
    state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'delivered', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt BIGINT NOT NULL,
    last_attempt BIGINT,
    last_error TEXT NOT NULL DEFAULT '',
    status_code TEXT NOT NULL DEFAULT '',
    diagnostic TEXT NOT NULL DEFAULT '',
    remote_mta TEXT NOT NULL DEFAULT '',
    report TEXT NOT NULL DEFAULT 'none' CHECK (report IN ('none', 'due', 'sent')),
    delay_reported BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX queue_recipients_message ON queue_recipients (message_id);
CREATE TABLE routes (
    domain TEXT PRIMARY KEY,
    host TEXT NOT NULL,
    port INTEGER NOT NULL CHECK (port BETWEEN 1 AND 65535),
    tls TEXT NOT NULL DEFAULT 'required' CHECK (tls IN ('none', 'opportunistic', 'required', 'verify')),
    auth_user TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL
);
