"""The emulator's behaviour in plain Python: no spyne, no SQL."""
