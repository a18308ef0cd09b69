"""The kinds of article the page reader tells apart: the one list, which the warehouse's accepted values
(``sinmun.store.tables``) and the search filter check against. A module of its own so that they need not import
the reader."""

KINDS = ("news", "photo", "column", "editorial", "notice", "continuation", "ad")
