"""Award programs (奖项), their jurisdictions, cycles (届) and the office's holiday calendar."""
