"""Headless exports: the blog-ready recap post (per-target front matter, file names and
templating escapes), the iCalendar file of your talks, and the JSON backup of the store.

Importing this package loads nothing; each module loads its libraries when used.
"""
