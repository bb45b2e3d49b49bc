"""Hogo: case management for public-assistance (生活保護) welfare offices."""
