"""``eventsift serve``: a read-only JSON API and a web page (map, timeline, evidence).

Needs the ``server`` extra (``pip install 'eventsift[server]'``); import
``eventsift.server.app`` only where it is installed.
"""
