-- Schema 5: the Banned Addresses and Trusted IP Addresses lists (security rules 7 and 8). Ranges
-- are canonical CIDR text ("192.0.2.0/24", "2001:db8::/32"); times are Unix seconds (UTC);
-- expires_at NULL means the ban never expires. source is "manual" (an admin) or "auto" (auto-ban).
CREATE TABLE banned_addresses (
    cidr TEXT PRIMARY KEY,
    expires_at BIGINT,
    comment TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    source TEXT NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'auto'))
);
CREATE TABLE trusted_addresses (
    cidr TEXT PRIMARY KEY,
    comment TEXT NOT NULL DEFAULT ''
);
