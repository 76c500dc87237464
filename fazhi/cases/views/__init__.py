"""Views of the cases app, by kind; `urls.py` names them."""
