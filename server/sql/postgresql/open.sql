-- Run on every new connection, before anything else.
SET client_min_messages = warning;
