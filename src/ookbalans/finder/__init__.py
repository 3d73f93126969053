"""Public pages where parents and professionals find fitting support near them."""
