"""The knowledge base: articles grown from answered conversations, their search,
suggestions beside a conversation, the published help site, and the owner's
numbers (issue 18)."""
