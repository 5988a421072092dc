-- name: version_table_exists
SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version';
