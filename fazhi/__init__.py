"""Fazhi (法治): a township's law-based-government work platform."""
