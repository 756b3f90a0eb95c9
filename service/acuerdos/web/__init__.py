"""The web service: pages, linked data, the named-query API and the dataset, over one `Site` and one `Backend`.

`app.create_app(site)` builds the FastAPI app. A handler reaches what it needs through `deps`
(`get_site`, `get_backend`): the site read once at start-up and the store's backend. Each module is
named for what it serves or does; `resources` (the catch-all linked-data route) is mounted last.
"""
