"""The dnsmasq fixture itself: it serves its records, says NXDOMAIN for unknown test names and
refuses the rest, so later DNS tests can trust it (no query leaves loopback)."""

from dnsmasq_support import dnsmasq_fixture, query

A, MX, AAAA = 1, 15, 28
NOERROR, NXDOMAIN, REFUSED = 0, 3, 5

dns = dnsmasq_fixture(["--mx-host=mail.test,mx1.mail.test,10", "--mx-host=nullmx.test,.,0",
                       "--host-record=v4only.test,127.0.0.8"])


def test_answers_from_its_records(dns):
    assert query(dns.server, "mail.test", MX) == (NOERROR, 1)
    assert query(dns.server, "nullmx.test", MX) == (NOERROR, 1)
    assert query(dns.server, "v4only.test", A) == (NOERROR, 1)
    assert query(dns.server, "v4only.test", AAAA) == (NOERROR, 0)
    assert query(dns.server, "nowhere.test", A) == (NXDOMAIN, 0)
    assert query(dns.server, "example.com", A) == (REFUSED, 0)
    assert dns.queries_for("mail.test") == 1


def test_stops(dns):
    dns.stop()
    dns.stop()  # idempotent
