// an ordinary header of the check area
