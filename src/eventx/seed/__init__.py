"""The seed article shipped inside the package, so ``eventx demo`` runs from an installed wheel.

A copy of ``seeds/<id>.txt`` and ``.meta.json`` (tests/test_demo.py checks they are identical);
the golden record stays in the checkout's ``seeds/``.
"""
