-- Named statements used by SqlQueueStorage (the outbound queue, schema 7); the same names exist
-- for every dialect. Times are Unix seconds (UTC).
-- name: queue_message_insert
INSERT INTO queue_messages (id, file_name, sender, envelope_id, ret, size, eight_bit, smtp_utf8, received_at, origin)
VALUES (:id, :file_name, :sender, :envelope_id, :ret, :size, :eight_bit, :smtp_utf8, :received_at, :origin);
-- name: queue_recipient_insert
INSERT INTO queue_recipients (message_id, address, original_recipient, notify, state, attempts, next_attempt,
    last_attempt, last_error, status_code, diagnostic, remote_mta, report, delay_reported)
VALUES (:message_id, :address, :original_recipient, :notify, :state, :attempts, :next_attempt,
    :last_attempt, :last_error, :status_code, :diagnostic, :remote_mta, :report, :delay_reported)
RETURNING id;
-- name: queue_message_list
SELECT id, file_name, sender, envelope_id, ret, size, eight_bit, smtp_utf8, received_at, origin
FROM queue_messages ORDER BY received_at, id;
-- name: queue_message_get
SELECT id, file_name, sender, envelope_id, ret, size, eight_bit, smtp_utf8, received_at, origin
FROM queue_messages WHERE id = :id;
-- name: queue_recipient_list
SELECT message_id, id, address, original_recipient, notify, state, attempts, next_attempt, last_attempt,
    last_error, status_code, diagnostic, remote_mta, report, delay_reported
FROM queue_recipients ORDER BY message_id, id;
-- name: queue_recipient_list_message
SELECT message_id, id, address, original_recipient, notify, state, attempts, next_attempt, last_attempt,
    last_error, status_code, diagnostic, remote_mta, report, delay_reported
FROM queue_recipients WHERE message_id = :message_id ORDER BY id;
-- name: queue_recipient_update
UPDATE queue_recipients SET state = :state, attempts = :attempts, next_attempt = :next_attempt,
    last_attempt = :last_attempt, last_error = :last_error, status_code = :status_code,
    diagnostic = :diagnostic, remote_mta = :remote_mta, report = :report, delay_reported = :delay_reported
WHERE id = :id;
-- name: queue_message_delete
DELETE FROM queue_messages WHERE id = :id;
-- name: queue_relax_commits
-- WAL mode: a commit is written to the log without waiting for the disk; the log stays in order.
PRAGMA synchronous = NORMAL;
