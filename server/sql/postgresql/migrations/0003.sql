-- Schema 3: requests to running servers (postern tls reload). The CLI bumps a request's counter
-- in a write that also moves change_generation; a server that sees the generation move compares
-- the counter with the value it last acted on.
CREATE TABLE server_requests (
    name TEXT PRIMARY KEY,
    counter BIGINT NOT NULL
);
