"""A synthetic county for measuring Fazhi at scale (`fazhi loadsynthetic`).

The demo (`fazhi loaddemo`) is one town in one year, written record by record
through the services. A county is ~30 towns × ~10 villages × 10 years, about a
million rows with their history: written that way it takes hours. This package
builds the same kinds of records with the same validity (it runs `full_clean`
on a sample of every kind), in batches, with the history rows and the audit
log's lines written in bulk beside them. It lives apart from `fazhi.demo`
because it imports every capability, and the capabilities import the demo
registry. Densities and codes: docs/performance.md.
"""
