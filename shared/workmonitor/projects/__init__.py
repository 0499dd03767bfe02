"""Projects domain: clients, projects (rates, budgets and consumption), members and tasks with assignees.

Plain functions over a connection (`store`) and the shapes they take and give (`models`); the `projects`
function's routes call them, and so may workers and reports.
"""
