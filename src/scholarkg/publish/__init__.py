"""Publishing a build: a read-only SPARQL endpoint (:mod:`.serve`), or a push into a store
an institute already runs (:mod:`.push`), through the W3C protocols only."""
