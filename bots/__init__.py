"""Platform adapters: Telegram, Discord, X and the console."""
