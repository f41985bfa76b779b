"""Services: the work the CLI, the web app, reports and the demo share, over the database.

Import the module you need (`watchline.services.casework`, `…extraction`); nothing heavy
is imported here.
"""
