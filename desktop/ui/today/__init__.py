"""The Today view: the desk's home screen."""
