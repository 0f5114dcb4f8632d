"""Message analysis: language, support requests and safety flags combined into one verdict."""
