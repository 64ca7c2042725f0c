"""A generator's one random source: a random.Random that restarts per generated file.

A generator makes one object and every module draws from it. It is never rebound, only reseeded
in place, so `from .rand import R` stays valid in every module and the draws keep their order.
"""

import random


class SeededRandom(random.Random):
    """random.Random(seed) that reseed(key) restarts for one file."""

    def __init__(self, seed):
        super().__init__(seed)
        self.base_seed = seed

    def reseed(self, key):
        """Restarts the draws for one file, exactly as a fresh random.Random(f"{seed}:{key}") would."""
        self.seed(f"{self.base_seed}:{key}")
