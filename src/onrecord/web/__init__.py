"""The HTTP side of onrecord: JSON API routes, web pages, and their small helpers.

``onrecord.web.app.create_app`` assembles these; nothing here speaks SQL (the store does).
"""
