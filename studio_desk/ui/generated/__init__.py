"""GENERATED CODE, DO NOT EDIT: Python modules compiled from ``forms/*.ui`` by ``pyside6-uic``.

Edit the ``.ui`` file in Qt Designer, then run ``python -m studio_desk.ui.generated``.
``tests/ui/test_generated_forms.py`` fails when a module is out of step with its form.
"""
