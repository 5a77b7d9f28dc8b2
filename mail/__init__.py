"""Every mail the site sends goes through one outbox: queued with its cause, sent by the relay.

Invariants: ``send_mail`` writes an outbox row in the caller's transaction and never talks to
SMTP; the relay claims a row before sending it, so nothing is sent twice, and a refused or
unreachable server only delays it. mail/README.md has the modules and the relay's rules,
ADR 0019 the decisions.
"""
