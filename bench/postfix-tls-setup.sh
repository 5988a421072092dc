#!/usr/bin/env bash
# Adds a STARTTLS + AUTH submission service to the shared bench Postfix, for bench/smtp.sh's
# TLS cases: 127.0.0.1:$POSTFIX_TLS_PORT (default 2587), same smtpd as the shared peer on 2525
# plus STARTTLS with the certificate given here (Postern's own, so both servers do the same
# key exchange and signature) and SASL PLAIN/LOGIN from a Cyrus sasldb with one login.
# Run after ../shared/bench/peers-setup.sh (which rewrites master.cf: run this again after it).
# Idempotent. As root (installs sasl2-bin and libsasl2-modules with apt when missing).
#
# Usage: bench/postfix-tls-setup.sh CERT_PEM KEY_PEM
# Environment: POSTFIX_TLS_PORT=2587  TLS_LOGIN=tlsbench@bench.test  TLS_PASSWORD=benchbench
#   POSTFIX_SMTPD_MAXPROC=1200 (smtpd processes for this service: one per idle connection)
set -euo pipefail

[ $# -eq 2 ] || { echo "usage: $0 CERT_PEM KEY_PEM" >&2; exit 2; }
CERT=$1
KEY=$2
PORT=${POSTFIX_TLS_PORT:-2587}
LOGIN=${TLS_LOGIN:-tlsbench@bench.test}
PASSWORD=${TLS_PASSWORD:-benchbench}
SERVICE="127.0.0.1:$PORT/inet"

[ "$(id -u)" = 0 ] || { echo "$0: run as root" >&2; exit 2; }
[ -r "$CERT" ] && [ -r "$KEY" ] || { echo "$0: cannot read $CERT or $KEY" >&2; exit 2; }
command -v postconf >/dev/null || { echo "$0: no Postfix; run ../shared/bench/peers-setup.sh first" >&2; exit 2; }

if ! command -v saslpasswd2 >/dev/null || [ ! -e /usr/lib/x86_64-linux-gnu/sasl2/libsasldb.so.2 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q sasl2-bin libsasl2-modules >/dev/null
fi

# The pair, readable by Postfix only.
install -m 0644 -o root -g root "$CERT" /etc/postfix/postern-bench-tls.crt
install -m 0640 -o root -g postfix "$KEY" /etc/postfix/postern-bench-tls.key

# One SASL login (user@realm), in a sasldb that smtpd (not chrooted on the bench peer) reads.
user=${LOGIN%@*}
realm=${LOGIN#*@}
printf '%s' "$PASSWORD" | saslpasswd2 -p -c -f /etc/postfix/postern-bench-sasldb2 -u "$realm" "$user"
chown root:postfix /etc/postfix/postern-bench-sasldb2
chmod 0640 /etc/postfix/postern-bench-sasldb2
mkdir -p /etc/postfix/sasl
cat > /etc/postfix/sasl/smtpd.conf <<EOF
pwcheck_method: auxprop
auxprop_plugin: sasldb
sasldb_path: /etc/postfix/postern-bench-sasldb2
mech_list: PLAIN LOGIN
EOF

# The service: the shared smtpd's settings plus TLS and SASL (TLS 1.2+ as Postern).
# smtpd's TLS needs the tlsmgr service (entropy, session cache), absent from the shared master.cf.
postconf -M "tlsmgr/unix=tlsmgr unix - - n 1000? 1 tlsmgr"
postconf -M "$SERVICE=127.0.0.1:$PORT inet n - n - ${POSTFIX_SMTPD_MAXPROC:-1200} smtpd"
postconf -P "$SERVICE/smtpd_tls_security_level=may" \
    "$SERVICE/smtpd_tls_cert_file=/etc/postfix/postern-bench-tls.crt" \
    "$SERVICE/smtpd_tls_key_file=/etc/postfix/postern-bench-tls.key" \
    "$SERVICE/smtpd_tls_protocols=>=TLSv1.2" \
    "$SERVICE/smtpd_tls_mandatory_protocols=>=TLSv1.2" \
    "$SERVICE/smtpd_tls_auth_only=yes" \
    "$SERVICE/smtpd_sasl_auth_enable=yes" \
    "$SERVICE/smtpd_sasl_type=cyrus" \
    "$SERVICE/smtpd_sasl_path=smtpd" \
    "$SERVICE/smtpd_sasl_security_options=noanonymous" \
    "$SERVICE/smtpd_relay_restrictions=permit_sasl_authenticated,reject_unauth_destination"
postfix check
postfix reload >/dev/null 2>&1 || postfix start >/dev/null 2>&1

# Wait (bounded) until the port answers.
for _ in $(seq 1 50); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
        echo "postfix-tls-setup.sh: Postfix STARTTLS + SASL on 127.0.0.1:$PORT (login $LOGIN)"
        exit 0
    fi
    sleep 0.2
done
echo "$0: Postfix does not answer on 127.0.0.1:$PORT" >&2
exit 1
