"""Working-time rules: presets, violations from time entries and attendance, break deductions, reports."""
