"""Support-request analysis: is a message a request for help, about what, and how urgent."""
