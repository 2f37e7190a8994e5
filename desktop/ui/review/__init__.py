"""The owner's Review view: numbers and charts that each open the list behind them."""
