"""`modellaw serve`: a local web app to upload a statute, read it beside the Model Law and review verdicts.

A stage of its own (like reports/): it glues the pipeline (statutes, analysis), the database (store) and
the report catalogs (reports.i18n) behind an HTTP interface, so nothing else imports it. See docs/api.md.
"""
