"""kg: turn government information-disclosure catalogs into a knowledge graph of the law behind them."""

__version__ = "0.1.0"
