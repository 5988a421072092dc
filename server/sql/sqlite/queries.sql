-- Named statements used by SqlStorage; the same names exist for every dialect.
-- name: schema_version_get
SELECT version FROM schema_version;
-- name: schema_version_set
UPDATE schema_version SET version = :version;
-- name: generation_get
SELECT value FROM change_generation WHERE id = 1;
-- name: generation_bump
UPDATE change_generation SET value = value + 1 WHERE id = 1;
-- name: domain_list
SELECT name FROM domains ORDER BY name;
-- name: domain_exists
SELECT COUNT(*) FROM domains WHERE name = :name;
-- name: domain_insert
INSERT INTO domains (name) VALUES (:name);
-- name: domain_delete
DELETE FROM domains WHERE name = :name;
-- name: account_list
SELECT address, display_name, quota_bytes, enabled, password_hash FROM accounts ORDER BY domain, address;
-- name: account_list_domain
SELECT address, display_name, quota_bytes, enabled, password_hash FROM accounts WHERE domain = :domain ORDER BY id;
-- name: account_get
SELECT address, display_name, quota_bytes, enabled, password_hash FROM accounts WHERE address = :address;
-- name: account_insert
INSERT INTO accounts (address, domain, display_name, quota_bytes, enabled, password_hash) VALUES (:address, :domain, :display_name, :quota_bytes, :enabled, :password_hash);
-- name: account_delete
DELETE FROM accounts WHERE address = :address;
-- name: account_set_password
UPDATE accounts SET password_hash = :password_hash WHERE address = :address;
-- name: account_set_enabled
UPDATE accounts SET enabled = :enabled WHERE address = :address;
-- name: account_set_details
UPDATE accounts SET display_name = :display_name, quota_bytes = :quota_bytes WHERE address = :address;
-- name: alias_list
SELECT a.address, t.target FROM aliases a LEFT JOIN alias_targets t ON t.alias = a.address ORDER BY a.domain, a.address, t.position;
-- name: alias_list_domain
SELECT a.address, t.target FROM aliases a LEFT JOIN alias_targets t ON t.alias = a.address WHERE a.domain = :domain ORDER BY a.address, t.position;
-- name: alias_get
SELECT a.address, t.target FROM aliases a LEFT JOIN alias_targets t ON t.alias = a.address WHERE a.address = :address ORDER BY t.position;
-- name: alias_insert
INSERT INTO aliases (address, domain) VALUES (:address, :domain);
-- name: alias_delete
DELETE FROM aliases WHERE address = :address;
-- name: alias_targets_delete
DELETE FROM alias_targets WHERE alias = :alias;
-- name: alias_target_insert
INSERT INTO alias_targets (alias, position, target) VALUES (:alias, :position, :target);
-- name: setting_list
SELECT key, value FROM settings ORDER BY key;
-- name: setting_upsert
INSERT INTO settings (key, value) VALUES (:key, :value) ON CONFLICT (key) DO UPDATE SET value = excluded.value;
-- name: setting_delete
DELETE FROM settings WHERE key = :key;
-- name: request_get
SELECT counter FROM server_requests WHERE name = :name;
-- name: request_bump
INSERT INTO server_requests (name, counter) VALUES (:name, 1) ON CONFLICT (name) DO UPDATE SET counter = server_requests.counter + 1;
-- name: smtp_login_list
SELECT name, password_hash FROM smtp_logins ORDER BY name;
-- name: smtp_login_get
SELECT name, password_hash FROM smtp_logins WHERE name = :name;
-- name: smtp_login_insert
INSERT INTO smtp_logins (name, password_hash) VALUES (:name, :password_hash);
-- name: smtp_login_delete
DELETE FROM smtp_logins WHERE name = :name;
-- name: ban_list
SELECT cidr, expires_at, comment, created_at, source FROM banned_addresses ORDER BY cidr;
-- name: ban_get
SELECT cidr, expires_at, comment, created_at, source FROM banned_addresses WHERE cidr = :cidr;
-- name: ban_upsert
INSERT INTO banned_addresses (cidr, expires_at, comment, created_at, source) VALUES (:cidr, :expires_at, :comment, :created_at, :source) ON CONFLICT (cidr) DO UPDATE SET expires_at = excluded.expires_at, comment = excluded.comment, created_at = excluded.created_at, source = excluded.source;
-- name: ban_delete
DELETE FROM banned_addresses WHERE cidr = :cidr;
-- name: trust_list
SELECT cidr, comment FROM trusted_addresses ORDER BY cidr;
-- name: trust_get
SELECT cidr, comment FROM trusted_addresses WHERE cidr = :cidr;
-- name: trust_upsert
INSERT INTO trusted_addresses (cidr, comment) VALUES (:cidr, :comment) ON CONFLICT (cidr) DO UPDATE SET comment = excluded.comment;
-- name: trust_delete
DELETE FROM trusted_addresses WHERE cidr = :cidr;
-- name: content_filter_list
SELECT filter_text, scope, action, created_at FROM content_filters ORDER BY id;
-- name: content_filter_insert
INSERT INTO content_filters (filter_text, scope, action, created_at) VALUES (:filter_text, :scope, :action, :created_at);
-- name: content_filter_delete
DELETE FROM content_filters WHERE filter_text = :filter_text;
-- name: attachment_filter_list
SELECT pattern, created_at FROM attachment_filters ORDER BY id;
-- name: attachment_filter_insert
INSERT INTO attachment_filters (pattern, created_at) VALUES (:pattern, :created_at);
-- name: attachment_filter_delete
DELETE FROM attachment_filters WHERE pattern = :pattern;
-- name: route_list
SELECT domain, host, port, tls, auth_user, created_at FROM routes ORDER BY domain;
-- name: route_get
SELECT domain, host, port, tls, auth_user, created_at FROM routes WHERE domain = :domain;
-- name: route_upsert
INSERT INTO routes (domain, host, port, tls, auth_user, created_at) VALUES (:domain, :host, :port, :tls, :auth_user, :created_at) ON CONFLICT (domain) DO UPDATE SET host = excluded.host, port = excluded.port, tls = excluded.tls, auth_user = excluded.auth_user;
-- name: route_delete
DELETE FROM routes WHERE domain = :domain;
