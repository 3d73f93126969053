"""Reports from the public on the finder's services ("Klopt er iets niet?"), in the coalition's queue."""
