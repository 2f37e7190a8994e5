"""Partners: local businesses, their agreements and benefits, and members using them."""
