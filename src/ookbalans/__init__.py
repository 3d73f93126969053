"""ookbalans: the local Kansrijke Start offering on the terms of OOK in Balans."""
