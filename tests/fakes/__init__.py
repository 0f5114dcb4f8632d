"""Local fakes of the platforms' APIs, spoken to over real HTTP by the real client libraries."""
