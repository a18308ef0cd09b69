"""Analytics on the published warehouse."""
