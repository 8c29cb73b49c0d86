"""Getting news from the web: HTTP, feeds, OPML, subscriptions and fetching into the library."""
