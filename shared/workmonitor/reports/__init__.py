"""Reports domain: the report builder over time, attendance and activity (`builder`), exports to CSV, XLSX and PDF
(`exports`, `exportjob` for the large ones), saved reports and client share links (`store`), and the weekly
summary email (`weekly`). Plain functions over a connection; the `reports` function's routes call them.
"""
